package owsim.serving;

/** A published API list price, USD per million tokens, with its source and date. */
public record ApiPrice(String modelId, double usdPerMillionInputMiss, double usdPerMillionInputHit,
                       double usdPerMillionOutput, String source) {

    /** Blended price at an output share and a cache-hit share of input. */
    public double blendedUsdPerMillion(double outputShare, double cacheHitShare) {
        double input = cacheHitShare * usdPerMillionInputHit + (1 - cacheHitShare) * usdPerMillionInputMiss;
        return (1 - outputShare) * input + outputShare * usdPerMillionOutput;
    }
}
