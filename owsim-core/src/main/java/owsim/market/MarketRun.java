package owsim.market;

import java.util.List;
import owsim.catalog.Catalog;
import owsim.scenario.Scenario;

/**
 * One run of the market, month by month, as an engine in another package steps it: the world a
 * scenario resolves to, the state, and the series recorded so far. The world, the state, the
 * mechanisms and the metrics stay package-private; an engine sees only the month it steps and the
 * result. The aggregate engine steps every mechanism ({@link #step}); the agent engine steps its
 * users between the mechanisms before and after them through {@link #individualMarket} and
 * records each month ({@link #record}).
 */
public final class MarketRun {
    private final World w;
    private final MarketState s;
    private final List<Metric> metrics;
    private final double[][] values;
    private final EngineKind engine;
    private final int months;
    private IndividualMarket individual;

    private MarketRun(World w, EngineKind engine, List<Metric> metrics) {
        this.w = w;
        this.s = Runs.start(w);
        this.engine = engine;
        this.metrics = metrics;
        this.months = w.scenario.months();
        this.values = new double[metrics.size()][months];
    }

    /**
     * A run of a scenario ready for its first month, recording every series.
     *
     * @throws owsim.io.InputException when the scenario names a model or accelerator the catalog lacks
     */
    public static MarketRun start(Scenario scenario, Catalog catalog, RunCaches caches, EngineKind engine) {
        World w = Runs.world(scenario, catalog, caches.prices(scenario), caches.scaled());
        return new MarketRun(w, engine, caches.metrics.of(w));
    }

    /**
     * A run made for its summaries alone: its result's lab and market summaries are those of a run
     * from {@link #start}, but its series are only the few they are made from, and what only other
     * series show is not computed.
     */
    public static MarketRun startSummary(Scenario scenario, Catalog catalog, RunCaches caches, EngineKind engine) {
        World w = Runs.summaryWorld(scenario, catalog, caches.prices(scenario), caches.scaled());
        return new MarketRun(w, engine, caches.metrics.summaryInputs(w));
    }

    /** Months of the scenario. */
    public int months() {
        return months;
    }

    /** Steps month {@code month} through every mechanism of {@link MonthlySteps#ORDER} in order, and records it. */
    public void step(int month) {
        Runs.step(w, s, month, MonthlySteps.ORDER);
        record(month);
    }

    /**
     * The market for an engine of individual users (made on first call, then the same): its
     * {@link IndividualMarket#beforeUsers} steps the mechanisms before the users and
     * {@link IndividualMarket#afterUsers} those after them, on this run's state.
     */
    public IndividualMarket individualMarket() {
        if (individual == null) individual = new IndividualMarket(w, s);
        return individual;
    }

    /** Records every series' value for month {@code month} from the state as it is now. */
    public void record(int month) {
        for (int k = 0; k < metrics.size(); k++) values[k][month] = metrics.get(k).read().applyAsDouble(s);
    }

    /** The world of the run: for this package's tests, which watch a run month by month. */
    World world() {
        return w;
    }

    /** The state of the run as the last month left it: for this package's tests. */
    MarketState state() {
        return s;
    }

    /**
     * The run's result: every series for the months recorded so far (later months are 0), the
     * labs' and the market's summaries.
     *
     * @throws owsim.io.InputException when a value is not a finite number
     */
    public RunResult result() {
        return Runs.result(w, s, engine.id(), metrics, values);
    }
}
