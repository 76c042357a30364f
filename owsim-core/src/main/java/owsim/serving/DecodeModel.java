package owsim.serving;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Time of one decode step (one new token for each of B sequences) on a whole deployment:
 * max(bytes / (bandwidth x efficiency), FLOPs / (peak x efficiency)) + communication + fixed
 * per-layer overhead. Bytes are the weights actually touched (all non-expert weights plus the
 * distinct experts B tokens route to) and every sequence's KV cache. Routed-expert GEMMs run at
 * the dense compute efficiency times moeComputeFactor.
 */
final class DecodeModel {
    private final ServingDefaults d;

    DecodeModel(ServingDefaults defaults) { this.d = defaults; }

    /** One step's timing: seconds and whether memory or compute bounds it. */
    record Step(double seconds, boolean memoryBound) {}

    Step step(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, Deployment dep,
              int batch, double kvReadTokens) {
        int g = dep.gpus();
        double bytes = WeightMemory.touchedBytes(s, m, w, batch)
            + batch * KvCache.bytesPerSequence(m, kv, kvReadTokens) * KvCache.replication(m, dep.parallelism().tensor());
        double memorySeconds = bytes / (g * hw.memoryBandwidthBytesPerSecond() * d.bandwidthEfficiency());

        double moeActive = (double) s.moeLayers * s.activeExperts * s.expertParams;
        double eff = d.denseComputeEfficiency();
        double computeSeconds = batch * (2.0 * (s.activeCompute() - moeActive) / (g * ComputeRates.peakFlopsPerSecond(hw, w) * eff)
            + AttentionFlops.perToken(m, kvReadTokens, true) / (g * ComputeRates.attentionFlopsPerSecond(hw) * eff)
            + (moeActive > 0
                ? 2.0 * moeActive / (g * ComputeRates.peakFlopsPerSecond(hw, WeightMemory.expertFormat(m, w)) * eff * d.moeComputeFactor())
                : 0));
        double seconds = Math.max(memorySeconds, computeSeconds)
            + Communication.seconds(m, hw, dep.parallelism(), batch, d) + m.layers() * d.layerOverheadSeconds();
        return new Step(seconds, memorySeconds >= computeSeconds);
    }
}
