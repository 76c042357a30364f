package owsim.catalog;

import static owsim.io.Check.nonNegative;
import static owsim.io.Check.positive;
import static owsim.io.Check.required;

/**
 * Attention shape of a model. For MHA/GQA, {@code headDim} is the per-head size of Q, K and V.
 * For MLA the latent ranks apply ({@code kvLoraRank}, {@code qkRopeHeadDim} are cached per token;
 * {@code qLoraRank} 0 means queries are not compressed). Sliding-window layers keep only the last
 * {@code slidingWindowTokens} tokens of KV.
 */
public record AttentionSpec(
    AttentionKind kind,
    int queryHeads,
    int kvHeads,
    int headDim,
    int qLoraRank,
    int kvLoraRank,
    int qkNopeHeadDim,
    int qkRopeHeadDim,
    int vHeadDim,
    int slidingWindowTokens,
    int slidingWindowLayers,
    boolean qkvBias) {

    public AttentionSpec {
        required("kind", kind);
        positive("queryHeads", queryHeads);
        nonNegative("qLoraRank", qLoraRank);
        nonNegative("slidingWindowTokens", slidingWindowTokens);
        nonNegative("slidingWindowLayers", slidingWindowLayers);
        if (kind == AttentionKind.MLA) {
            positive("kvLoraRank", kvLoraRank);
            positive("qkNopeHeadDim", qkNopeHeadDim);
            positive("qkRopeHeadDim", qkRopeHeadDim);
            positive("vHeadDim", vHeadDim);
        } else {
            positive("kvHeads", kvHeads);
            positive("headDim", headDim);
            if (queryHeads % kvHeads != 0) {
                throw new IllegalArgumentException("kvHeads: must divide queryHeads (" + queryHeads + "), was " + kvHeads);
            }
            if (kind == AttentionKind.MHA && kvHeads != queryHeads) {
                throw new IllegalArgumentException("kvHeads: must equal queryHeads for mha; use kind: gqa");
            }
        }
        if (slidingWindowLayers > 0 && slidingWindowTokens == 0) {
            throw new IllegalArgumentException("slidingWindowTokens: must be > 0 when slidingWindowLayers is set");
        }
    }
}
