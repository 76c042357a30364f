package owsim.catalog;

/**
 * Largest sizes a catalog entry or an imported config may give. Each is far above any released
 * model (largest bundled or known in 2025 in brackets), and small enough that the parameter count
 * and the serving engine's sizes stay exact in 64-bit arithmetic; a larger value is a typo or a
 * hostile file, and is refused with its field.
 */
final class ArchitectureLimits {
    private ArchitectureLimits() {}

    /** Layers [126, Llama 3.1 405B]. */
    public static final int LAYERS = 10_000;
    /** Hidden size, latent ranks [16,384, Llama 3.1 405B]. */
    public static final int WIDTH = 1 << 20;
    /** Feed-forward intermediate sizes [53,248, Llama 3.1 405B]. */
    public static final int INTERMEDIATE = 1 << 24;
    /** Vocabulary [262,208, Gemma 3]. */
    public static final int VOCAB = 1 << 24;
    /** Context tokens [10M, Llama 4 Scout]. */
    public static final int CONTEXT = 1 << 30;
    /** Attention heads and per-head sizes [128 heads; head size 256]. */
    public static final int HEADS = 1 << 16;
    /** Routed and shared experts [384, Kimi K2]. */
    public static final int EXPERTS = 1 << 16;
}
