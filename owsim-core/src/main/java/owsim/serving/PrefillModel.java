package owsim.serving;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Prefill is compute-bound: 2 x active parameters FLOPs per token plus causal attention over half
 * the prompt on average, at the prefill MFU; routed-expert GEMMs run at the MFU times the MoE
 * factor (grouped GEMMs, token permutation, load imbalance across ranks). Attention and dense
 * layers are not MoE work and run at the plain MFU, for dense and MoE models alike. The expert
 * dispatch and combine of prefill hide behind compute (two micro-batches over thousands of
 * tokens per device, DeepEP's normal kernels forwarding over NVLink once per node). Cached prompt
 * tokens (prefix cache hits) are assumed free: their KV is read, not recomputed.
 *
 * <p>With 4-bit weights on a device with FP4 units the GEMMs run at the FP4 peak times the share of it FP4 kernels
 * reach at prefill's rows, relative to the FP8 kernels the MFU was fitted on: dense GEMMs at
 * {@link ComputeRates#fp4DenseRelativeEfficiency} of a step's tokens ({@link ComputeRates#PREFILL_STEP_TOKENS}, or one
 * prompt's for its TTFT), routed experts at {@link ComputeRates#fp4GroupedRelativeEfficiency} of that step's rows per
 * expert. For throughput every device is taken to bring a step of its own (data-parallel attention, as MoE prefill
 * runs in production; under tensor-parallel attention the rows per expert are fewer by the tensor degree, and the
 * share a few percent lower).
 */
final class PrefillModel {
    private final ServingDefaults d;

    PrefillModel(ServingDefaults defaults) { this.d = defaults; }

    /** Deployment-seconds to prefill one uncached prompt token of a prompt of {@code promptTokens}. */
    double secondsPerToken(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, int gpus, int promptTokens) {
        return nonExpertSecondsPerToken(m, s, hw, w, gpus, promptTokens) + expertSecondsPerToken(m, s, hw, w, gpus);
    }

    /** The part of {@link #secondsPerToken} spent in attention, dense layers, shared experts and the LM head. */
    double nonExpertSecondsPerToken(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, int gpus, int promptTokens) {
        return nonExpertSecondsPerToken(m, s, hw, w, gpus, promptTokens, ComputeRates.PREFILL_STEP_TOKENS);
    }

    private double nonExpertSecondsPerToken(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, int gpus, int promptTokens,
                                            double stepTokens) {
        double moeActive = (double) s.moeLayers * s.activeExperts * s.expertParams;
        double mfu = d.prefillMfu() * d.matrixRateShare(hw);
        // (Non-FP4 products keep their order of evaluation, so those figures stay the same doubles.)
        double fp4 = ComputeRates.denseRunsAtFp4(hw, w) ? ComputeRates.fp4DenseRelativeEfficiency(stepTokens) : 1;
        return 2.0 * (s.activeCompute() - moeActive) / (gpus * ComputeRates.peakFlopsPerSecond(hw, w) * mfu * fp4)
            + AttentionFlops.perToken(m, promptTokens / 2.0, false) / (gpus * ComputeRates.attentionFlopsPerSecond(hw) * mfu);
    }

    /** The part of {@link #secondsPerToken} spent in routed-expert GEMMs (0 for a dense model). */
    double expertSecondsPerToken(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, int gpus) {
        return expertSecondsPerToken(m, s, hw, w, gpus, ComputeRates.PREFILL_STEP_TOKENS * gpus);
    }

    /** {@link #expertSecondsPerToken} when a step puts {@code stepTokens} tokens through all the experts. */
    private double expertSecondsPerToken(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, int gpus, double stepTokens) {
        double moeActive = (double) s.moeLayers * s.activeExperts * s.expertParams;
        if (moeActive <= 0) return 0;
        double fp4 = ComputeRates.expertsRunAtFp4(hw, m, w) ? ComputeRates.fp4GroupedRelativeEfficiency(stepTokens * s.activeExperts / s.experts) : 1;
        return 2.0 * moeActive / (gpus * ComputeRates.expertFlopsPerSecond(hw, m, w) * d.matrixRateShare(hw) * d.prefillMfu() * d.moeComputeFactor() * fp4);
    }

    /** Time to first token of one request alone: compute or one pass over the touched weights, whichever is longer, plus wire time. */
    double ttftSeconds(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, Deployment dep,
                       int promptTokens, double cacheHitShare) {
        double uncached = Math.max(1, promptTokens * (1 - cacheHitShare));
        // One prompt alone: its GEMMs have its tokens as rows, up to one step's (the rest is chunked).
        double rows = Math.min(uncached, ComputeRates.PREFILL_STEP_TOKENS);
        double compute = uncached * (nonExpertSecondsPerToken(m, s, hw, w, dep.gpus(), promptTokens, rows)
            + expertSecondsPerToken(m, s, hw, w, dep.gpus(), rows));
        double memory = WeightMemory.touchedBytes(s, m, w, uncached)
            / (dep.gpus() * hw.memoryBandwidthBytesPerSecond() * d.bandwidthEfficiency());
        Parallelism p = dep.parallelism();
        return Math.max(compute, memory) + Communication.tensorSeconds(m, hw, p, uncached, d)
            + (p.pipeline() > 1 ? (p.pipeline() - 1) * Communication.pipelineSeconds(m, hw, uncached, d) : 0)
            + m.layers() * d.layerOverheadSeconds();
    }
}
