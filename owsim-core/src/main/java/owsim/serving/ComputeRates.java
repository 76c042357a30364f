package owsim.serving;

import owsim.catalog.AcceleratorSpec;
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
     * Not applied to grouped expert GEMMs: no public figure gives the grouped FP4 against FP8 rate by rows per expert,
     * a grouped GEMM over tens of experts has many more output tiles to spread over the SMs than one lone GEMM
     * (assumption), and the same ratio there would break the DeepSeek NVFP4 rows (docs/SERVING.md).
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

    /** Whether dense GEMMs with weights in {@code w} run at {@code hw}'s FP4 rate (4-bit on a device with FP4 units). */
    static boolean denseRunsAtFp4(AcceleratorSpec hw, WeightFormat w) {
        return w == WeightFormat.INT4 && hw.fp4Tflops() > 0;
    }

    /** Attention products run in BF16 (FlashAttention/FlashMLA dequantise an FP8 KV cache). */
    static double attentionFlopsPerSecond(AcceleratorSpec hw) {
        return hw.bf16Tflops() * 1e12;
    }

    private static double first(double... rates) {
        for (double r : rates) if (r > 0) return r;
        return 0;
    }
}
