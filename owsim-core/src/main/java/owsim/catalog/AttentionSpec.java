package owsim.catalog;

import static owsim.io.Check.range;
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
        range("queryHeads", queryHeads, 1, ArchitectureLimits.HEADS);
        range("qLoraRank", qLoraRank, 0, ArchitectureLimits.WIDTH);
        range("slidingWindowTokens", slidingWindowTokens, 0, ArchitectureLimits.CONTEXT);
        range("slidingWindowLayers", slidingWindowLayers, 0, ArchitectureLimits.LAYERS);
        if (kind == AttentionKind.MLA) {
            range("kvLoraRank", kvLoraRank, 1, ArchitectureLimits.WIDTH);
            range("qkNopeHeadDim", qkNopeHeadDim, 1, ArchitectureLimits.HEADS);
            range("qkRopeHeadDim", qkRopeHeadDim, 1, ArchitectureLimits.HEADS);
            range("vHeadDim", vHeadDim, 1, ArchitectureLimits.HEADS);
        } else {
            range("kvHeads", kvHeads, 1, ArchitectureLimits.HEADS);
            range("headDim", headDim, 1, ArchitectureLimits.HEADS);
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
