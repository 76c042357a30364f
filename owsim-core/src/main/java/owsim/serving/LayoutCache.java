package owsim.serving;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * The placed layouts one engine has searched, per model, hardware, formats, context and what limits the search: the
 * planner's work (every tensor/pipeline/data-parallel split of every size, each one placed in memory) depends on
 * nothing else, and the same searches come again (every repeated request; a web server's answers; the pareto sweep
 * and the disaggregated planner asking for the same pools). Deployments are immutable, so a remembered search is the
 * search. The model and hardware are compared by identity: their records' own equality walks every field (most of
 * a lookup's time), and an equal copy from another catalog is merely searched again. Safe for concurrent use (two
 * threads may both search the same key; either result is the same); emptied when it grows past
 * {@value #MAX_ENTRIES} entries, so a long-lived engine fed many user catalogs stays bounded.
 */
final class LayoutCache {
    static final int MAX_ENTRIES = 20_000;

    /**
     * One search's inputs.
     *
     * @param what the kind of search and its own limits (size, forced layout, stages), as a short string
     * @param a, b two more figures the search depends on (a prefill pool's cache-hit share and TTFT target), else 0
     */
    private record Key(ModelSpec model, AcceleratorSpec hardware, WeightFormat weights, KvFormat kv, double contextTokens,
                       int sequences, String what, double a, double b) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && model == k.model && hardware == k.hardware && weights == k.weights && kv == k.kv
                && Double.compare(contextTokens, k.contextTokens) == 0 && sequences == k.sequences && what.equals(k.what)
                && Double.compare(a, k.a) == 0 && Double.compare(b, k.b) == 0;
        }

        @Override public int hashCode() {
            int h = System.identityHashCode(model);
            h = 31 * h + System.identityHashCode(hardware);
            h = 31 * h + weights.hashCode();
            h = 31 * h + kv.hashCode();
            h = 31 * h + Double.hashCode(contextTokens);
            h = 31 * h + sequences;
            h = 31 * h + what.hashCode();
            h = 31 * h + Double.hashCode(a);
            return 31 * h + Double.hashCode(b);
        }
    }

    /**
     * A search's answer: the candidate deployments in the planner's order, and the fewest devices that fit (null if
     * none); for a prefill pool, the pool alone (none when no pool holds the model and one prompt).
     */
    record Search(ModelShape shape, List<Deployment> candidates, Deployment fewest, Steps steps) {
        Search(ModelShape shape, List<Deployment> candidates, Deployment fewest) {
            this(shape, candidates, fewest, new Steps(candidates.size()));
        }
    }

    /**
     * The decode steps of a search's candidates, each prepared ({@link DecodeModel.Prepared}: everything of a step but
     * the batch) for the KV read and tokens per sequence last asked for; the model, hardware and formats are the
     * search's own. What is left per request is ranking the candidates at its batch or per-user target. A prepared
     * step is the step (same doubles), so what this holds changes no answer. Safe for concurrent use: a table is
     * replaced whole when another KV read is asked for, and a slot filled twice holds equal steps.
     */
    static final class Steps {
        /**
         * One KV read's prepared steps, one slot per candidate, and each candidate's last busiest-rank figure (see
         * {@link PrefillStall.Stretch}); slots hold immutable objects, filled as asked for.
         */
        record Table(double kvReadTokens, double tokensPerSequence, DecodeModel.Prepared[] steps, PrefillStall.Stretch[] stretches) {}

        private final int size;
        private volatile Table last;

        Steps(int size) {
            this.size = size;
        }

        /** The prepared steps for this KV read and tokens per sequence, one slot per candidate, filled as asked for. */
        Table table(double kvReadTokens, double tokensPerSequence) {
            Table t = last;
            if (t != null && Double.compare(t.kvReadTokens, kvReadTokens) == 0 && Double.compare(t.tokensPerSequence, tokensPerSequence) == 0) {
                return t;
            }
            t = new Table(kvReadTokens, tokensPerSequence, new DecodeModel.Prepared[size], new PrefillStall.Stretch[size]);
            last = t;
            return t;
        }
    }

    private final ConcurrentHashMap<Key, Search> searches = new ConcurrentHashMap<>();

    Search get(ModelSpec m, AcceleratorSpec hw, WeightFormat w, KvFormat kv, double contextTokens, int sequences, String what,
               Supplier<Search> search) {
        return get(m, hw, w, kv, contextTokens, sequences, what, 0, 0, search);
    }

    Search get(ModelSpec m, AcceleratorSpec hw, WeightFormat w, KvFormat kv, double contextTokens, int sequences, String what,
               double a, double b, Supplier<Search> search) {
        Key k = new Key(m, hw, w, kv, contextTokens, sequences, what, a, b);
        Search known = searches.get(k);
        if (known != null) return known;
        Search s = search.get();
        if (searches.size() >= MAX_ENTRIES) searches.clear();
        searches.put(k, s);
        return s;
    }
}
