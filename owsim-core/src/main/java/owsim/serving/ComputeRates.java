package owsim.serving;

import owsim.catalog.AcceleratorSpec;
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

    /** Attention products run in BF16 (FlashAttention/FlashMLA dequantise an FP8 KV cache). */
    static double attentionFlopsPerSecond(AcceleratorSpec hw) {
        return hw.bf16Tflops() * 1e12;
    }

    private static double first(double... rates) {
        for (double r : rates) if (r > 0) return r;
        return 0;
    }
}
