package owsim.catalog;

/** How a model's attention stores keys and values, which decides its KV cache per token. */
public enum AttentionKind {
    /** Multi-head: one K and one V head per query head. */
    MHA,
    /** Grouped-query: fewer K/V heads than query heads. */
    GQA,
    /** Multi-head latent (DeepSeek): one compressed latent plus a rotary key per token and layer. */
    MLA;

    @Override public String toString() { return name().toLowerCase(); }
}
