package owsim.serving;

import static owsim.io.Check.nonNegative;
import static owsim.io.Check.required;

/**
 * A published API list price, USD per million tokens, as one provider charged it from a date.
 *
 * @param modelId catalog id of the model served
 * @param provider who charges it (the developer's own API, or a host)
 * @param effective first day the price applied, {@code YYYY-MM-DD} (or {@code YYYY-MM} when only the month is known)
 * @param usdPerMillionInputMiss input tokens not in the provider's prefix cache
 * @param usdPerMillionInputHit input tokens served from the prefix cache (equal to the miss price when the provider lists no discount)
 * @param usdPerMillionOutput output tokens
 * @param source where the price is published
 */
public record ApiPrice(String modelId, String provider, String effective, double usdPerMillionInputMiss,
                       double usdPerMillionInputHit, double usdPerMillionOutput, String source) {

    public ApiPrice {
        required("modelId", modelId);
        required("provider", provider);
        required("effective", effective);
        if (!effective.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
            throw new IllegalArgumentException("effective: must be YYYY-MM-DD or YYYY-MM, was '" + effective + "'");
        }
        nonNegative("usdPerMillionInputMiss", usdPerMillionInputMiss);
        nonNegative("usdPerMillionInputHit", usdPerMillionInputHit);
        nonNegative("usdPerMillionOutput", usdPerMillionOutput);
        if (usdPerMillionInputHit > usdPerMillionInputMiss) {
            throw new IllegalArgumentException("usdPerMillionInputHit: a cache hit cannot cost more than a miss ("
                + usdPerMillionInputHit + " > " + usdPerMillionInputMiss + ")");
        }
    }

    /** Blended price at an output share and a cache-hit share of input. */
    public double blendedUsdPerMillion(double outputShare, double cacheHitShare) {
        double input = cacheHitShare * usdPerMillionInputHit + (1 - cacheHitShare) * usdPerMillionInputMiss;
        return (1 - outputShare) * input + outputShare * usdPerMillionOutput;
    }

    /** One line naming the provider, the date and the source, for notes. */
    public String describe() {
        return provider + " from " + effective + " (" + source + ")";
    }
}
