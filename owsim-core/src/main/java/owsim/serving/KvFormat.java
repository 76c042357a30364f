package owsim.serving;

/** Storage format of the KV cache: BF16 (2 bytes per element) or FP8 (1 byte; per-tensor scales are negligible). */
public enum KvFormat {
    BF16(2),
    FP8(1);

    private final int bytesPerElement;

    KvFormat(int bytesPerElement) { this.bytesPerElement = bytesPerElement; }

    public int bytesPerElement() { return bytesPerElement; }

    /**
     * The lower-case name, made once: every answer of the serving engine names its formats, and lower-casing anew
     * allocated a string each time (in the root locale, so the same in every locale).
     */
    private final String label = name().toLowerCase(java.util.Locale.ROOT);

    @Override public String toString() { return label; }

    /** Parses bf16 or fp8, naming what is allowed otherwise. */
    public static KvFormat parse(String s) {
        switch (s.toLowerCase()) {
            case "bf16": case "fp16": return BF16;
            case "fp8": return FP8;
            default: throw new IllegalArgumentException("'" + s + "' is not a KV cache format; allowed: bf16, fp8");
        }
    }
}
