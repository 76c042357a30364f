package owsim.market.aggregate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.MarketState;
import owsim.market.Mechanism;
import owsim.market.Metric;
import owsim.market.Metrics;
import owsim.market.MonthObserver;
import owsim.market.MonthlySteps;
import owsim.market.RunResult;
import owsim.market.Runs;
import owsim.market.ServingPrices;
import owsim.market.World;
import owsim.scenario.Scenario;
import owsim.serving.ServingEngine;

/**
 * The expected-value engine: shares of each user class instead of individual users, so a run is
 * deterministic and fast. It only orders and applies the mechanisms (MODEL.md's order) and records
 * the declared metrics. Reusing one engine across runs reuses its memoised serving prices.
 */
public final class AggregateEngine implements Engine {
    /** The monthly step, in MODEL.md's order: {@link MonthlySteps#ORDER}. */
    public static final List<Mechanism> STEPS = MonthlySteps.ORDER;

    private final Catalog catalog;
    private final ServingEngine serving;
    private final Map<Double, ServingPrices> prices = new ConcurrentHashMap<>();
    private final Map<String, ModelSpec> scaled = new ConcurrentHashMap<>();
    private final Metrics.Cache metrics = new Metrics.Cache();

    public AggregateEngine(Catalog catalog) {
        this.catalog = catalog;
        this.serving = new ServingEngine();
    }

    @Override public EngineKind kind() { return EngineKind.AGGREGATE; }

    /** The catalog this engine resolves models and hardware in. */
    @Override public Catalog catalog() { return catalog; }

    /**
     * Architectures scaled and serving answers priced so far, across runs: they only grow (a slider moved to a new
     * value adds a model size or an input share), so an owner that keeps one engine for many runs (the web app) reads
     * this to replace it with a new one past a bound. A new engine gives the same results, only slower at first.
     */
    public int memoised() {
        int n = scaled.size() + prices.size();
        for (ServingPrices p : prices.values()) n += p.memoised();
        return n;
    }

    /** Runs a scenario to its end. */
    @Override public RunResult run(Scenario scenario) {
        return run(scenario, null);
    }

    /** Runs a scenario, showing the observer the state after every month. */
    public RunResult run(Scenario scenario, MonthObserver observer) {
        return run(scenario, observer, false);
    }

    /**
     * Runs a scenario for its summaries alone: the result's lab and market summaries are those of
     * {@link #run}, but its series are only the few they are made from, and what only other series
     * show is not computed. What an experiment stores (a run's summary figures) needs no more; the
     * rest was about 12% of a run of the default world.
     */
    @Override public RunResult summarize(Scenario scenario) {
        return run(scenario, null, true);
    }

    private RunResult run(Scenario scenario, MonthObserver observer, boolean summaryOnly) {
        ServingPrices p = prices.computeIfAbsent(scenario.technology().inputTokenShare(), x -> new ServingPrices(serving, x));
        World w = summaryOnly ? Runs.summaryWorld(scenario, catalog, p, scaled) : Runs.world(scenario, catalog, p, scaled);
        MarketState s = Runs.start(w);
        List<Metric> recorded = summaryOnly ? metrics.summaryInputs(w) : metrics.of(w);
        int months = scenario.months();
        double[][] values = new double[recorded.size()][months];
        for (int m = 0; m < months; m++) {
            Runs.step(w, s, m, STEPS);
            for (int k = 0; k < recorded.size(); k++) values[k][m] = recorded.get(k).read().applyAsDouble(s);
            if (observer != null) observer.monthDone(w, s);
        }
        return Runs.result(w, s, kind().id(), recorded, values);
    }
}
