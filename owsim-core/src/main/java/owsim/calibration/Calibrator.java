package owsim.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import owsim.experiment.RunOutput;
import owsim.experiment.Sweep;
import owsim.experiment.design.LatinHypercubeDesign;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SampleMatrix;
import owsim.format.Readable;
import owsim.market.aggregate.AggregateEngine;
import owsim.progress.ProgressListener;
import owsim.progress.ProgressMeter;
import owsim.random.Distribution;
import owsim.random.Seeds;
import owsim.scenario.ScenarioOverrides;

/**
 * Fits a calibration in three stages, each spread over {@code threads} threads with results that
 * do not depend on how many:
 * <ol>
 *   <li><b>Screening and rejection ABC.</b> A Latin hypercube over the parameters' ranges (the
 *   experiment package's design, seeded by the file's root seed), run through the experiment
 *   package's parallel runner. The points with the lowest loss (a share {@code acceptShare}) are
 *   the approximate posterior sample: its 5-95% range against the prior's says how much the targets
 *   narrow each parameter over the whole range.</li>
 *   <li><b>Search.</b> CMA-ES (Hansen's covariance matrix adaptation evolution strategy, the
 *   Apache Commons Math implementation, bounded to the unit cube) from each of the {@code starts}
 *   best screening points, the searches side by side, each with its own seeded generator. The
 *   lowest loss wins (ties: the earlier start); BOBYQA (Powell's bounded trust-region method with
 *   quadratic models, same library) then polishes that point, on one thread.</li>
 *   <li><b>Identifiability.</b> The Jacobian of the fitted targets' errors at the optimum by
 *   central differences (one-sided at a range's end), 2 runs per parameter, then
 *   {@link Identifiability}.</li>
 * </ol>
 */
public final class Calibrator {
    private final AggregateEngine engine;
    private final int threads;
    private final ProgressListener progress;

    public Calibrator(AggregateEngine engine, int threads, ProgressListener progress) {
        if (threads < 1) throw new IllegalArgumentException("threads: at least 1, was " + threads);
        this.engine = engine;
        this.threads = threads;
        this.progress = progress;
    }

    /** Runs all three stages. */
    public CalibrationResult run(Calibration c) throws Exception {
        Objective f = new Objective(c, engine);
        int k = c.parameters().size();
        SearchSpec search = c.search();
        // Unit coordinates from the experiment package's Latin hypercube, each parameter uniform on [0, 1].
        List<Parameter> unitRanges = new ArrayList<>();
        for (Parameter p : c.parameters()) unitRanges.add(new Parameter(p.path(), new Distribution.Uniform(0, 1)));
        SampleMatrix design = new LatinHypercubeDesign(search.screeningRuns(), false).sample(unitRanges, c.rootSeed());
        double[][] points = new double[design.runs()][];
        for (int i = 0; i < points.length; i++) points[i] = design.row(i);
        double[][] screened = evaluate(f, points);
        double[] losses = new double[points.length];
        for (int i = 0; i < points.length; i++) losses[i] = f.loss(screened[i]);
        Integer[] order = new Integer[points.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> losses[i]).thenComparingInt(i -> i));
        int accepted = Math.min(points.length, search.accepted());

