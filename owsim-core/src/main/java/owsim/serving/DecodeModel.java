package owsim.serving;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.AttentionKind;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Time of one decode step (one new token, or one verified draft, for each of B sequences), computed
 * per device of a pipeline stage, since under data-parallel attention and expert parallelism the
 * devices do different work:
 * <ul>
 * <li>bytes: each device streams its share of the attention, dense and LM-head weights (replicated
 *     over data-parallel groups, sharded over the tensor group), its expert slots that its stage's
 *     tokens touch, and the KV cache of its attention group's sequences;</li>
 * <li>FLOPs: its attention group's tokens through the dense part and attention, and the routed
 *     expert rows of the busiest device (the statistical load imbalance across expert-parallel ranks
 *     included) at the fitted efficiency, plus the padding of its touched experts' GEMM tiles at the
 *     peak rate;</li>
 * <li>wire: tensor all-reduces added; expert dispatch and combine hidden behind compute by two
 *     micro-batches when a rank has enough tokens, else added; pipeline hand-offs added.</li>
 * </ul>
 * Stage time = max(bytes / (bandwidth x efficiency), FLOPs / (peak x efficiency)) + wire + fixed per-layer
 * overhead; a step with p pipeline stages and p micro-batches in flight takes p stage times.
 */
final class DecodeModel {
    private final ServingDefaults d;

    DecodeModel(ServingDefaults defaults) { this.d = defaults; }

    /** One step's timing: seconds and whether memory or compute bounds it. */
    record Step(double seconds, boolean memoryBound) {}

    /**
     * @param batch sequences over the whole deployment
     * @param tokensPerSequence tokens each sequence puts through the model in a step (1, or 1 + draft tokens)
     */
    Step step(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, Deployment dep,
              double batch, double kvReadTokens, double tokensPerSequence) {
        Parallelism p = dep.parallelism();
        int tp = p.tensor();
        int pp = p.pipeline();
        double microBatch = batch / pp;
        double groupSequences = dep.sequencesPerRank(microBatch);
        double groupTokens = groupSequences * tokensPerSequence;
        double stageTokens = microBatch * tokensPerSequence;
        double layerShare = 1.0 / pp;

        double bytes = WeightMemory.alwaysReadBytes(s, w) / (tp * (double) pp)
            + groupSequences * KvCache.bytesPerSequence(m, kv, kvReadTokens) * KvCache.replication(m, tp) / (tp * (double) pp);
        double moeActive = (double) s.moeLayers * s.activeExperts * s.expertParams;
        double eff = d.denseComputeEfficiency();
        double share = d.matrixRateShare(hw);
        double deviceTokens = groupTokens / tp;
        double flops = deviceTokens * 2.0 * (s.activeCompute() - moeActive) * layerShare;
        double computeSeconds = flops / (ComputeRates.peakFlopsPerSecond(hw, w) * share * eff)
            + deviceTokens * AttentionFlops.perToken(m, kvReadTokens, true) * layerShare
                / (ComputeRates.attentionFlopsPerSecond(hw) * share * (m.attention().kind() == AttentionKind.MLA ? d.mlaDecodeAttentionEfficiency() : eff));
        if (moeActive > 0) {
            ExpertLoad load = ExpertLoad.of(s, dep, stageTokens, d.gemmTileRows());
            bytes += load.touchedSlots() * s.moeLayers * layerShare * WeightMemory.expertBytes(s, m, w);
            double flopsPerRow = s.moeLayers * layerShare * 2.0 * s.expertParams;
            double expertPeak = ComputeRates.expertFlopsPerSecond(hw, m, w) * share;
            // Token rows run at the fitted efficiency; the padding of a tile costs tensor-core time at the peak rate.
            // Efficiency rising with rows per expert, effMax x r / (r + halfRows), at no fewer than one tile of rows:
            // below a tile the padding is charged as such, so a lone token costs its row, not halfRows.
            double rowsPerExpert = Math.max(load.rowsPerTouchedExpert(), d.gemmTileRows());
            double expertEff = d.expertGemmEfficiencyMax() * rowsPerExpert / (rowsPerExpert + d.expertGemmHalfRows());
            computeSeconds += load.rowsOnBusiestDevice() * flopsPerRow / (expertPeak * eff * expertEff)
                + load.paddingRowsOnBusiestDevice() * flopsPerRow / expertPeak;
        }
        double memorySeconds = bytes / (hw.memoryBandwidthBytesPerSecond() * d.bandwidthEfficiency());
        double work = Math.max(memorySeconds, computeSeconds);
        double allToAll = Communication.allToAllSeconds(m, s, hw, w, p, deviceTokens, d);
        boolean overlap = deviceTokens >= d.overlapMinTokensPerRank();
        double stage = (overlap ? Math.max(work, allToAll) : work + allToAll)
            + Communication.tensorSeconds(m, hw, p, groupTokens, d)
            + m.layers() * layerShare * d.layerOverheadSeconds();
        double seconds = pp * stage + (pp > 1 ? (pp - 1) * Communication.pipelineSeconds(m, hw, stageTokens, d) : 0);
        return new Step(seconds, memorySeconds >= computeSeconds);
    }
}
