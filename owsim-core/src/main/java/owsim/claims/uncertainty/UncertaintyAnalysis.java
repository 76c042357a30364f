package owsim.claims.uncertainty;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import owsim.experiment.analysis.Interval;
import owsim.experiment.analysis.SobolAnalysis;
import owsim.experiment.analysis.SobolIndex;
import owsim.experiment.analysis.SobolResult;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SaltelliSample;
import owsim.experiment.design.SobolDesign;
import owsim.experiment.discovery.CartTree;
import owsim.experiment.discovery.Prim;
import owsim.experiment.discovery.PrimBox;
import owsim.experiment.discovery.PrimRestriction;
import owsim.experiment.discovery.RankRegression;
import owsim.experiment.discovery.TippingSurface;
import owsim.experiment.discovery.Wilson;
import owsim.format.Readable;

/**
 * Turns the stored outcomes into each claim's {@link ClaimUncertainty}. Choices, each stated in
 * docs/CLAIMS.md: the PRIM box is the trajectory's densest box covering at least
 * {@link #MIN_COVERAGE} of the worlds where the claim holds, then pasted, then pruned: a
 * restriction stays only while removing it would lower the box's density by at least
 * {@link #MIN_DENSITY_GAIN} and its quasi-p value is at most {@link #SIGNIFICANCE} divided by the
 * number of parameters; the CART tree has depth
 * {@link #TREE_DEPTH} and leaves of at least {@link #MIN_LEAF_SHARE} of the worlds; the deciding
 * parameters are ranked by |SRRC| of the margin (of holds when a world has no margin), or by the
 * Sobol total index on a complete Sobol design; the tipping surface has {@link #SURFACE_BINS} x
 * {@link #SURFACE_BINS} cells over the two most deciding parameters; the flip world is the one
 * whose margin lies furthest on the other side of zero from the base world's verdict.
 *
 * <p>With several replications of each world (the agent engine), every analysis above runs on the
 * per-world outcome ({@link #perWorld}): a world holds when more than half of its replications do
 * (a tie does not: a verdict that agent noise splits evenly is not one the world gives), its margin
 * is their mean. Beside the share of such worlds each claim reports the mean share of replications
 * that hold, the share of worlds whose replications all agree and the mean within-world agreement,
 * so that a reader sees whether the agent engine's noise or the parameters decide the verdict.
 */
public final class UncertaintyAnalysis {
    public static final double MIN_COVERAGE = 0.8;
    /**
     * A restriction of the PRIM box must raise its density by at least this much (a difference of
     * shares: 0.02 = two percentage points). Assumption: with about 256 worlds a box holds some
     * 40 to 200, so one world more or less moves its density by 0.5 to 2.5 points; a restriction
     * worth less than two points is one or two worlds' worth, not a condition to tell a strategist.
     */
    public static final double MIN_DENSITY_GAIN = 0.02;
    /**
     * A restriction of the PRIM box must have a quasi-p value of at most this divided by the number
     * of uncertain parameters (Bonferroni: peeling chose each restriction as the best among every
     * parameter, so an uncorrected 5 % level lets a chance cut through about once in three boxes on
     * the synthetic case of ScenarioDiscoveryTest). The EMA workbench prints the same figure for the
     * analyst to judge; here the rule is fixed so that the report is reproducible.
     */
    public static final double SIGNIFICANCE = 0.05;
    public static final int TREE_DEPTH = 2;
    public static final double MIN_LEAF_SHARE = 0.05;
    public static final int SURFACE_BINS = 4;
    static final double CONFIDENCE = 0.95;
    static final int BOOTSTRAP = 500;

    private UncertaintyAnalysis() {}

    /** Analyses an outcomes file. */
    public static UncertaintyReport of(OutcomeStore store) throws SQLException {
        return of(store.table());
    }

    /** Analyses an outcome table (from the store or its CSV file): the same table gives the same report. */
    public static UncertaintyReport of(OutcomeTable t) {
        List<Parameter> params = t.parameters();
        SaltelliSample saltelli = "sobol".equals(t.design()) ? new SobolDesign(t.worlds() / (params.size() + 2)).saltelli(params) : null;
        return analyze(t.name(), t.design(), t.worlds(), params, t.claims(), t.outcomes(), t.defaults(), saltelli, t.rootSeed(), t.runs());
    }

