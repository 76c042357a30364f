package owsim.serving;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.WeightFormat;

/**
 * Peak tensor rate a GEMM reaches with weights in a format: the narrowest math the device
 * supports that is not narrower than the weights (4-bit runs as FP4 on Blackwell, else FP8, else
 * BF16 after dequantisation; INT8 on INT8 units where present).
 */
final class ComputeRates {
    private ComputeRates() {}

    static double peakFlopsPerSecond(AcceleratorSpec hw, WeightFormat w) {
        double tflops;
        switch (w) {
            case INT4: tflops = first(hw.fp4Tflops(), hw.fp8Tflops(), hw.bf16Tflops()); break;
            case INT8: tflops = first(hw.int8Tops(), hw.fp8Tflops(), hw.bf16Tflops()); break;
            case FP8: tflops = first(hw.fp8Tflops(), hw.bf16Tflops()); break;
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
