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
        return analyze(t.name(), t.design(), t.worlds(), params, t.claims(), t.outcomes(), t.defaults(), saltelli, t.rootSeed());
    }

    /**
     * Analyses outcomes in memory.
     *
     * @param defaults claim -> {holds in the base world (1/0), margin}
     * @param saltelli the Sobol structure, or null
     */
    public static UncertaintyReport analyze(String name, String design, int worlds, List<Parameter> params, List<String> claims,
                                            List<WorldOutcome> outcomes, Map<String, double[]> defaults, SaltelliSample saltelli, long seed) {
        List<String> paths = params.stream().map(Parameter::path).toList();
        List<String> notes = new ArrayList<>();
        List<ClaimUncertainty> out = new ArrayList<>();
        for (String id : claims) {
            List<WorldOutcome> mine = outcomes.stream().filter(o -> o.claim().equals(id)).sorted(Comparator.comparingInt(WorldOutcome::world)).toList();
            if (mine.isEmpty()) {
                notes.add("claim " + id + ": no world evaluated yet");
                continue;
            }
            if (mine.size() < worlds) notes.add("claim " + id + ": " + mine.size() + " of " + worlds + " worlds evaluated; run the same command again to finish");
            double[] d = defaults.get(id);
            out.add(claim(id, paths, mine, d == null ? null : d[0] > 0, saltelli != null && mine.size() == worlds ? saltelli : null, seed));
        }
        return new UncertaintyReport(name, design, worlds, paths, params.stream().map(p -> p.distribution().describe()).toList(), out, notes);
    }

    static ClaimUncertainty claim(String id, List<String> paths, List<WorldOutcome> mine, Boolean defaultHolds, SaltelliSample saltelli, long seed) {
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
        return new ClaimUncertainty(id, n, holding, (double) holding / n, interval, unit, q, defaultHolds, peeled, box, restrictions, conditions, tree, deciding, measure,
            r2, surfacePaths, surface, flip);
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