    /**
     * Analyses outcomes in memory.
     *
     * @param defaults claim -> {holds in the base world (1/0), margin}
     * @param saltelli the Sobol structure, or null
     */
    public static UncertaintyReport analyze(String name, String design, int worlds, List<Parameter> params, List<String> claims,
                                            List<WorldOutcome> outcomes, Map<String, double[]> defaults, SaltelliSample saltelli, long seed) {
        return analyze(name, design, worlds, params, claims, outcomes, defaults, saltelli, seed, WorldRunner.Runs.AGGREGATE);
    }

    /** As {@link #analyze(String, String, int, List, List, List, Map, SaltelliSample, long)}, for worlds run as {@code runs} says. */
    public static UncertaintyReport analyze(String name, String design, int worlds, List<Parameter> params, List<String> claims,
                                            List<WorldOutcome> outcomes, Map<String, double[]> defaults, SaltelliSample saltelli, long seed,
                                            WorldRunner.Runs runs) {
        List<String> paths = params.stream().map(Parameter::path).toList();
        List<String> notes = new ArrayList<>();
        List<ClaimUncertainty> out = new ArrayList<>();
        int reps = runs.replications();
        for (String id : claims) {
            List<WorldOutcome> all = outcomes.stream().filter(o -> o.claim().equals(id)).toList();
            if (all.isEmpty()) {
                notes.add("claim " + id + ": no world evaluated yet");
                continue;
            }
            PerWorld per = perWorld(all, reps);
            List<WorldOutcome> mine = per.outcomes();
            if (mine.size() < worlds) notes.add("claim " + id + ": " + mine.size() + " of " + worlds + " worlds evaluated; run the same command again to finish");
            else if (per.incomplete() > 0) notes.add("claim " + id + ": " + per.incomplete() + " worlds have fewer than " + reps
                + " replications evaluated; run the same command again to finish");
            double[] d = defaults.get(id);
            out.add(claim(id, paths, mine, d == null ? null : d[0] > 0, saltelli != null && mine.size() == worlds ? saltelli : null, seed,
                reps, per));
        }
        if (!runs.equals(WorldRunner.Runs.AGGREGATE)) notes.add(runsNote(runs));
        return new UncertaintyReport(name, design, worlds, paths, params.stream().map(p -> p.distribution().describe()).toList(), out, notes,
            runs.engine().id(), runs.users(), reps);
    }

    /**
     * What the agent engine's worlds are, for the reports' notes. The per-claim figures (share of
     * replications that hold, share of worlds whose replications agree) are columns of the reports'
     * tables, not listed here.
     */
    private static String runsNote(WorldRunner.Runs runs) {
        StringBuilder sb = new StringBuilder("worlds run on the agent engine with " + runs.users() + " simulated users, " + runs.replications()
            + (runs.replications() == 1 ? " replication" : " replications") + " each");
        if (runs.replications() == 1) return sb.append(" (one: agent noise and the parameters cannot be told apart)").toString();
        return sb.append("; a world holds when more than half of its replications do (a tie does not). Per claim the table gives the share of"
            + " all replications that hold and the share of worlds whose replications all agree: where that is low, agent noise, not the"
            + " parameters, decides the verdict").toString();
    }

    /**
     * One claim's outcomes collapsed to one per world, in world order.
     *
     * @param outcomes per world: the first replication that gives the world's outcome (its verdict
     *     and seed), with that outcome and the replications' mean margin (NaN when one has none)
     * @param runShare mean over the worlds of the share of their replications that hold
     * @param agreement mean over the worlds with two replications or more of the share of their
     *     pairs of replications that agree (NaN when none has two)
     * @param agreedShare share of the worlds with two replications or more whose replications all give
     *     the same outcome (NaN when none has two)
     * @param incomplete worlds with fewer replications than asked for
     */
    record PerWorld(List<WorldOutcome> outcomes, double runShare, double agreement, double agreedShare, int incomplete) {}

