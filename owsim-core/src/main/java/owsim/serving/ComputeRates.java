package owsim.serving;

import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.AttentionKind;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Peak tensor rate a GEMM reaches with weights in a format: the fastest math the device has
 * that can take those weights. Weights the device has no units for are dequantised in the
 * kernel and multiplied at the BF16 rate (weight-only quantisation, as vLLM's Marlin kernels
 * run FP8 on Ampere): FP8 on an A100, an RTX 3090 or a Mac runs at the BF16 rate, not an FP8
 * peak it lacks. 4-bit runs as FP4 on Blackwell, else through FP8, else BF16; INT8 on INT8 units,
 * or at the BF16 rate where those are slower (Blackwell Ultra cut INT8 to a sliver).
 */
final class ComputeRates {
    private ComputeRates() {}

    static double peakFlopsPerSecond(AcceleratorSpec hw, WeightFormat w) {
        double tflops;
        switch (w) {
            case INT4: tflops = first(hw.fp4Tflops(), hw.fp8Tflops(), hw.bf16Tflops()); break;
            case INT8: tflops = Math.max(hw.int8Tops(), hw.bf16Tflops()); break;
            case FP8: tflops = Math.max(hw.fp8Tflops(), hw.bf16Tflops()); break;
            default: tflops = hw.bf16Tflops();
        }
        return tflops * 1e12;
    }

    /**
     * Peak rate of the routed-expert GEMMs when a model is served in {@code w}. Experts stored in 4 bits under
     * wider weights elsewhere (gpt-oss's MXFP4 experts, BF16 rest) are weight-only quantised: the activations
     * stay wide, so the math runs at FP8 on a device with FP4 units (MXFP8 activations times MXFP4 weights) and at
     * the rate of the rest of the model elsewhere (BF16 activations, weights dequantised in the kernel). Source:
     * TensorRT-LLM's gpt-oss deployment guide, "MoE Backend Support Matrix": B200/GB200 MXFP8 x MXFP4, H200 BF16 x
     * MXFP4 (Triton backend), nvidia.github.io/TensorRT-LLM/deployment-guide/deployment-guide-for-gpt-oss-on-trtllm.html.
     * A checkpoint quantised whole to 4 bits (NVFP4) multiplies 4-bit activations at the FP4 rate.
     */
    static double expertFlopsPerSecond(AcceleratorSpec hw, ModelSpec m, WeightFormat w) {
        WeightFormat experts = WeightMemory.expertFormat(m, w);
        if (experts == WeightFormat.INT4 && w != WeightFormat.INT4) {
            return hw.fp4Tflops() > 0 ? peakFlopsPerSecond(hw, WeightFormat.FP8) : peakFlopsPerSecond(hw, w);
        }
        return peakFlopsPerSecond(hw, experts);
    }

    /**
     * FP4 dense GEMMs lose more of their doubled peak than FP8 ones at the few hundred rows of a decode step: the share
     * of its peak a lone NVFP4 GEMM reaches at {@code rows} rows, over the share an FP8 GEMM of the same shape reaches of
     * its own peak, on one B200 (FP8 4,500, FP4 9,000 dense TFLOPS). Each kernel's rate is taken as a sustained rate
     * that halves at a number of rows, {@code R x M / (M + h)} (a fixed time per GEMM before its rows run at the
     * sustained rate), fitted by least squares on the logarithm to vLLM's kernel benchmark on B200 at N 6,144 and
     * K 4,096 (Llama-3.1-8B's fused QKV), without activation quantisation, at M 16 to 16,384:
     * <ul>
     * <li>NVFP4 (CUTLASS, vllm-project/vllm pull 20578, bench_nvfp4_gemm, "nvfp4-noquant"): 71 TFLOPS at 16 rows,
     *     1,102 at 256, 2,895 at 1,024, 3,904 at 16,384: {@link #FP4_SUSTAINED_TFLOPS} and {@link #FP4_HALF_ROWS};</li>
     * <li>FP8 (CUTLASS, vllm-project/vllm pull 18778, bench_fp8_gemm, "fp8-channel-w-token-a-noquant", M 16 to 1,024;
     *     pull 19566 for M 16,384): 139 at 16, 1,478 at 256, 2,585 at 1,024, 2,447 at 16,384:
     *     {@link #FP8_SUSTAINED_TFLOPS} and {@link #FP8_HALF_ROWS}.</li>
     * </ul>
     * The ratio is 0.29 at 64 rows, 0.42 at 370 (Llama-3.3-70B's batch on one B200), 0.56 at 1,000, 0.82 at 16,384:
     * at a few hundred rows an FP4 GEMM runs no faster than an FP8 one (the FP4 kernel's fixed time per GEMM is about
     * twice the FP8 one's, 9.8 against 4.9 microseconds at this shape). The dense efficiency fitted on FP8 rows times this
     * ratio is the FP4 dense efficiency. Assumptions: the ratio at this one shape holds for every dense GEMM by its rows
     * (it is lower for smaller N x K, higher for larger); it holds on every device with FP4 units (only B200 measured).
     * Grouped expert GEMMs take their own ratio by rows per expert, {@link #fp4GroupedRelativeEfficiency}.
     */
    static double fp4DenseRelativeEfficiency(double rows) {
        return FP4_RELATIVE_LIMIT * (rows + FP8_HALF_ROWS) / (rows + FP4_HALF_ROWS);
    }

