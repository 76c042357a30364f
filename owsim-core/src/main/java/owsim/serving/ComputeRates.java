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

    /** Attention products run in BF16 (FlashAttention/FlashMLA dequantise an FP8 KV cache). */
    static double attentionFlopsPerSecond(AcceleratorSpec hw) {
        return hw.bf16Tflops() * 1e12;
    }

    private static double first(double... rates) {
        for (double r : rates) if (r > 0) return r;
        return 0;
    }
}
