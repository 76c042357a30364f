package owsim.serving;

import static owsim.io.Check.fraction;
import static owsim.io.Check.nonNegative;
import static owsim.io.Check.positive;

/**
 * Calibrated efficiency factors and cost assumptions of the serving engine, one record so every
 * figure is in one place. {@link #standard()} documents the source or the assumption of each;
 * docs/SERVING.md shows which published measurement each factor was fitted to.
 *
 * @param memoryUtilization share of device memory for weights and KV cache; the rest holds activations, CUDA graphs, framework
 * @param bandwidthEfficiency achieved share of peak memory bandwidth in a decode step
 * @param denseComputeEfficiency achieved share of peak tensor FLOPS for dense GEMMs and attention in decode
 * @param moeComputeFactor multiplier on compute efficiency for routed-expert GEMMs (grouped GEMMs over a few dozen tokens per expert, token dispatch, load imbalance across expert-parallel ranks)
 * @param prefillMfu model FLOPS utilisation of prefill
 * @param collectiveLatencySeconds fixed latency of one collective (all-reduce, all-to-all) inside a node
 * @param networkLatencySeconds fixed latency of one transfer between nodes
 * @param layerOverheadSeconds fixed time per layer per decode step (kernel launches, scheduling) not hidden by CUDA graphs
 * @param maxBatch most sequences a serving framework schedules at once
 * @param amortisationYears years over which owned hardware is written off
 * @param pue data-centre power usage effectiveness
 * @param usdPerKWh electricity price
 * @param hostingUsdPerDeviceMonth rack space, networking, host CPU/RAM and operations per accelerator per month
 * @param apiMarkup price of a third-party API over its rented serving cost when no list price is known
 * @param outputShare share of a user's tokens that are output, for blended prices
 */
public record ServingDefaults(
    double memoryUtilization,
    double bandwidthEfficiency,
    double denseComputeEfficiency,
    double moeComputeFactor,
    double prefillMfu,
    double collectiveLatencySeconds,
    double networkLatencySeconds,
    double layerOverheadSeconds,
    int maxBatch,
    double amortisationYears,
    double pue,
    double usdPerKWh,
    double hostingUsdPerDeviceMonth,
    double apiMarkup,
    double outputShare) {

    public ServingDefaults {
        fraction("memoryUtilization", memoryUtilization);
        positive("memoryUtilization", memoryUtilization);
        positive("bandwidthEfficiency", bandwidthEfficiency);
        fraction("bandwidthEfficiency", bandwidthEfficiency);
        positive("denseComputeEfficiency", denseComputeEfficiency);
        fraction("denseComputeEfficiency", denseComputeEfficiency);
        positive("moeComputeFactor", moeComputeFactor);
        fraction("moeComputeFactor", moeComputeFactor);
        positive("prefillMfu", prefillMfu);
        fraction("prefillMfu", prefillMfu);
        nonNegative("collectiveLatencySeconds", collectiveLatencySeconds);
        nonNegative("networkLatencySeconds", networkLatencySeconds);
        nonNegative("layerOverheadSeconds", layerOverheadSeconds);
        positive("maxBatch", maxBatch);
        positive("amortisationYears", amortisationYears);
        positive("pue", pue);
        nonNegative("usdPerKWh", usdPerKWh);
        nonNegative("hostingUsdPerDeviceMonth", hostingUsdPerDeviceMonth);
        positive("apiMarkup", apiMarkup);
        fraction("outputShare", outputShare);
    }

    /**
     * The defaults. Sources and assumptions:
     * <ul>
     * <li>memoryUtilization 0.90: vLLM's default gpu_memory_utilization (the other 10% holds activations, CUDA graphs, NCCL buffers).</li>
     * <li>bandwidthEfficiency 0.65, denseComputeEfficiency 0.30, prefillMfu 0.65: fitted together (minimising the
     *     largest error) to TensorRT-LLM's eight Llama-3.1-8B FP8 max-throughput figures on 1xH100 and 1xH200
     *     (ISL/OSL 128/128 to 2048/2048), with the layer overhead below in place; they absorb what the roofline leaves out (attention kernels below peak
     *     bandwidth, decode GEMMs over a few hundred rows, scheduling gaps, prefill/decode interference).</li>
     * <li>moeComputeFactor 0.28: fitted to TRT-LLM's DeepSeek-R1 8xH200 FP8 figure (1,627 tok/s/GPU) after the
     *     dense factors; at the max-throughput batch each expert sees a few dozen tokens (grouped GEMMs far from
     *     peak), tokens are dispatched and combined, and the busiest expert-parallel rank sets the pace.</li>
     * <li>collectiveLatencySeconds 10 us: small-message NCCL all-reduce latency on NVLink (assumption: order of magnitude of published nccl-tests small-message times).</li>
     * <li>networkLatencySeconds 30 us: one InfiniBand hop plus a send/receive (assumption).</li>
     * <li>layerOverheadSeconds 50 us: fitted to aiconfigurator's latency-bound example (Qwen3-32B FP8 on H200, TPOT
     *     at most 10 ms, 478.57 tok/s/GPU aggregated); even under CUDA graphs a layer runs 10-15 kernels of a few
     *     microseconds each that do not overlap the weight stream. Hardly matters at max-throughput batches.</li>
     * <li>maxBatch 2048: TensorRT-LLM's default max_batch_size.</li>
     * <li>amortisationYears 4: assumption; hyperscalers depreciate servers over 5-6 years, accelerators lose value faster.</li>
     * <li>pue 1.3: assumption; typical colocation figure (hyperscalers report ~1.1, older sites 1.5+).</li>
     * <li>usdPerKWh 0.08: assumption; US industrial electricity is roughly 8 cents/kWh.</li>
     * <li>hostingUsdPerDeviceMonth 150: assumption; a colocated 8-GPU server (rack share, network, host, operations) at ~$1,200/month.</li>
     * <li>apiMarkup 1.5: assumption; a host prices tokens at 1.5x its rented serving cost at the default utilization.</li>
     * <li>outputShare 0.25: assumption; chat and coding traffic is input-heavy (long contexts, short answers).</li>
     * </ul>
     */
    public static ServingDefaults standard() {
        return new ServingDefaults(0.90, 0.65, 0.30, 0.28, 0.65, 10e-6, 30e-6, 50e-6, 2048, 4, 1.3, 0.08, 150, 1.5, 0.25);
    }

    /** These defaults with a fixed per-layer overhead per decode step (an engine without CUDA graphs). */
    public ServingDefaults withLayerOverheadSeconds(double seconds) {
        return new ServingDefaults(memoryUtilization, bandwidthEfficiency, denseComputeEfficiency, moeComputeFactor,
            prefillMfu, collectiveLatencySeconds, networkLatencySeconds, seconds, maxBatch, amortisationYears, pue,
            usdPerKWh, hostingUsdPerDeviceMonth, apiMarkup, outputShare);
    }

    /** These defaults with other efficiency factors (for calibration and sensitivity studies). */
    public ServingDefaults withEfficiencies(double bandwidth, double denseCompute, double moeFactor, double prefill) {
        return new ServingDefaults(memoryUtilization, bandwidth, denseCompute, moeFactor, prefill,
            collectiveLatencySeconds, networkLatencySeconds, layerOverheadSeconds, maxBatch, amortisationYears, pue,
            usdPerKWh, hostingUsdPerDeviceMonth, apiMarkup, outputShare);
    }
}
