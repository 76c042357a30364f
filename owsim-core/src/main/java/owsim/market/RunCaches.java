package owsim.market;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import owsim.catalog.ModelSpec;
import owsim.scenario.Scenario;
import owsim.serving.ServingEngine;

/**
 * What an engine remembers across its runs: the serving answers priced so far (one price table per
 * input-token share), the architectures scaled so far, and the metric lists of worlds of the same
 * labs, segments, hosts and regions. They only grow, and a run with a fresh set gives the same
 * results, only slower at first. Thread-safe: the runs of an experiment share one.
 */
public final class RunCaches {
    private final ServingEngine serving = new ServingEngine();
    private final Map<Double, ServingPrices> prices = new ConcurrentHashMap<>();
    private final Map<String, ModelSpec> scaled = new ConcurrentHashMap<>();
    final Metrics.Cache metrics = new Metrics.Cache();

    /** An empty set of caches. */
    public RunCaches() {}

    /**
     * How many answers are remembered: architectures scaled, price tables and the answers in them.
     * An owner that keeps one engine for many runs (the web app) reads this to replace it past a
     * bound.
     */
    public int memoised() {
        int n = scaled.size() + prices.size();
        for (ServingPrices p : prices.values()) n += p.memoised();
        return n;
    }

    /** The price table of a scenario's input-token share. */
    ServingPrices prices(Scenario scenario) {
        return prices.computeIfAbsent(scenario.technology().inputTokenShare(), x -> new ServingPrices(serving, x));
    }

    /** The architectures scaled so far, shared by every world built with these caches. */
    Map<String, ModelSpec> scaled() {
        return scaled;
    }
}