    /** Collapses one claim's outcomes (any order) to one per world, as the class comment says. */
    static PerWorld perWorld(List<WorldOutcome> all, int replications) {
        java.util.TreeMap<Integer, List<WorldOutcome>> byWorld = new java.util.TreeMap<>();
        for (WorldOutcome o : all) byWorld.computeIfAbsent(o.world(), w -> new ArrayList<>()).add(o);
        List<WorldOutcome> out = new ArrayList<>();
        double shareSum = 0;
        double agreeSum = 0;
        int paired = 0;
        int agreed = 0;
        int incomplete = 0;
        for (List<WorldOutcome> reps : byWorld.values()) {
            reps.sort(Comparator.comparingInt(WorldOutcome::replication));
            int r = reps.size();
            if (r < replications) incomplete++;
            int h = 0;
            double marginSum = 0;
            for (WorldOutcome o : reps) {
                if (o.holds()) h++;
                marginSum += o.margin();
            }
            shareSum += (double) h / r;
            if (r >= 2) {
                agreeSum += ((double) h * (h - 1) + (double) (r - h) * (r - h - 1)) / ((double) r * (r - 1));
                paired++;
                if (h == 0 || h == r) agreed++;
            }
            if (r == 1) {
                // One replication is the world's outcome as it is (the aggregate engine's case: the analysis sees its rows unchanged).
                out.add(reps.get(0));
                continue;
            }
            boolean holds = 2 * h > r;
            WorldOutcome first = reps.stream().filter(o -> o.holds() == holds).findFirst().orElseThrow();
            out.add(new WorldOutcome(first.runId(), first.world(), first.replication(), first.claim(), first.seed(), first.parameters(), first.verdict(),
                holds, marginSum / r, first.marginUnit()));
        }
        return new PerWorld(out, shareSum / byWorld.size(), paired == 0 ? Double.NaN : agreeSum / paired,
            paired == 0 ? Double.NaN : (double) agreed / paired, incomplete);
    }

    static ClaimUncertainty claim(String id, List<String> paths, List<WorldOutcome> mine, Boolean defaultHolds, SaltelliSample saltelli, long seed) {
        return claim(id, paths, mine, defaultHolds, saltelli, seed, 1, null);
    }

