package owsim.scenario;

import static owsim.io.Check.range;

/** List prices of a lab's API, USD per million tokens. */
public record ApiPrices(double usdPerMillionInput, double usdPerMillionOutput) {
    public ApiPrices {
        range("usdPerMillionInput", usdPerMillionInput, 0, 1e5);
        range("usdPerMillionOutput", usdPerMillionOutput, 0, 1e5);
    }

    /** Blended price per token for a given input share. */
    public double usdPerToken(double inputShare) {
        return (inputShare * usdPerMillionInput + (1 - inputShare) * usdPerMillionOutput) / 1e6;
    }
}
