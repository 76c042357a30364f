package owsim.serving;

import owsim.catalog.AttentionKind;
import owsim.catalog.AttentionSpec;
import owsim.catalog.ModelSpec;

/**
 * FLOPs of the score and value products of one token attending to {@code contextTokens} earlier
 * tokens, summed over layers (sliding-window layers see at most the window). Decode with MLA
 * works in the latent space (weight absorption): scores over kvLoraRank + qkRopeHeadDim and values
 * over kvLoraRank per head; prefill with MLA expands K and V (qk head and v head dims).
 */
final class AttentionFlops {
    private AttentionFlops() {}

    static double perToken(ModelSpec m, double contextTokens, boolean decode) {
        AttentionSpec a = m.attention();
        double perContextToken;
        if (a.kind() == AttentionKind.MLA) {
            perContextToken = decode
                ? 2.0 * a.queryHeads() * (2.0 * a.kvLoraRank() + a.qkRopeHeadDim())
                : 2.0 * a.queryHeads() * (a.qkNopeHeadDim() + a.qkRopeHeadDim() + a.vHeadDim());
        } else {
            perContextToken = 4.0 * a.queryHeads() * a.headDim();
        }
        int windowed = a.slidingWindowLayers();
        double windowTokens = windowed > 0 ? Math.min(contextTokens, a.slidingWindowTokens()) : 0;
        return perContextToken * ((m.layers() - windowed) * contextTokens + windowed * windowTokens);
    }
}
