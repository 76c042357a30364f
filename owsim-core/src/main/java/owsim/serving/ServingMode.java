package owsim.serving;

import java.util.Locale;

/**
 * How prefill and decode share accelerators: one deployment doing both (aggregated), or separate prefill and decode
 * pools with the KV cache of each prompt sent from one to the other over the scale-out network (disaggregated, as
 * DeepSeek's own service, SGLang with Mooncake or NIXL, and NVIDIA Dynamo run large MoE models). {@link #AUTO} lets the
 * engine take the cheaper for the request mix.
 */
public enum ServingMode {
    AUTO, AGGREGATED, DISAGGREGATED;

    /**
     * Reads auto, aggregated or disaggregated (any case).
     *
     * @throws IllegalArgumentException naming the option and what is allowed
     */
    public static ServingMode parse(String s) {
        String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "auto" -> AUTO;
            case "aggregated" -> AGGREGATED;
            case "disaggregated" -> DISAGGREGATED;
            default -> throw new IllegalArgumentException("serving: '" + s + "' is not a serving mode; allowed: auto, aggregated, disaggregated");
        };
    }

    @Override public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
