package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.AttentionKind;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * The decode step the engine ranks candidates with ({@link DecodeModel.Prepared}, its batch-independent figures worked
 * out once per deployment) is the same double as the decode model's formula written out directly (below, as it stood
 * before the figures were prepared: {@link ExpertLoad} and {@link Communication} called per step), on every catalog
 * model, accelerator, weight format, KV format and layout size, at batches, KV reads and tokens per sequence that
 * cover the memory- and compute-bound regimes, one and many pipeline stages, and overlapped and exposed all-to-alls.
 * And every answer of the catalog cross-product stays the one it was before (a digest pinned from that code).
 */
class DecodeStepEquivalenceTest {
    private static final double[] BATCHES = {1, 3, 64, 1000, 4096, 60_000};
    private static final double[] KV_READS = {1500, 32_768};
    private static final double[] TOKENS_PER_SEQUENCE = {1, 2};

    @Test void thePreparedStepIsTheFormulaBitForBit() {
        ServingDefaults d = ServingDefaults.standard();
        Planner planner = new Planner(d);
        DecodeModel decode = new DecodeModel(d);
        long compared = 0;
        for (ModelSpec m : Fixtures.CATALOG.models()) {
            ModelShape s = new ModelShape(m);
            for (AcceleratorSpec hw : Fixtures.CATALOG.accelerators()) {
                for (WeightFormat w : WeightFormat.values()) {
                    for (KvFormat kv : KvFormat.values()) {
                        for (int g : Planner.sizes(hw, 1, Math.min(Planner.maxGpus(hw), 320))) {
                            for (Deployment dep : planner.layouts(m, s, hw, w, kv, 2000, g, 4)) {
                                for (double kvRead : KV_READS) {
                                    for (double perStep : TOKENS_PER_SEQUENCE) {
                                        DecodeModel.Prepared prepared = decode.prepare(m, s, hw, w, kv, dep, kvRead, perStep);
                                        for (double b : BATCHES) {
                                            DecodeModel.Step direct = formula(d, m, s, hw, w, kv, dep, b, kvRead, perStep);
                                            DecodeModel.Step fast = prepared.step(b);
                                            assertThat(Double.doubleToLongBits(fast.seconds()))
                                                .as("%s on %s %s %s %s b=%s", m.id(), hw.id(), w, kv, dep.parallelism().label(), b)
                                                .isEqualTo(Double.doubleToLongBits(direct.seconds()));
                                            assertThat(fast.memoryBound()).isEqualTo(direct.memoryBound());
                                            compared++;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    /**
     * Every catalog model on every accelerator at every weight format: ten fixed batches (the serving sweep), the
     * max-throughput search (aggregated against disaggregated) and two per-user speed targets (the bisection), each
     * answer printed whole (a record: every figure, exactly) into one digest.
     */
    @Test void theCatalogCrossProductAnswersAreUnchanged() throws Exception {
        ServingEngine engine = new ServingEngine();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (ModelSpec m : Fixtures.CATALOG.models()) {
            for (AcceleratorSpec hw : Fixtures.CATALOG.accelerators()) {
                for (WeightFormat w : WeightFormat.values()) {
                    ServeRequest base = ServeRequest.of(m, hw).withFormats(w, KvFormat.BF16);
                    for (int b : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 512}) add(sha, engine, base.withBatch(b));
                    add(sha, engine, base);
                    add(sha, engine, base.withMinUserTokensPerSecond(20));
                    add(sha, engine, base.withMinUserTokensPerSecond(60).withTokens(4000, 500));
                }
            }
        }
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(CROSS_PRODUCT_DIGEST);
    }

    /**
     * Pinned from the engine before the decode step was prepared per deployment (same answers since); re-pinned when FP4
     * dense GEMMs took their rate by rows (ComputeRates.fp4DenseRelativeEfficiency: 4-bit weights on devices with FP4 units);
     * re-pinned when prefill's FP4 GEMMs and the FP4 grouped expert GEMMs took their shares by rows
     * (ComputeRates.fp4GroupedRelativeEfficiency, PREFILL_STEP_TOKENS): again only 4-bit weights on devices with FP4 units
     * move (every other answer of the cross-product was checked to be the same bytes).
     */
    private static final String CROSS_PRODUCT_DIGEST = "69fa18c6232d5e91afed482a9caeed67c1d234ce4bd6b381f745e658c05ce0f6";

    private static void add(MessageDigest sha, ServingEngine engine, ServeRequest r) {
        String answer;
        try {
            answer = engine.evaluate(r).toString();
        } catch (IllegalArgumentException e) {
            answer = "refused: " + e.getMessage();
        }
        sha.update(answer.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

    /** The decode model's formula written out directly (see {@link DecodeModel}). */
    private static DecodeModel.Step formula(ServingDefaults d, ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv,
                                            Deployment dep, double batch, double kvReadTokens, double tokensPerSequence) {
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
        double denseRate = ComputeRates.peakFlopsPerSecond(hw, w) * share * eff;
        if (ComputeRates.denseRunsAtFp4(hw, w)) denseRate = denseRate * ComputeRates.fp4DenseRelativeEfficiency(groupTokens);
        double computeSeconds = flops / denseRate
            + deviceTokens * AttentionFlops.perToken(m, kvReadTokens, true) * layerShare
                / (ComputeRates.attentionFlopsPerSecond(hw) * share * (m.attention().kind() == AttentionKind.MLA ? d.mlaDecodeAttentionEfficiency() : eff)
                    * ComputeRates.mlaDecodeFp8KvSpeedup(hw, m, kv, kvReadTokens));
        if (moeActive > 0) {
            ExpertLoad load = ExpertLoad.of(s, dep, stageTokens, d.gemmTileRows());
            bytes += load.touchedSlots() * s.moeLayers * layerShare * WeightMemory.expertBytes(s, m, w);
            double flopsPerRow = s.moeLayers * layerShare * 2.0 * s.expertParams;
            double expertPeak = ComputeRates.expertFlopsPerSecond(hw, m, w) * share;
            double rowsPerExpert = Math.max(load.rowsPerTouchedExpert(), d.gemmTileRows());
            double expertEff = d.expertGemmEfficiencyMax() * rowsPerExpert / (rowsPerExpert + d.expertGemmHalfRows());
            if (ComputeRates.expertsRunAtFp4(hw, m, w)) {
                double fp4 = ComputeRates.fp4GroupedRelativeEfficiency(rowsPerExpert);
                computeSeconds += load.rowsOnBusiestDevice() * flopsPerRow / (expertPeak * eff * expertEff * fp4)
                    + load.paddingRowsOnBusiestDevice() * flopsPerRow / (expertPeak * fp4);
            } else {
                computeSeconds += load.rowsOnBusiestDevice() * flopsPerRow / (expertPeak * eff * expertEff)
                    + load.paddingRowsOnBusiestDevice() * flopsPerRow / expertPeak;
            }
        }
        double memorySeconds = bytes / (hw.memoryBandwidthBytesPerSecond() * d.bandwidthEfficiency());
        double work = Math.max(memorySeconds, computeSeconds);
        double allToAll = allToAllSeconds(m, s, hw, w, p, deviceTokens, d);
        boolean overlap = deviceTokens >= d.overlapMinTokensPerRank();
        double stage = (overlap ? Math.max(work, allToAll) : work + allToAll)
            + Communication.tensorSeconds(m, hw, p, groupTokens, d)
            + m.layers() * layerShare * d.layerOverheadSeconds();
        double seconds = pp * stage + (pp > 1 ? (pp - 1) * Communication.pipelineSeconds(m, hw, stageTokens, d) : 0);
        return new DecodeModel.Step(seconds, memorySeconds >= computeSeconds);
    }

    /** Expert-parallel dispatch and combine of one stage, as it stood in Communication ({@code deviceTokens} on each device). */
    static double allToAllSeconds(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, Parallelism p,
                                  double deviceTokens, ServingDefaults d) {
        if (!m.isMoe() || p.dataParallel() <= 1) return 0;
        int stageDevices = p.tensor() * p.dataParallel();
        double dispatchBytesPerElement = Math.min(WeightFormat.FP8.bytesPerWeight(), WeightMemory.expertFormat(m, w).bytesPerWeight());
        double bytes = deviceTokens * s.activeExperts * m.hiddenSize() * (dispatchBytesPerElement + 2.0);
        boolean inDomain = stageDevices <= Planner.perNode(hw);
        double bandwidth = inDomain
            ? hw.interconnectGBps() * 1e9 * d.allToAllNvlinkEfficiency()
            : hw.networkGBps() * 1e9 * d.allToAllNetworkEfficiency();
        double latency = 2 * (inDomain ? d.collectiveLatencySeconds() : d.networkLatencySeconds());
        return (s.moeLayers / (double) p.pipeline()) * (latency + bytes / bandwidth);
    }
}
