package owsim.serving;

import owsim.catalog.AttentionKind;
import owsim.catalog.AttentionSpec;
import owsim.catalog.ModelSpec;

/**
 * KV cache size. MHA/GQA keep K and V per KV head: 2 x kvHeads x headDim elements per layer and
 * token. MLA keeps one compressed latent plus the rotary key: kvLoraRank + qkRopeHeadDim elements
 * per layer and token (not the expanded K and V). Sliding-window layers hold at most the window.
 */
final class KvCache {
    private KvCache() {}

    static long elementsPerLayerToken(AttentionSpec a) {
        return a.kind() == AttentionKind.MLA
            ? (long) a.kvLoraRank() + a.qkRopeHeadDim()
            : 2L * a.kvHeads() * a.headDim();
    }

    /** Bytes per token summed over all layers, as if no layer had a sliding window. */
    static long bytesPerToken(ModelSpec m, KvFormat kv) {
        // Exact: catalog limits keep this below 2^50, and a wrapped count would be a negative cache.
        return Math.multiplyExact(Math.multiplyExact((long) m.layers(), elementsPerLayerToken(m.attention())), (long) kv.bytesPerElement());
    }

    /** Bytes one sequence of {@code contextTokens} holds, sliding windows applied. */
    static double bytesPerSequence(ModelSpec m, KvFormat kv, double contextTokens) {
        AttentionSpec a = m.attention();
        double perLayerToken = elementsPerLayerToken(a) * (double) kv.bytesPerElement();
        int windowed = a.slidingWindowLayers();
        double windowTokens = windowed > 0 ? Math.min(contextTokens, a.slidingWindowTokens()) : 0;
        return perLayerToken * ((m.layers() - windowed) * contextTokens + windowed * windowTokens);
    }

    /**
     * How many times each KV entry is stored across a tensor-parallel group: GQA shards by KV
     * head, so a group wider than the KV heads replicates them; MLA's latent is shared by all heads,
     * so every device of the tensor group holds all of it (why SGLang, vLLM and TensorRT-LLM run MLA
     * models with data-parallel attention, tensor degree 1).
     */
    static int replication(ModelSpec m, int tensorParallel) {
        AttentionSpec a = m.attention();
        if (a.kind() == AttentionKind.MLA) return tensorParallel;
        return Math.max(1, tensorParallel / a.kvHeads());
    }
}