    static ClaimUncertainty claim(String id, List<String> paths, List<WorldOutcome> mine, Boolean defaultHolds, SaltelliSample saltelli, long seed,
                                  int replications, PerWorld per) {
        int n = mine.size();
        int k = paths.size();
        double[][] columns = new double[k][n];
        boolean[] holds = new boolean[n];
        double[] margin = new double[n];
        int holding = 0;
        boolean allMargins = true;
        for (int i = 0; i < n; i++) {
            WorldOutcome o = mine.get(i);
            for (int j = 0; j < k; j++) columns[j][i] = o.parameters()[j];
            holds[i] = o.holds();
            margin[i] = o.margin();
            if (holds[i]) holding++;
            if (!Double.isFinite(margin[i])) allMargins = false;
        }
        Interval interval = Wilson.interval(holding, n, CONFIDENCE);
        String unit = mine.get(0).marginUnit();
        double[] q = quantiles(margin);
        PrimBox peeled = null;
        PrimBox box = null;
        List<PrimRestriction> restrictions = List.of();
        CartTree tree = null;
        String conditions = holding == n ? "everywhere (in every sampled world)" : holding == 0 ? "nowhere (in no sampled world)" : null;
        if (conditions == null) {
            peeled = new Prim().find(columns, holds, MIN_COVERAGE);
            box = Prim.prune(columns, holds, peeled, MIN_DENSITY_GAIN, SIGNIFICANCE / k);
            restrictions = Prim.restrictions(columns, holds, box);
            conditions = describe(box, paths);
            tree = CartTree.grow(paths, columns, holds, TREE_DEPTH, Math.max(1, (int) Math.ceil(MIN_LEAF_SHARE * n)));
        }
        double[] response = new double[n];
        for (int i = 0; i < n; i++) response[i] = allMargins ? margin[i] : holds[i] ? 1 : 0;
        List<ClaimUncertainty.Decider> deciding = new ArrayList<>();
        String measure;
        double r2 = Double.NaN;
        boolean varies = Arrays.stream(response).distinct().count() > 1;
        if (saltelli != null && allMargins && varies) {
            SobolResult s = new SobolAnalysis(BOOTSTRAP, CONFIDENCE, seed).analyze("margin of " + id, saltelli, response);
            for (SobolIndex ix : s.indices()) deciding.add(new ClaimUncertainty.Decider(ix.path(), ix.total()));
            measure = "Sobol ST";
        } else if (varies && n > k + 1) {
            RankRegression r = RankRegression.fit(columns, response);
            for (int j = 0; j < k; j++) deciding.add(new ClaimUncertainty.Decider(paths.get(j), r.coefficients()[j]));
            r2 = r.rSquared();
            measure = "SRRC";
        } else {
            measure = varies ? "none (fewer worlds than parameters + 2)" : "none (the outcome does not vary)";
        }
        deciding.sort(Comparator.comparingDouble((ClaimUncertainty.Decider x) -> -Math.abs(x.value())));
        List<String> surfacePaths = List.of();
        TippingSurface surface = null;
        if (deciding.size() >= 2 && holding > 0 && holding < n) {
            int a = paths.indexOf(deciding.get(0).path());
            int b = paths.indexOf(deciding.get(1).path());
            surfacePaths = List.of(paths.get(a), paths.get(b));
            surface = TippingSurface.of(columns[a], columns[b], holds, SURFACE_BINS);
        }
        ClaimUncertainty.FlipWorld flip = null;
        if (defaultHolds != null) {
            WorldOutcome best = null;
            double furthest = Double.NEGATIVE_INFINITY;
            for (WorldOutcome o : mine) {
                if (o.holds() == defaultHolds) continue;
                double beyond = Double.isFinite(o.margin()) ? Math.abs(o.margin()) : 0;
                if (best == null || beyond > furthest) {
                    best = o;
                    furthest = beyond;
                }
            }
            if (best != null) flip = new ClaimUncertainty.FlipWorld(best.world(), best.seed(), paths, best.parameters(), best.verdict(), best.holds(), best.margin());
        }
        double share = (double) holding / n;
        return new ClaimUncertainty(id, n, holding, share, interval, unit, q, defaultHolds, peeled, box, restrictions, conditions, tree, deciding, measure,
            r2, surfacePaths, surface, flip, replications, per == null ? share : per.runShare(), per == null ? Double.NaN : per.agreement(),
            per == null ? Double.NaN : per.agreedShare());
    }

    static double[] quantiles(double[] v) {
        double[] f = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        double[] q = new double[ClaimUncertainty.QUANTILES.length];
        for (int i = 0; i < q.length; i++) {
            if (f.length == 0) {
                q[i] = Double.NaN;
                continue;
            }
            // Linear interpolation between order statistics (Hyndman and Fan type 7, R's default).
            double h = (f.length - 1) * ClaimUncertainty.QUANTILES[i];
            int lo = (int) Math.floor(h);
            int hi = Math.min(f.length - 1, lo + 1);
            q[i] = f[lo] + (h - lo) * (f[hi] - f[lo]);
        }
        return q;
    }

    /** The box's limits on the parameters it restricts, as text. */
    public static String describe(PrimBox box, List<String> paths) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < paths.size(); j++) {
            if (box.restricted()[j]) parts.add(limit(box, j, paths.get(j)));
        }
        return parts.isEmpty() ? "anywhere (no box denser than the whole sample)" : String.join(" and ", parts);
    }

    /** The box's limits on parameter {@code j}, named {@code path}: {@code a <= p <= b}, {@code p >= a} or {@code p <= b}. */
    public static String limit(PrimBox box, int j, String path) {
        boolean lo = isLimit(box, j, true);
        boolean hi = isLimit(box, j, false);
        if (lo && hi) return number(box.low()[j]) + " <= " + path + " <= " + number(box.high()[j]);
        if (lo) return path + " >= " + number(box.low()[j]);
        return path + " <= " + number(box.high()[j]);
    }

    private static boolean isLimit(PrimBox box, int j, boolean low) {
        return low ? box.lowRestricted()[j] : box.highRestricted()[j];
    }

    /** Numbers in conditions: three significant digits with a magnitude, as owsim writes counts. */
    public static String number(double v) {
        return Readable.count(v, 3);
    }
}