        Search[] searches = search(f, c, points, losses, order);
        int best = 0;
        int evaluations = 0;
        for (int s = 0; s < searches.length; s++) {
            evaluations += searches[s].evaluations;
            if (searches[s].bestLoss < searches[best].bestLoss) best = s;
        }
        Search polished = polish(f, searches[best], c.search().polishEvaluations());
        double[] optimum = polished.bestUnit.clone();
        double[][] abc = new double[accepted][];
        for (int a = 0; a < accepted; a++) abc[a] = points[order[a]];
        return assemble(c, f, optimum, abc, points.length, losses[order[accepted - 1]], evaluations, best, polished.evaluations);
    }

    /**
     * The result of a stored fit re-made from its stored optimum and ABC summary: the model's figures
     * there and with the base scenario, and the Jacobian, computed anew (a dozen runs). If the model
     * changed, these change; the stored search and ABC figures are carried over unchanged.
     */
    public CalibrationResult recheck(Calibration c, CalibrationResult stored) throws Exception {
        if (!stored.hash().equals(c.hash())) {
            throw new IllegalStateException("the stored fit was made from other inputs (targets file, base scenario or parameters): hash "
                + stored.hash() + ", now " + c.hash());
        }
        Objective f = new Objective(c, engine);
        CalibrationResult fresh = assemble(c, f, stored.optimumUnit(), null, stored.screeningRuns(), stored.abcLossThreshold(),
            stored.searchEvaluations(), stored.bestStart(), stored.polishEvaluations());
        List<ParameterFit> ps = new ArrayList<>();
        for (int i = 0; i < fresh.parameters().size(); i++) {
            ParameterFit now = fresh.parameters().get(i);
            ParameterFit was = stored.parameters().get(i);
            ps.add(new ParameterFit(now.path(), now.range(), now.scenarioValue(), now.fitted(), now.fittedUnit(), was.abcLow(), was.abcMedian(),
                was.abcHigh(), was.abcWidthRatio(), now.localRatio(), now.aloneRatio(), now.verdict()));
        }
        return new CalibrationResult(fresh.name(), fresh.hash(), fresh.base(), fresh.months(), fresh.rootSeed(), stored.screeningRuns(),
            stored.accepted(), stored.abcLossThreshold(), stored.searchEvaluations(), stored.bestStart(), stored.polishEvaluations(),
            fresh.optimumUnit(),
            fresh.scenarioLoss(), fresh.fittedLoss(), fresh.singularValues(), fresh.weakestDirection(), fresh.freeDirections(), ps,
            fresh.targets());
    }

    /** Figures and identifiability at the optimum, with the ABC sample (null: NaN summaries) and the search's counts. */
    private CalibrationResult assemble(Calibration c, Objective f, double[] optimum, double[][] abc, int screeningRuns, double abcThreshold,
                                       int evaluations, int bestStart, int polishEvaluations) throws Exception {
        int k = c.parameters().size();
        double step = c.search().jacobianStep();
        List<double[]> probes = new ArrayList<>();
        probes.add(optimum);
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int p = 0; p < k; p++) {
            lo[p] = Math.max(0, optimum[p] - step);
            hi[p] = Math.min(1, optimum[p] + step);
            double[] down = optimum.clone();
            down[p] = lo[p];
            double[] up = optimum.clone();
            up[p] = hi[p];
            probes.add(down);
            probes.add(up);
        }
        double[][] figures = evaluate(f, probes.toArray(double[][]::new));
        double[] atOptimum = figures[0];
        double[] r0 = f.residuals(atOptimum);
        double[][] jacobian = new double[r0.length][k];
        for (int p = 0; p < k; p++) {
            double[] down = f.residuals(figures[1 + 2 * p]);
            double[] up = f.residuals(figures[2 + 2 * p]);
            for (int t = 0; t < r0.length; t++) jacobian[t][p] = (up[t] - down[t]) / (hi[p] - lo[p]);
        }
        Identifiability id = new Identifiability(jacobian, k);
        double[] atScenario = f.figures(engine.run(c.base()));

        double[] values = f.values(optimum);
        ScenarioOverrides overrides = new ScenarioOverrides();
        List<ParameterFit> params = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            Parameter par = c.parameters().get(p);
            Object own = overrides.value(c.base(), par.path());
            double[] sorted = new double[abc == null ? 0 : abc.length];
            for (int a = 0; a < sorted.length; a++) sorted[a] = abc[a][p];
            Arrays.sort(sorted);
            double q05 = quantile(sorted, 0.05);
            double q50 = quantile(sorted, 0.5);
            double q95 = quantile(sorted, 0.95);
            Distribution d = par.distribution();
            params.add(new ParameterFit(par.path(), range(d), own instanceof Number n ? n.doubleValue() : null, values[p], optimum[p],
                abc == null ? Double.NaN : d.fromUnit(q05), abc == null ? Double.NaN : d.fromUnit(q50), abc == null ? Double.NaN : d.fromUnit(q95),
                (q95 - q05) / 0.9, id.localRatio[p], id.aloneRatio[p],
                Identifiability.verdict(id.localRatio[p])));
        }
        List<TargetFit> targets = new ArrayList<>();
        for (int t = 0; t < c.targets().size(); t++) {
            Target target = c.targets().get(t);
            TargetSpec s = target.spec();
            double z = target.z(atOptimum[t]);
            targets.add(new TargetFit(s.id(), target.series(), target.window(), s.use(), s.value(), s.unit(), target.low(), target.high(),
                s.source(), s.date(), s.note(), finite(atScenario[t]), target.within(atScenario[t]), finite(atOptimum[t]), finite(z),
                target.within(atOptimum[t])));
        }
        return new CalibrationResult(c.name(), c.hash(), c.baseName(), c.base().months(), c.rootSeed(), screeningRuns,
            abc == null ? 0 : abc.length, abcThreshold, evaluations, bestStart, polishEvaluations, optimum, f.loss(atScenario), f.loss(atOptimum),
            id.singularValues, id.weakestDirection, id.freeDirections, params, targets);
    }

    /** A range for people: "uniform -4.5 to -0.5", "log-uniform 0.05 to 0.5". */
    static String range(Distribution d) {
        if (d instanceof Distribution.Uniform u) return "uniform " + Readable.count(u.min(), 3) + " to " + Readable.count(u.max(), 3);
        if (d instanceof Distribution.LogUniform u) return "log-uniform " + Readable.count(u.min(), 3) + " to " + Readable.count(u.max(), 3);
        if (d instanceof Distribution.TruncatedNormal n) {
            return "normal(" + Readable.count(n.mean(), 3) + ", " + Readable.count(n.sd(), 3) + ") in " + Readable.count(n.min(), 3) + " to "
                + Readable.count(n.max(), 3);
        }
        return d.describe();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Type-7 quantile (linear between order statistics) of sorted values; NaN for none. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double h = (sorted.length - 1) * p;
        int i = (int) Math.floor(h);
        return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    /** Runs every point through the experiment package's parallel runner; figures in point order. */
    private double[][] evaluate(Objective f, double[][] points) throws Exception {
        double[][] out = new double[points.length][];
        Sweep.run(points.length, id -> new RunOutput(id, id, 0, 0, points[id], f.figures(points[id])), new BitSet(), threads,
            batch -> { for (RunOutput r : batch) out[r.runId()] = r.metrics(); }, progress);
        return out;
    }

    /** One CMA-ES search's best point, tracked as it evaluates (a search that runs out of evaluations still has one). */
    private static final class Search {
        double bestLoss;
        double[] bestUnit;
        int evaluations;
    }

    private Search[] search(Objective f, Calibration c, double[][] points, double[] losses, Integer[] order) throws Exception {
        SearchSpec spec = c.search();
        int k = c.parameters().size();
        int starts = Math.min(spec.starts(), points.length);
        AtomicLong done = new AtomicLong();
        long total = (long) starts * spec.evaluationsPerStart();
        ProgressMeter meter = new ProgressMeter("search runs", total, progress);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, starts), r -> {
            Thread t = new Thread(r, "owsim-calibrate");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Search>> futures = new ArrayList<>();
            for (int s = 0; s < starts; s++) {
                final int start = s;
                final double[] x0 = points[order[s]];
                final double loss0 = losses[order[s]];
                futures.add(pool.submit(() -> cmaes(f, k, x0, loss0, spec.evaluationsPerStart(), Seeds.derive(c.rootSeed(), 0x434d4145L, start), done)));
            }
            long reported = 0;
            for (Future<Search> future : futures) {
                while (true) {
                    try {
                        future.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException wait) {
                        long now = done.get();
                        meter.advance(now - reported);
                        reported = now;
                    }
                }
            }
            Search[] out = new Search[starts];
            for (int s = 0; s < starts; s++) out[s] = futures.get(s).get();
            meter.advance(total - reported);
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * BOBYQA (Powell's bounded quadratic-model trust-region method) from the search's best point: a
     * least-squares loss is close to quadratic near its minimum, where CMA-ES converges slowly.
     * Returns the search itself when polishing is off or there is one parameter (BOBYQA needs two).
     */
    private Search polish(Objective f, Search from, int maxEvaluations) {
        int k = from.bestUnit.length;
        if (maxEvaluations == 0 || k < 2) {
            Search none = new Search();
            none.bestLoss = from.bestLoss;
            none.bestUnit = from.bestUnit;
            return none;
        }
        ProgressMeter meter = new ProgressMeter("polish runs", maxEvaluations, progress);
        Search s = new Search();
        s.bestLoss = from.bestLoss;
        s.bestUnit = from.bestUnit.clone();
        double[] lower = new double[k];
        double[] upper = new double[k];
        Arrays.fill(upper, 1);
        // The trust region may start no wider than half the distance between the bounds; the first
        // interpolation points sit that far from the start, so keep them small beside the range.
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * k + 1, 0.05, 1e-7);
        ObjectiveFunction objective = new ObjectiveFunction(u -> {
            double loss = f.loss(f.figures(u));
            s.evaluations++;
            meter.advance(1);
            if (loss < s.bestLoss) {
                s.bestLoss = loss;
                s.bestUnit = u.clone();
            }
            return loss;
        });
        try {
            bobyqa.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE, new InitialGuess(from.bestUnit), new SimpleBounds(lower, upper));
        } catch (TooManyEvaluationsException enough) {
            // The budget is spent: the best point seen stands.
        }
        meter.advance(maxEvaluations - s.evaluations);
        return s;
    }

    private static Search cmaes(Objective f, int k, double[] x0, double loss0, int maxEvaluations, long seed, AtomicLong done) {
        Search s = new Search();
        s.bestLoss = loss0;
        s.bestUnit = x0.clone();
        double[] lower = new double[k];
        double[] upper = new double[k];
        double[] sigma = new double[k];
        Arrays.fill(upper, 1);
        Arrays.fill(sigma, 0.15);
        int lambda = 4 + (int) Math.floor(3 * Math.log(k));
        CMAESOptimizer cma = new CMAESOptimizer(maxEvaluations, 0, true, 0, 0, new MersenneTwister(seed), false,
            new SimpleValueChecker(1e-8, 1e-10));
        ObjectiveFunction objective = new ObjectiveFunction(u -> {
            double loss = f.loss(f.figures(u));
            s.evaluations++;
            done.incrementAndGet();
            if (loss < s.bestLoss) {
                s.bestLoss = loss;
                s.bestUnit = u.clone();
            }
            return loss;
        });
        try {
            cma.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lower, upper),
                new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (TooManyEvaluationsException enough) {
            // The budget is spent: the best point seen stands.
        }
        return s;
    }
}
