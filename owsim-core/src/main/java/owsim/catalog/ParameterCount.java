package owsim.catalog;

/**
 * Parameters of a model counted from its architecture, by part. Counts matrices, the biases the
 * config declares ({@code qkvBias}, {@code expertBias}) and RMSNorm weights (two per layer, the
 * final norm, and MLA's two latent norms). Left out because they are below 0.01% of any bundled
 * model: per-head q/k norms, Gemma's extra pre/post-FFN norms, gpt-oss attention sinks and o_proj
 * bias, DeepSeek's router correction bias, and multi-token-prediction modules (see the notes of
 * each entry).
 *
 * @param embedding input embedding matrix (vocab x hidden)
 * @param unembedding output projection (vocab x hidden); 0 when tied to the embedding
 * @param attention all attention projections and their biases, over all layers
 * @param denseFfn gated MLPs of the dense layers, over all layers
 * @param routedExperts all routed experts of all MoE layers (with their biases)
 * @param activeRoutedExperts the routed experts one token uses ({@code activeExperts} per MoE layer)
 * @param sharedExperts always-on shared experts of all MoE layers
 * @param routers router (gate) matrices and biases of all MoE layers
 * @param norms RMSNorm weights
 */
public record ParameterCount(
    long embedding,
    long unembedding,
    long attention,
    long denseFfn,
    long routedExperts,
    long activeRoutedExperts,
    long sharedExperts,
    long routers,
    long norms) {

    /**
     * Counts the parameters of a model's architecture, exactly: a count beyond 64 bits (only a
     * hostile or mistyped config comes near) is an error naming the model, never a wrapped-around
     * negative count.
     */
    public static ParameterCount of(ModelSpec m) {
        try {
            return count(m);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("parameters: model '" + m.id() + "' has more than " + Long.MAX_VALUE
                + " parameters by its sizes (layers " + m.layers() + ", hiddenSize " + m.hiddenSize() + "); check the sizes");
        }
    }

    private static ParameterCount count(ModelSpec m) {
        long h = m.hiddenSize();
        long embedding = mul(m.vocabSize(), h);
        long unembedding = m.tiedEmbeddings() ? 0 : embedding;
        AttentionSpec a = m.attention();
        FfnSpec f = m.ffn();
        int moeLayers = f.isMoe() ? m.layers() - f.denseLayers() : 0;
        int denseLayers = m.layers() - moeLayers;

        long attentionPerLayer = attentionPerLayer(h, a);
        long normsPerLayer = 2 * h;
        if (a.kind() == AttentionKind.MLA) normsPerLayer += (long) a.qLoraRank() + a.kvLoraRank();

        long denseMlp = mul(3, h, f.denseIntermediate());
        long expert = Math.addExact(mul(3, h, f.moeIntermediate()), f.expertBias() ? 2L * f.moeIntermediate() + h : 0);
        long router = f.isMoe() ? Math.addExact(mul(h, f.experts()), f.expertBias() ? f.experts() : 0) : 0;

        ParameterCount c = new ParameterCount(
            embedding,
            unembedding,
            mul(attentionPerLayer, m.layers()),
            mul(denseMlp, denseLayers),
            mul(expert, f.experts(), moeLayers),
            mul(expert, f.activeExperts(), moeLayers),
            mul(expert, f.sharedExperts(), moeLayers),
            mul(router, moeLayers),
            Math.addExact(mul(normsPerLayer, m.layers()), h));
        c.exactTotal();
        return c;
    }

    private static long attentionPerLayer(long h, AttentionSpec a) {
        long heads = a.queryHeads();
        if (a.kind() == AttentionKind.MLA) {
            long qkHead = (long) a.qkNopeHeadDim() + a.qkRopeHeadDim();
            // Queries: either a low-rank pair (down to qLoraRank, up to all heads) or one full matrix.
            long q = a.qLoraRank() > 0 ? Math.addExact(mul(h, a.qLoraRank()), mul(a.qLoraRank(), heads, qkHead)) : mul(h, heads, qkHead);
            // Keys and values: down to the cached latent plus one shared rotary key, then up per head.
            long kvDown = mul(h, (long) a.kvLoraRank() + a.qkRopeHeadDim());
            long kvUp = mul(a.kvLoraRank(), heads, (long) a.qkNopeHeadDim() + a.vHeadDim());
            long out = mul(heads, a.vHeadDim(), h);
            return Math.addExact(Math.addExact(q, kvDown), Math.addExact(kvUp, out));
        }
        long qDim = mul(heads, a.headDim());
        long kvDim = mul(a.kvHeads(), a.headDim());
        long bias = a.qkvBias() ? qDim + 2 * kvDim : 0;
        return Math.addExact(Math.addExact(mul(h, qDim), mul(2, h, kvDim)), Math.addExact(mul(qDim, h), bias));
    }

    /** The product, or an ArithmeticException when it does not fit in a long. */
    private static long mul(long a, long b) { return Math.multiplyExact(a, b); }

    private static long mul(long a, long b, long c) { return Math.multiplyExact(Math.multiplyExact(a, b), c); }

    /** The total, checked once when counting so that {@link #total()} and the sums built on it cannot wrap. */
    private long exactTotal() {
        long t = embedding;
        for (long part : new long[] {unembedding, attention, denseFfn, routedExperts, sharedExperts, routers, norms}) t = Math.addExact(t, part);
        return t;
    }

    /** Every parameter stored in the checkpoint (as counted here). */
    public long total() {
        return embedding + unembedding + attention + denseFfn + routedExperts + sharedExperts + routers + norms;
    }

    /** Parameters one token touches, counting both embedding matrices. */
    public long active() {
        return total() - routedExperts + activeRoutedExperts;
    }

    /** Parameters one token touches, counting embeddings as the developer did ({@code both}, {@code unembedding}, {@code none}). */
    public long active(String activeIncludes) {
        return switch (activeIncludes) {
            case "both" -> active();
            case "unembedding" -> active() - embedding;
            case "none" -> active() - embedding - unembedding;
            default -> throw new IllegalArgumentException("activeIncludes: must be both, unembedding or none, was " + activeIncludes);
        };
    }

    /** Active parameters under the convention of the model's published counts. */
    public long activeAsPublished(ModelSpec m) {
        return active(m.published() == null ? "both" : m.published().activeIncludes());
    }

    /** Parameters outside the embedding matrices. */
    public long nonEmbedding() {
        return total() - embedding - unembedding;
    }

    /** Parameters stored in the expert format ({@link ModelSpec#nativeExpertWeights()}): the routed experts. */
    public long expertWeights() {
        return routedExperts;
    }

    /** Parameters stored in the main format: everything but the routed experts. */
    public long nonExpertWeights() {
        return total() - routedExperts;
    }

    /** Bytes of all weights when non-expert weights use one format and routed experts another. */
    public double weightBytes(WeightFormat nonExpert, WeightFormat expert) {
        return nonExpertWeights() * nonExpert.bytesPerWeight() + expertWeights() * expert.bytesPerWeight();
    }

    /** Bytes of all weights in the formats the developer released. */
    public double nativeWeightBytes(ModelSpec m) {
        return weightBytes(m.nativeWeights(), m.nativeExpertWeights());
    }
}
