package owsim.catalog;

import static owsim.io.Check.range;

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
        range("denseIntermediate", denseIntermediate, 0, ArchitectureLimits.INTERMEDIATE);
        range("denseLayers", denseLayers, 0, ArchitectureLimits.LAYERS);
        range("moeIntermediate", moeIntermediate, 0, ArchitectureLimits.INTERMEDIATE);
        range("experts", experts, 0, ArchitectureLimits.EXPERTS);
        range("activeExperts", activeExperts, 0, ArchitectureLimits.EXPERTS);
        range("sharedExperts", sharedExperts, 0, ArchitectureLimits.EXPERTS);
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