    /** Sustained rate of vLLM's NVFP4 CUTLASS GEMM at N 6,144, K 4,096 on one B200, TFLOPS (fitted, see above). */
    static final double FP4_SUSTAINED_TFLOPS = 4_870;
    /** Rows at which that NVFP4 GEMM reaches half its sustained rate (fitted, see above). */
    static final double FP4_HALF_ROWS = 945;
    /** Sustained rate of vLLM's FP8 CUTLASS GEMM at the same shape on one B200, TFLOPS (fitted, see above). */
    static final double FP8_SUSTAINED_TFLOPS = 2_850;
    /** Rows at which that FP8 GEMM reaches half its sustained rate (fitted, see above). */
    static final double FP8_HALF_ROWS = 280;
    /** The B200's dense FP4 and FP8 peaks the shares are taken of, TFLOPS (the catalog's b200). */
    private static final double B200_FP4_PEAK_TFLOPS = 9_000;
    private static final double B200_FP8_PEAK_TFLOPS = 4_500;
    /** The ratio of the two shares at many rows: (4,870 / 9,000) / (2,850 / 4,500), 0.854. */
    private static final double FP4_RELATIVE_LIMIT =
        (FP4_SUSTAINED_TFLOPS / B200_FP4_PEAK_TFLOPS) / (FP8_SUSTAINED_TFLOPS / B200_FP8_PEAK_TFLOPS);

    /**
     * The same ratio for the routed experts' grouped GEMMs at {@code rowsPerExpert} rows per expert: the dense ratio at
     * {@link #GROUPED_EQUIVALENT_ROWS} times as many rows. Source [FI-MoE]: FlashInfer's DeepSeek MoE benchmark on one
     * B300 (its environment table: B300 SXM6, SM103; first read as a B200) (flashinfer-ai/flashinfer pull 5301, "bench:
     * compare DeepSeek MoE against TRTLLM MXFP8"): one expert-parallel rank
     * of eight, 32 local experts of 7,168 x 2,048, top-8 of 256, so rows per expert = tokens / 32; the TensorRT-LLM
     * NVFP4 and MXFP8 fused MoE kernels take 0.305 / 0.268 ms at 1,024 tokens (32 rows per expert), 0.301 / 0.284 ms
     * at 2,048 (64) and 0.308 / 0.331 ms at 4,096 (128): shares of their peaks (9,000 and 4,500 TFLOPS) in the ratio
     * 0.44, 0.47 and 0.54. Fitted on the 64-row point alone (one of the three); the 32- and 128-row points are held out
     * ({@code Fp4DenseRateTest}: -12% and +7%). Below 32 rows per expert both kernels take a time that hardly moves
     * with rows (the weight stream and fixed costs, which the engine charges as bytes and tile padding), so those
     * points measure bytes, not math, and are not used. Assumptions: the ratio of one rank with 32 local experts holds
     * for any number of local experts; beyond 128 rows per expert (not measured for MXFP8) it follows the dense curve
     * to the same limit, 0.854. One B200's TensorRT-LLM 1.3.0rc20 tables [AIC] give 0.36 to 0.57 from 64 to 1,024 rows
     * per expert, not rising: refitted on them (a constant 0.453) DeepSeek-R1 NVFP4 on 4 x B200 and SGLang's GB200 NVFP4
     * decode fall out of tolerance, so this fit stays (docs/SERVING.md, "aiconfigurator's per-operation tables").
     */
    static double fp4GroupedRelativeEfficiency(double rowsPerExpert) {
        return fp4DenseRelativeEfficiency(GROUPED_EQUIVALENT_ROWS * rowsPerExpert);
    }

    /**
     * Rows of a lone GEMM whose FP4-to-FP8 ratio a grouped GEMM has at one row per expert (fitted, see
     * {@link #fp4GroupedRelativeEfficiency}: 8.43 at 64 rows per expert, rounded).
     */
    static final double GROUPED_EQUIVALENT_ROWS = 8.4;

