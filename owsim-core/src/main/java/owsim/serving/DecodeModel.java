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
 * <li>FLOPs: its attention group's tokens through the dense part (FP4 dense GEMMs at a share of their peak that
 *     rises with the group's tokens, {@link ComputeRates#fp4DenseRelativeEfficiency}) and attention, and the routed
 *     expert rows of the busiest device (the statistical load imbalance across expert-parallel ranks
 *     included) at the fitted efficiency (FP4 grouped GEMMs at a share that rises with rows per expert,
 *     {@link ComputeRates#fp4GroupedRelativeEfficiency}), plus the padding of its touched experts' GEMM tiles at the
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
     * The step on one deployment for one request, with everything that does not depend on the batch worked out once.
     *
     * @param tokensPerSequence tokens each sequence puts through the model in a step (1, or 1 + draft tokens)
     */
    Prepared prepare(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, Deployment dep,
                     double kvReadTokens, double tokensPerSequence) {
        return new Prepared(d, m, s, hw, w, kv, dep, kvReadTokens, tokensPerSequence);
    }

    /**
     * The decode step on one deployment for one request (formats, KV read, tokens per sequence), its batch-independent
     * figures (weight stream, per-token KV bytes, rates, per-layer constants, collective constants) computed once, so a
     * step at a given batch is a few multiply-adds, one exponential and one square root. Every expression keeps the
     * operands and the order of evaluation of the formula in the class comment, so a step is the same double whichever
     * way it is asked for.
     */
    static final class Prepared {
        private final int pp;
        private final double pipeline;
        private final double tensor;
        private final double dataParallel;
        private final double tokensPerSequence;
        private final double weightBytes;
        private final double kvBytesPerSequence;
        private final double kvReplication;
        private final double tensorPipeline;
        private final double layerShare;
        private final double denseParams;
        private final double denseRate;
        private final boolean fp4Dense;
        private final boolean fp4Experts;
        private final double attentionFlopsPerToken;
        private final double attentionRate;
        private final boolean moe;
        private final int slots;
        private final int ranks;
        private final double totalSlots;
        private final double activeExperts;
        private final double twoLogRanks;
        private final int tileRows;
        private final double moeLayers;
        private final double expertBytes;
        private final double flopsPerRow;
        private final double expertPeak;
        private final double expertPeakEff;
        private final double expertEffMax;
        private final double expertHalfRows;
        private final double memoryRate;
        private final boolean allToAll;
        private final double allToAllLayers;
        private final double allToAllLatency;
        private final double allToAllBytesPerToken;
        private final double hidden;
        private final double allToAllBandwidth;
        private final double overlapMinTokens;
        private final boolean tensorGroup;
        private final double collectiveLatency;
        private final double ringShare;
        private final double interconnectBytesPerSecond;
        private final double tensorCollectives;
        private final double overhead;
        private final double networkLatency;
        private final double networkBytesPerSecond;

        Prepared(ServingDefaults d, ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, Deployment dep,
                 double kvReadTokens, double tokensPerSequence) {
            Parallelism p = dep.parallelism();
            int tp = p.tensor();
            pp = p.pipeline();
            pipeline = pp;
            tensor = tp;
            dataParallel = p.dataParallel();
            this.tokensPerSequence = tokensPerSequence;
            layerShare = 1.0 / pp;
            tensorPipeline = tp * (double) pp;
            weightBytes = WeightMemory.alwaysReadBytes(s, w) / (tp * (double) pp);
            kvBytesPerSequence = KvCache.bytesPerSequence(m, kv, kvReadTokens);
            kvReplication = KvCache.replication(m, tp);
            double moeActive = (double) s.moeLayers * s.activeExperts * s.expertParams;
            double eff = d.denseComputeEfficiency();
            double share = d.matrixRateShare(hw);
            denseParams = s.activeCompute() - moeActive;
            denseRate = ComputeRates.peakFlopsPerSecond(hw, w) * share * eff;
            fp4Dense = ComputeRates.denseRunsAtFp4(hw, w);
            attentionFlopsPerToken = AttentionFlops.perToken(m, kvReadTokens, true);
            // MLA over an FP8 KV cache multiplies in FP8 on Blackwell (ComputeRates.mlaDecodeFp8KvSpeedup); exactly 1 elsewhere,
            // which leaves every other product the same double.
            attentionRate = ComputeRates.attentionFlopsPerSecond(hw) * share * (m.attention().kind() == AttentionKind.MLA ? d.mlaDecodeAttentionEfficiency() : eff)
                * ComputeRates.mlaDecodeFp8KvSpeedup(hw, m, kv, kvReadTokens);
            moe = moeActive > 0;
            slots = dep.expertSlotsPerDevice();
            ranks = p.expert();
            totalSlots = (double) slots * ranks;
            activeExperts = s.activeExperts;
            twoLogRanks = 2 * Math.log(ranks);
            tileRows = d.gemmTileRows();
            moeLayers = s.moeLayers;
            expertBytes = WeightMemory.expertBytes(s, m, w);
            flopsPerRow = s.moeLayers * layerShare * 2.0 * s.expertParams;
            expertPeak = ComputeRates.expertFlopsPerSecond(hw, m, w) * share;
            fp4Experts = ComputeRates.expertsRunAtFp4(hw, m, w);
            expertPeakEff = expertPeak * eff;
            expertEffMax = d.expertGemmEfficiencyMax();
            expertHalfRows = d.expertGemmHalfRows();
            memoryRate = hw.memoryBandwidthBytesPerSecond() * d.bandwidthEfficiency();
            // The expert dispatch (FP8, or the expert format when narrower) and combine (BF16) per MoE layer, as
            // DeepEP does: over NVLink inside one NVLink domain, else over the scale-out network.
            allToAll = m.isMoe() && p.dataParallel() > 1;
            hidden = m.hiddenSize();
            double dispatchBytesPerElement = Math.min(WeightFormat.FP8.bytesPerWeight(), WeightMemory.expertFormat(m, w).bytesPerWeight());
            allToAllBytesPerToken = dispatchBytesPerElement + 2.0;
            boolean inDomain = tp * p.dataParallel() <= Planner.perNode(hw);
            allToAllBandwidth = inDomain
                ? hw.interconnectGBps() * 1e9 * d.allToAllNvlinkEfficiency()
                : hw.networkGBps() * 1e9 * d.allToAllNetworkEfficiency();
            allToAllLatency = 2 * (inDomain ? d.collectiveLatencySeconds() : d.networkLatencySeconds());
            allToAllLayers = s.moeLayers / (double) p.pipeline();
            overlapMinTokens = d.overlapMinTokensPerRank();
            // Communication.tensorSeconds, its constants.
            tensorGroup = tp > 1;
            collectiveLatency = d.collectiveLatencySeconds();
            ringShare = 2.0 * (tp - 1) / tp;
            interconnectBytesPerSecond = hw.interconnectGBps() * 1e9;
            int perLayer = m.isMoe() && p.dataParallel() > 1 ? 1 : 2;
            tensorCollectives = perLayer * (m.layers() / (double) p.pipeline());
            overhead = m.layers() * layerShare * d.layerOverheadSeconds();
            // Communication.pipelineSeconds, its constants.
            networkLatency = d.networkLatencySeconds();
            networkBytesPerSecond = hw.networkGBps() * 1e9;
        }

        /** The step last asked for by {@link #step}, with its batch (immutable, so a racy read sees all of it or none). */
        private record Last(double batch, Step step) {}

        /**
         * The step {@link #step} last gave: a max-throughput request runs each candidate at its own largest batch,
         * which depends on the deployment alone, so a repeated request asks every candidate for the same batch again.
         * Not volatile: a thread that misses another's entry computes the same step again.
         */
        private Last last;

        /**
         * The step at {@code batch} sequences over the whole deployment; the same step as {@link #compute}, remembered
         * for the batch last asked for (a repeated batch is answered without the arithmetic).
         */
        Step step(double batch) {
            Last l = last;
            if (l != null && Double.doubleToRawLongBits(l.batch) == Double.doubleToRawLongBits(batch)) return l.step;
            Step s = compute(batch);
            last = new Last(batch, s);
            return s;
        }

        /** The step at {@code batch} sequences over the whole deployment, computed (what a bisection over batches asks for). */
        Step compute(double batch) {
            double microBatch = batch / pipeline;
            double groupSequences = microBatch / dataParallel;
            double groupTokens = groupSequences * tokensPerSequence;
            double stageTokens = microBatch * tokensPerSequence;

            double bytes = weightBytes + groupSequences * kvBytesPerSequence * kvReplication / tensorPipeline;
            double deviceTokens = groupTokens / tensor;
            double flops = deviceTokens * 2.0 * denseParams * layerShare;
            // FP4 dense GEMMs of groupTokens rows (each device computes its share of the columns of all of them) reach
            // less of their peak than the FP8-fitted efficiency says (ComputeRates.fp4DenseRelativeEfficiency).
            double rate = fp4Dense ? denseRate * ComputeRates.fp4DenseRelativeEfficiency(groupTokens) : denseRate;
            double computeSeconds = flops / rate + deviceTokens * attentionFlopsPerToken * layerShare / attentionRate;
            if (moe) {
                // Experts chosen k of E uniformly (what a balancer with redundant copies aims for): the slots of one
                // device that receive any token, and the busiest of R ranks at about mean + sqrt(2 ln R x mean)
                // token-expert pairs (the largest of R Poisson counts); a touched expert computes at least one tile.
                double pairsPerSlot = stageTokens * activeExperts / totalSlots;
                double touched = 1 - Math.exp(-pairsPerSlot);
                double pairsPerDevice = pairsPerSlot * slots;
                double busiest = ranks > 1 ? pairsPerDevice + Math.sqrt(twoLogRanks * pairsPerDevice) : pairsPerDevice;
                double touchedSlots = slots * touched;
                double rowsPerTouched = touchedSlots > 0 ? busiest / touchedSlots : 0;
                double padded = Math.max(rowsPerTouched, tileRows);
                double padding = touchedSlots * padded - busiest;
                bytes += touchedSlots * moeLayers * layerShare * expertBytes;
                double rowsPerExpert = Math.max(rowsPerTouched, tileRows);
                double expertEff = expertEffMax * rowsPerExpert / (rowsPerExpert + expertHalfRows);
                // FP4 grouped GEMMs reach less of their peak than the FP8-fitted curve says, by rows per expert
                // (ComputeRates.fp4GroupedRelativeEfficiency); the padding tiles run in the same kernel. A factor of
                // exactly 1 leaves every other product the same double.
                double fp4 = fp4Experts ? ComputeRates.fp4GroupedRelativeEfficiency(rowsPerExpert) : 1;
                computeSeconds += busiest * flopsPerRow / (expertPeakEff * expertEff * fp4) + padding * flopsPerRow / (expertPeak * fp4);
            }
            double memorySeconds = bytes / memoryRate;
            double work = Math.max(memorySeconds, computeSeconds);
            double a2a = allToAll ? allToAllLayers * (allToAllLatency + deviceTokens * activeExperts * hidden * allToAllBytesPerToken / allToAllBandwidth) : 0;
            boolean overlap = deviceTokens >= overlapMinTokens;
            double tensor = tensorGroup ? tensorCollectives * (collectiveLatency + ringShare * (groupTokens * hidden * 2.0) / interconnectBytesPerSecond) : 0;
            double stage = (overlap ? Math.max(work, a2a) : work + a2a) + tensor + overhead;
            double seconds = pp * stage + (pp > 1 ? (pp - 1) * (networkLatency + stageTokens * hidden * 2.0 / networkBytesPerSecond) : 0);
            return new Step(seconds, memorySeconds >= computeSeconds);
        }
    }
}
