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
 * @param moeComputeFactor multiplier on prefill compute efficiency for routed-expert GEMMs (grouped GEMMs, token permutation, load imbalance across expert-parallel ranks)
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
 * @param allToAllNvlinkEfficiency achieved share of the catalog's one-way NVLink bandwidth in an expert-parallel dispatch or combine inside one NVLink domain
 * @param allToAllNetworkEfficiency achieved share of the per-device scale-out bandwidth in a dispatch or combine across nodes
 * @param overlapMinTokensPerRank tokens per expert-parallel rank from which two micro-batches hide the dispatch and combine behind compute
 * @param gemmTileRows rows of the smallest tile a grouped expert GEMM computes: an expert that receives fewer tokens still pays a full tile
 * @param mlaDecodeAttentionEfficiency achieved share of the BF16 peak of MLA decode attention (absorbed, compute-bound kernels)
 * @param expertGemmEfficiencyMax multiplier on the dense compute efficiency for routed-expert GEMMs in decode when each
 *     touched expert has many rows (the limit of the curve below), beyond the tile padding and statistical imbalance
 *     modelled explicitly (token permutation, quantisation of activations, systematic routing skew)
 * @param expertGemmHalfRows rows per touched expert at which a routed-expert GEMM in decode reaches half of
 *     expertGemmEfficiencyMax: the efficiency is {@code expertGemmEfficiencyMax x r / (r + expertGemmHalfRows)} at
 *     r rows per expert, evaluated at no fewer than gemmTileRows (below one tile the padding is charged as such)
 * @param amdMatrixRateShare share of an AMD Instinct's rated matrix peak that the compute efficiencies above (fitted on
 *     NVIDIA devices, which sustain a larger share of theirs) apply to: the rated peak assumes the boost clock, while
 *     dense matrix work runs far below it ({@link #matrixRateShare})
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
    double outputShare,
    double allToAllNvlinkEfficiency,
    double allToAllNetworkEfficiency,
    int overlapMinTokensPerRank,
    int gemmTileRows,
    double mlaDecodeAttentionEfficiency,
    double expertGemmEfficiencyMax,
    double expertGemmHalfRows,
    double amdMatrixRateShare) {

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
        positive("allToAllNvlinkEfficiency", allToAllNvlinkEfficiency);
        fraction("allToAllNvlinkEfficiency", allToAllNvlinkEfficiency);
        positive("allToAllNetworkEfficiency", allToAllNetworkEfficiency);
        fraction("allToAllNetworkEfficiency", allToAllNetworkEfficiency);
        nonNegative("overlapMinTokensPerRank", overlapMinTokensPerRank);
        positive("gemmTileRows", gemmTileRows);
        positive("mlaDecodeAttentionEfficiency", mlaDecodeAttentionEfficiency);
        fraction("mlaDecodeAttentionEfficiency", mlaDecodeAttentionEfficiency);
        positive("expertGemmEfficiencyMax", expertGemmEfficiencyMax);
        fraction("expertGemmEfficiencyMax", expertGemmEfficiencyMax);
        nonNegative("expertGemmHalfRows", expertGemmHalfRows);
        positive("amdMatrixRateShare", amdMatrixRateShare);
        fraction("amdMatrixRateShare", amdMatrixRateShare);
    }

    /**
     * The share of {@code hw}'s rated matrix rates (BF16, FP8, FP4, INT8) that the compute efficiencies apply to:
     * {@link #amdMatrixRateShare} for an AMD device, 1 for every other (the efficiencies were fitted on NVIDIA's).
     */
    public double matrixRateShare(owsim.catalog.AcceleratorSpec hw) {
        return "AMD".equalsIgnoreCase(hw.vendor()) ? amdMatrixRateShare : 1.0;
    }

    /**
     * The defaults. Sources and assumptions:
     * <ul>
     * <li>memoryUtilization 0.90: vLLM's default gpu_memory_utilization (the other 10% holds activations, CUDA graphs, NCCL buffers).</li>
     * <li>bandwidthEfficiency 0.65, denseComputeEfficiency 0.30, prefillMfu 0.65: fitted together (minimising the
     *     largest error) to TensorRT-LLM's eight Llama-3.1-8B FP8 max-throughput figures on 1xH100 and 1xH200
     *     (ISL/OSL 128/128 to 2048/2048), with the layer overhead below in place; they absorb what the roofline leaves out (attention kernels below peak
     *     bandwidth, decode GEMMs over a few hundred rows, scheduling gaps, prefill/decode interference).</li>
     * <li>moeComputeFactor 0.28 (prefill only): first fitted to TRT-LLM's DeepSeek-R1 8xH200 FP8 figure; it reproduces
     *     SGLang's held-out prefill of DeepSeek-V3 on 32 H100 (EP32) at 1K, 2K and 4K prompts within 3%.</li>
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
     * <li>allToAllNvlinkEfficiency 0.77: DeepEP's normal kernels reach 153 (dispatch) and 158 (combine) GB/s inside an
     *     H800 node whose NVLink carries 200 GB/s one way (DeepEP docs/legacy.md, "Normal kernels").</li>
     * <li>allToAllNetworkEfficiency 0.78: DeepEP's low-latency kernels reach 39-46 GB/s over one 400 Gb/s (50 GB/s)
     *     ConnectX-7 per GPU at EP 64 to 256 (DeepEP docs/legacy.md, "Low-latency kernels", 128 tokens, FP8 dispatch,
     *     BF16 combine).</li>
     * <li>overlapMinTokensPerRank 64: SGLang's two-batch overlap pays off in decode only above 64 to 128 tokens per
     *     device (-27% at 32; +25.5% at 256) (lmsys.org/blog/2025-05-05-large-scale-ep, "Ablation Study").</li>
     * <li>gemmTileRows 64: a Hopper warpgroup MMA computes 64 rows at a time (PTX wgmma shape m64nNk16), the smallest
     *     block DeepGEMM's masked grouped GEMM uses for decode.</li>
     * <li>mlaDecodeAttentionEfficiency 0.59: FlashMLA reaches 580 TFLOPS in the compute-bound configuration on H800
     *     (989 BF16 TFLOPS) (deepseek-ai/FlashMLA README).</li>
     * <li>expertGemmEfficiencyMax 0.35 and expertGemmHalfRows 45: fitted together, minimising the largest error, on
     *     four rows (max error 2%): three multi-node decode figures (SGLang DeepSeek-V3 on 72 H100 decode GPUs,
     *     DeepSeek's own H800 decode profile, SGLang on GB200 NVL72 part I, 545 to 1,300 rows per expert) and one
     *     single-node figure (TensorRT-LLM DeepSeek-R1 FP8 on 8xH200, 37 rows per expert, under one tile); every other published
     *     row is held out (docs/SERVING.md). Assumption behind the form: a grouped GEMM pays a fixed cost per expert
     *     problem (prologue, epilogue, weight tiles not hidden behind math when it has few row tiles), so its
     *     efficiency saturates with rows per expert; it is 0.21 at one 64-row tile, 0.32 at 545 rows, 0.34 at 1,300.
     *     moeComputeFactor keeps its role in prefill.</li>
     * <li>amdMatrixRateShare 0.75: the largest matmul rate measured on an MI300X is 60.1% of its rated BF16 peak (781.9 of
     *     1,300 TFLOPS, ROCm 6.2) against 80.1% on an H100 SXM (792.1 of 989, CUDA 12.1), in one table with one
     *     benchmark (stas00/ml-engineering, compute/accelerator, "Maximum Achievable Matmul FLOPS comparison table"):
     *     60.1 / 80.1 = 0.75. AMD's own figures agree on the cause: the MI300X runs dense GEMMs at about 1,200 MHz
     *     against the 2,100 MHz its rated peak assumes (708 BF16 TFLOPS at 1,207 MHz, 1,273 FP8 at 1,230 MHz; ROCm blog
     *     "Measuring Max-Achievable FLOPs, Part 2"). Assumption: the same share for the other AMD Instinct devices
     *     (no measurement in the same table; AMD's own puts the MI325X at 64% of its peak against the MI300X's 54%, so
     *     it is conservative there).</li>
     * </ul>
     */
    public static ServingDefaults standard() {
        return new ServingDefaults(0.90, 0.65, 0.30, 0.28, 0.65, 10e-6, 30e-6, 50e-6, 2048, 4, 1.3, 0.08, 150, 1.5, 0.25,
            0.77, 0.78, 64, 64, 0.59, 0.35, 45, 0.75);
    }

    /** These defaults with a fixed per-layer overhead per decode step (an engine without CUDA graphs). */
    public ServingDefaults withLayerOverheadSeconds(double seconds) {
        return new ServingDefaults(memoryUtilization, bandwidthEfficiency, denseComputeEfficiency, moeComputeFactor,
            prefillMfu, collectiveLatencySeconds, networkLatencySeconds, seconds, maxBatch, amortisationYears, pue,
            usdPerKWh, hostingUsdPerDeviceMonth, apiMarkup, outputShare, allToAllNvlinkEfficiency, allToAllNetworkEfficiency,
            overlapMinTokensPerRank, gemmTileRows, mlaDecodeAttentionEfficiency, expertGemmEfficiencyMax, expertGemmHalfRows,
            amdMatrixRateShare);
    }

    /** These defaults with other efficiency factors (for calibration and sensitivity studies). */
    public ServingDefaults withEfficiencies(double bandwidth, double denseCompute, double moeFactor, double prefill) {
        return new ServingDefaults(memoryUtilization, bandwidth, denseCompute, moeFactor, prefill,
            collectiveLatencySeconds, networkLatencySeconds, layerOverheadSeconds, maxBatch, amortisationYears, pue,
            usdPerKWh, hostingUsdPerDeviceMonth, apiMarkup, outputShare, allToAllNvlinkEfficiency, allToAllNetworkEfficiency,
            overlapMinTokensPerRank, gemmTileRows, mlaDecodeAttentionEfficiency, expertGemmEfficiencyMax, expertGemmHalfRows,
            amdMatrixRateShare);
    }
}
