package owsim.catalog;

import static owsim.io.Check.nonNegative;

/**
 * Feed-forward shape. A dense model has {@code experts == 0} and every layer uses
 * {@code denseIntermediate}. A mixture of experts has {@code denseLayers} leading dense layers
 * (DeepSeek's first_k_dense_replace) and MoE layers with {@code experts} routed experts of
 * {@code moeIntermediate}, {@code activeExperts} chosen per token, plus {@code sharedExperts}
 * always-on experts of the same size. All MLPs are gated (three matrices: gate, up, down).
 */
public record FfnSpec(
    int denseIntermediate,
    int denseLayers,
    int moeIntermediate,
    int experts,
    int activeExperts,
    int sharedExperts,
    boolean expertBias) {

    public FfnSpec {
        nonNegative("denseIntermediate", denseIntermediate);
        nonNegative("denseLayers", denseLayers);
        nonNegative("moeIntermediate", moeIntermediate);
        nonNegative("experts", experts);
        nonNegative("activeExperts", activeExperts);
        nonNegative("sharedExperts", sharedExperts);
        if (experts > 0) {
            if (moeIntermediate <= 0) throw new IllegalArgumentException("moeIntermediate: must be > 0 for a mixture of experts");
            if (activeExperts <= 0 || activeExperts > experts) {
                throw new IllegalArgumentException("activeExperts: must be between 1 and experts (" + experts + "), was " + activeExperts);
            }
        } else if (denseIntermediate <= 0) {
            throw new IllegalArgumentException("denseIntermediate: must be > 0 for a dense model");
        }
    }

    public boolean isMoe() { return experts > 0; }
}
