package owsim.market;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.serving.ServingEngine;

/**
 * Shared, read-only test fixtures: the bundled catalog, the four-lab world (the default until the
 * eight-lab landscape replaced it, and the world the mechanism tests were written for), memoised prices.
 */
final class Fixtures {
    static final Catalog CATALOG = Catalog.bundled();
    /** The four-lab world ({@code scenarios/four-labs-2025.yaml}). */
    static final Scenario FOUR_LABS = owsim.scenario.TestWorlds.fourLabs();
    /**
     * The four-lab world as one global region (regions off), which is the default as it was before
     * regions, bit for bit: the world the mechanism tests below were written for.
     */
    static final Scenario ONE_REGION = owsim.scenario.Regions.strip(FOUR_LABS);
    static final ServingPrices PRICES = new ServingPrices(new ServingEngine(), FOUR_LABS.technology().inputTokenShare());
    static final Map<String, ModelSpec> SCALED = new ConcurrentHashMap<>();
    static final AggregateEngine ENGINE = new AggregateEngine(CATALOG);
    private static final ScenarioOverrides OVERRIDES = new ScenarioOverrides();

    private Fixtures() {}

    /** The scenario with the field at a dotted path set: test variants are built by path, never positionally. */
    static Scenario set(Scenario s, String path, Object value) { return OVERRIDES.apply(s, path, value); }

    /** The scenario with every segment's field set to the same value. */
    static Scenario setEverySegment(Scenario s, String field, Object value) {
        for (var g : s.segments()) s = set(s, "segments[" + g.id() + "]." + field, value);
        return s;
    }

    static World world(Scenario s) { return Runs.world(s, CATALOG, PRICES, SCALED); }

    /** The first segment of the world in region {@code region} (by index). */
    static int segmentIn(World w, int region) {
        for (int g = 0; g < w.segments; g++) if (w.regionTable.segmentRegion[g] == region) return g;
        throw new AssertionError("no segment in region " + region);
    }

    private static final RunCaches CACHES = new RunCaches();

    /**
     * The aggregate engine's run of a scenario, showing the observer the world and the state after
     * every month (once the month is recorded): the engine's own result, watched.
     */
    static RunResult run(Scenario s, BiConsumer<World, MarketState> observer) {
        return run(s, CACHES, observer);
    }

    /** {@link #run(Scenario, BiConsumer)} with caches of the caller's (fresh ones: nothing priced before). */
    static RunResult run(Scenario s, RunCaches caches, BiConsumer<World, MarketState> observer) {
        MarketRun run = MarketRun.start(s, CATALOG, caches, EngineKind.AGGREGATE);
        for (int m = 0; m < run.months(); m++) {
            run.step(m);
            observer.accept(run.world(), run.state());
        }
        return run.result();
    }

    /** A world and its state after stepping months 0..month-1 with the engine's full step list. */
    static Stepped steppedTo(Scenario s, int month) {
        World w = world(s);
        MarketState st = Runs.start(w);
        for (int m = 0; m < month; m++) {
            Runs.step(w, st, m, MonthlySteps.ORDER);
        }
        st.month = month;
        return new Stepped(w, st);
    }

    /** Applies the step list up to (not including) the given mechanism class for the state's month. */
    static void stepUntil(Stepped x, Class<? extends Mechanism> stop) {
        x.state().clearFlows();
        for (Mechanism m : MonthlySteps.ORDER) {
            if (m.getClass() == stop) return;
            m.apply(x.world(), x.state());
        }
    }

    /** What a test does at a decision month in place of the deciding mechanism's step: look, {@code decide.run()}, look again. */
    @FunctionalInterface
    interface AtDecision {
        void at(int month, Runnable decide);
    }

    /**
     * Steps months 0..months-1 of a run with the engine's step list; at each decision month but month 0 (every
     * {@code financing.decisionEveryMonths}) the step of the mechanism of class {@code decider} is run by {@code at}, which
     * may read the state before and after it; {@code afterMonth} (or null) runs at each month's end with the month.
     */
    static void stepDeciding(World w, MarketState s, Class<? extends Mechanism> decider, AtDecision at, java.util.function.IntConsumer afterMonth) {
        int every = w.scenario.financing().decisionEveryMonths();
        for (int m = 0; m < w.scenario.months(); m++) {
            s.month = m;
            s.clearFlows();
            for (Mechanism mech : MonthlySteps.ORDER) {
                if (mech.getClass() != decider || m == 0 || m % every != 0) {
                    mech.apply(w, s);
                } else {
                    at.at(m, () -> mech.apply(w, s));
                }
            }
            if (afterMonth != null) afterMonth.accept(m);
        }
    }

    record Stepped(World world, MarketState state) {}

    static List<Mechanism> steps() { return MonthlySteps.ORDER; }
}
