package owsim.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Storage formats for weights, with the real bits per weight including scales: a format is
 * more than its nominal width because block or group scales are stored beside the values.
 */
public enum WeightFormat {
    /** 16-bit brain float, no scales. */
    BF16(16.0),
    /** FP8 e4m3 with one fp32 scale per 128x128 block (DeepSeek-V3 style): 8 + 32/16384 bits. */
    FP8(8.0 + 32.0 / 16384.0),
    /** INT8 with one fp16 scale per output channel of a 4096-wide row (assumption: typical W8A8): 8 + 16/4096 bits. */
    INT8(8.0 + 16.0 / 4096.0),
    /** 4-bit with a 16-bit scale and 16-bit zero per group of 128 (GPTQ/AWQ g128): 4 + 32/128 = 4.25 bits; MXFP4 (8-bit scale per 32) is also 4.25. */
    INT4(4.0 + 32.0 / 128.0);

    private final double bitsPerWeight;

    WeightFormat(double bitsPerWeight) { this.bitsPerWeight = bitsPerWeight; }

    public double bitsPerWeight() { return bitsPerWeight; }

    public double bytesPerWeight() { return bitsPerWeight / 8.0; }

    /**
     * The lower-case name, made once: every answer of the serving engine names its formats, and lower-casing anew
     * allocated a string each time (in the root locale, the one the parser reads, so INT8 is "int8" in every locale).
     */
    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    @Override public String toString() { return label; }

    /** Parses bf16, fp8, int8, int4 (also fp16, 4bit, mxfp4, q4; any case), naming what is allowed otherwise. */
    @JsonCreator
    public static WeightFormat parse(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "bf16": case "fp16": return BF16;
            case "fp8": return FP8;
            case "int8": return INT8;
            case "int4": case "4bit": case "mxfp4": case "q4": return INT4;
            default: throw new IllegalArgumentException("'" + s + "' is not a weight format; allowed: bf16, fp8, int8, int4");
        }
    }
}
