package owsim.serving;

import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Bytes of a model's weights in a requested format. Rules (kept simple, documented in
 * docs/SERVING.md): when a model ships its routed experts in a format of their own (gpt-oss: MXFP4
 * experts, BF16 rest) the experts keep it unless the request is smaller (nobody re-expands them); the embedding table and
 * the LM head stay at 16 bits, as quantised releases leave them (DeepSeek-V3's FP8 checkpoint,
 * llm-compressor's default ignore list); everything else is in the requested format.
 */
final class WeightMemory {
    private WeightMemory() {}

    /** Format of the routed experts: the model's own expert format when it ships one apart and it is smaller, else the requested one. */
    static WeightFormat expertFormat(ModelSpec m, WeightFormat requested) {
        WeightFormat nativeExperts = m.nativeExpertWeights();
        boolean separate = nativeExperts != m.nativeWeights();
        return separate && nativeExperts.bitsPerWeight() < requested.bitsPerWeight() ? nativeExperts : requested;
    }

    /** Bytes of the embedding and unembedding matrices (one matrix when tied). */
    static double embeddingBytes(ModelShape s) {
        return (s.embedding + s.unembedding) * WeightFormat.BF16.bytesPerWeight();
    }

    /** Bytes read in every forward step whatever the batch: the LM head and the core (attention, dense MLPs, shared experts). */
    static double alwaysReadBytes(ModelShape s, WeightFormat w) {
        return s.lmHead() * WeightFormat.BF16.bytesPerWeight() + s.core() * w.bytesPerWeight();
    }

    /** Bytes of one routed expert in one layer. */
    static double expertBytes(ModelShape s, ModelSpec m, WeightFormat w) {
        return s.expertParams * expertFormat(m, w).bytesPerWeight();
    }

    static double totalBytes(ModelShape s, ModelSpec m, WeightFormat w) {
        return embeddingBytes(s) + s.core() * w.bytesPerWeight() + s.routedExperts() * expertFormat(m, w).bytesPerWeight();
    }

    /**
     * Expected number of distinct experts that B tokens touch in one MoE layer when each picks k of
     * E uniformly: E (1 - (1 - k/E)^B). Real routers are not uniform, so this is an upper bound
     * on distinct experts for a given B (skew makes fewer experts hot).
     */
    static double distinctExperts(int experts, int active, double tokens) {
        if (experts == 0) return 0;
        return experts * (1 - Math.pow(1 - (double) active / experts, tokens));
    }

    /** Bytes of weights streamed in one step processing {@code tokens} tokens. */
    static double touchedBytes(ModelShape s, ModelSpec m, WeightFormat w, double tokens) {
        return alwaysReadBytes(s, w)
            + s.moeLayers * distinctExperts(s.experts, s.activeExperts, tokens) * expertBytes(s, m, w);
    }
}