    /**
     * Tokens a prefill step puts through the dense GEMMs of one attention group: TensorRT-LLM's default
     * {@code max_num_tokens}, 8,192 (trtllm-serve command reference [TRT-NT]); the scheduler fills a step with prompt chunks up to
     * it. Prefill's FP4 dense GEMMs run at {@link #fp4DenseRelativeEfficiency} of these rows (0.79).
     */
    static final double PREFILL_STEP_TOKENS = 8_192;

    /** Whether dense GEMMs with weights in {@code w} run at {@code hw}'s FP4 rate (4-bit on a device with FP4 units). */
    static boolean denseRunsAtFp4(AcceleratorSpec hw, WeightFormat w) {
        return w == WeightFormat.INT4 && hw.fp4Tflops() > 0;
    }

    /**
     * Whether the routed experts of {@code m} served in {@code w} multiply at {@code hw}'s FP4 rate: a checkpoint quantised
     * whole to 4 bits on a device with FP4 units (weight-only 4-bit experts such as gpt-oss's run at FP8 there).
     */
    static boolean expertsRunAtFp4(AcceleratorSpec hw, ModelSpec m, WeightFormat w) {
        return denseRunsAtFp4(hw, w) && WeightMemory.expertFormat(m, w) == WeightFormat.INT4;
    }

    /** Attention products run in BF16 (FlashAttention/FlashMLA dequantise an FP8 KV cache); see {@link #mlaDecodeFp8KvSpeedup}. */
    static double attentionFlopsPerSecond(AcceleratorSpec hw) {
        return hw.bf16Tflops() * 1e12;
    }

    /**
     * How much faster MLA decode attention over an FP8 KV cache runs than the BF16 rate says, on an NVIDIA data-centre
     * Blackwell device (a data-centre NVIDIA device with FP4 units), by the KV length {@code kvTokens} a sequence reads:
     * {@code S x L / (L + h)}, {@link #MLA_FP8_KV_SPEEDUP_LIMIT} and {@link #MLA_FP8_KV_HALF_TOKENS}; 1 elsewhere. On
     * Hopper an FP8 cache is dequantised and multiplied in BF16; TensorRT-LLM's Blackwell MLA decode kernel multiplies
     * it in FP8, and its advantage grows with the KV each query reads (a fixed cost per sequence does not shrink).
     * Source [AIC]: aiconfigurator's TensorRT-LLM 1.3.0rc20 generation-MLA tables (DeepSeek's 128 heads), one B200: the
     * BF16-KV kernel's time over the FP8-KV one's at batches 64 to 1,024 and KV lengths 512 to 8,192 is 0.90 to 1.81,
     * rising with the length and nearly flat in the batch (the FP8 kernel reaches 2,567 TFLOPS, above the 2,250 BF16 peak,
     * where the BF16 one reaches 1,420); on one H200 the same ratio is 0.97 to 1.12 (no FP8 math). Fitted by least squares
     * on the logarithm to 8 of the 25 B200 points (every third); the 17 others are held out, median 2.3%, -14% to +3%
     * ({@code MlaFp8KvRateTest}). Assumptions: it holds at every head count and on every NVIDIA data-centre Blackwell
     * (only B200 measured); other stacks' Blackwell MLA kernels (FlashInfer's, as SGLang runs them) gain alike.
     */
    static double mlaDecodeFp8KvSpeedup(AcceleratorSpec hw, ModelSpec m, KvFormat kv, double kvTokens) {
        if (kv != KvFormat.FP8 || m.attention().kind() != AttentionKind.MLA || hw.fp4Tflops() <= 0
            || hw.kind() != AcceleratorKind.DATACENTER || !"NVIDIA".equalsIgnoreCase(hw.vendor())) return 1;
        // Below the shortest measured KV length the fit would extrapolate to ever slower FP8 math (0.3x at 100 tokens);
        // it is held at its value there (0.90x at 512), the slowest the tables show.
        double l = Math.max(kvTokens, MLA_FP8_KV_MIN_MEASURED_TOKENS);
        return MLA_FP8_KV_SPEEDUP_LIMIT * l / (l + MLA_FP8_KV_HALF_TOKENS);
    }

    /** The FP8-KV MLA decode kernel's speed-up over the BF16-KV one at long KV, on B200 (fitted, [AIC]; 1.785, rounded). */
    static final double MLA_FP8_KV_SPEEDUP_LIMIT = 1.79;
    /** KV length at which that speed-up is half its limit, tokens (fitted, [AIC]; 495, rounded). */
    static final double MLA_FP8_KV_HALF_TOKENS = 500;
    /** The shortest KV length of the tables the speed-up was fitted on, tokens ([AIC]). */
    static final double MLA_FP8_KV_MIN_MEASURED_TOKENS = 512;

    private static double first(double... rates) {
        for (double r : rates) if (r > 0) return r;
        return 0;
    }
}
