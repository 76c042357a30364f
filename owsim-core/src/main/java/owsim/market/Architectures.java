package owsim.market;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import owsim.catalog.ModelSpec;

/**
 * One instance of each architecture, for {@link ServingPrices} to memoise its answers under. The
 * serving engine reads a model's architecture (layers, widths, attention, experts, formats), never
 * its id or name, so two models that differ only in those are priced alike. A run's releases are
 * scaled models with ids of their own ("lab-m12"), and a sweep that moves research or compute
 * growth gives every run new sizes; but the scaled sizes are rounded (whole layers, widths in
 * steps of 32), so few of them are new architectures: 1,338 of the 17,057 scaled models of the
 * first 1,000 runs of {@code experiments/sobol-twenty.yaml}. Pricing them by architecture prices
 * each once. Safe for concurrent use: two threads may both record an instance for one
 * architecture; either prices the same.
 */
final class Architectures {
    /** The placeholder id and name of a model's architecture key. */
    private static final String UNNAMED = "architecture";

    /** Each model seen, by identity (a record's own hash walks every field): its architecture's instance. */
    private final Map<Identity, ModelSpec> byInstance = new ConcurrentHashMap<>();
    /** Each architecture (the model with a placeholder id and name, compared field by field): its first instance seen. */
    private final Map<ModelSpec, ModelSpec> byArchitecture = new ConcurrentHashMap<>();

    private record Identity(ModelSpec model) {
        @Override public boolean equals(Object o) {
            return o instanceof Identity k && k.model == model;
        }

        @Override public int hashCode() {
            return System.identityHashCode(model);
        }
    }

    /** The one instance of {@code model}'s architecture: {@code model} itself the first time its architecture is seen. */
    ModelSpec of(ModelSpec model) {
        Identity k = new Identity(model);
        ModelSpec known = byInstance.get(k);
        if (known != null) return known;
        ModelSpec one = byArchitecture.computeIfAbsent(unnamed(model), a -> model);
        byInstance.put(k, one);
        return one;
    }

    /** Models and architectures recorded (for the owner's bound on memory). */
    int size() {
        return byInstance.size() + byArchitecture.size();
    }

    private static ModelSpec unnamed(ModelSpec m) {
        return new ModelSpec(UNNAMED, UNNAMED, m.developer(), m.released(), m.layers(), m.hiddenSize(), m.vocabSize(), m.tiedEmbeddings(),
            m.contextTokens(), m.nativeWeights(), m.nativeExpertWeights(), m.attention(), m.ffn(), m.published(), m.sources(), m.notes());
    }
}
