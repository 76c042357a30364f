package owsim.serving;

import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;

/**
 * The serving engine's view of a model's parameters ({@link ParameterCount}): which of them a
 * forward step streams whatever the batch (the core: attention, dense MLPs, shared experts,
 * routers, norms; and the LM head), which it touches per routed expert, and which it only looks
 * up (the embedding table).
 */
final class ModelShape {
    final double embedding;
    final double unembedding;
    /** Parameters of one routed expert in one layer. */
    final double expertParams;
    final int moeLayers;
    final int experts;
    final int activeExperts;
    private final double core;
    private final double routed;
    private final double activeRouted;

    ModelShape(ModelSpec m) {
        ParameterCount p = ParameterCount.of(m);
        embedding = p.embedding();
        unembedding = p.unembedding();
        moeLayers = m.isMoe() ? m.layers() - m.ffn().denseLayers() : 0;
        experts = m.ffn().experts();
        activeExperts = m.ffn().activeExperts();
        routed = p.routedExperts();
        activeRouted = p.activeRoutedExperts();
        expertParams = moeLayers > 0 ? routed / ((double) experts * moeLayers) : 0;
        core = p.nonEmbedding() - p.routedExperts();
    }

    /** Parameters outside the routed experts and the embeddings: attention, dense MLPs, shared experts, routers, norms. */
    double core() {
        return core;
    }

    /** The matrix the LM head multiplies by: the unembedding, or the embedding table when tied. */
    double lmHead() {
        return unembedding > 0 ? unembedding : embedding;
    }

    /** All routed-expert parameters. */
    double routedExperts() {
        return routed;
    }

    double total() {
        return embedding + unembedding + core + routed;
    }

    /** Parameters multiplied per token: everything but the embedding table and the unchosen experts. */
    double activeCompute() {
        return lmHead() + core + activeRouted;
    }
}
