package owsim.report;

import java.util.ArrayList;
import java.util.List;
import owsim.claims.uncertainty.ClaimUncertainty;
import owsim.claims.uncertainty.UncertaintyAnalysis;
import owsim.claims.uncertainty.UncertaintyReport;
import owsim.experiment.discovery.CartTree;
import owsim.experiment.discovery.PrimRestriction;
import owsim.experiment.discovery.TippingSurface;
import owsim.format.Readable;

/** The words and numbers of a claim's verdict under uncertainty, shared by the Markdown and HTML writers. */
final class UncertaintyText {
    private UncertaintyText() {}

    /** "87.5% [83.0%, 91.0%] of 256 worlds". */
    static String share(ClaimUncertainty c) {
        return Readable.percent(c.share()) + " [" + Readable.percent(c.interval().low()) + ", " + Readable.percent(c.interval().high()) + "] of "
            + c.worlds() + " worlds";
    }

    /** Whether the report's worlds ran more than once each (the agent engine with replications): its tables then show how often they agree. */
    static boolean replicated(UncertaintyReport u) {
        return u.replications() > 1;
    }

    /** Header cells of the replication columns, in the tables' order. */
    static final List<String> REPLICATION_COLUMNS = List.of("replications that hold", "worlds whose replications agree");

    /** The replication columns' cells: the share of all replications that hold, the share of worlds whose replications all agree. */
    static List<String> replicationCells(ClaimUncertainty c) {
        return List.of(Readable.percent(c.runShare()), Readable.percent(c.agreedShare()));
    }

    /** "in 87.5% of worlds all 2 replications agree; 41.7% of replications hold; mean within-world agreement ...". */
    static String replications(ClaimUncertainty c) {
        return "in " + Readable.percent(c.agreedShare()) + " of worlds all " + c.replications() + " replications agree; " + Readable.percent(c.runShare())
            + " of replications hold; mean within-world agreement (share of a world's pairs of replications with the same outcome) "
            + Readable.percent(c.agreement());
    }

    /** The margin's unit without its explanation in brackets, for table cells. */
    static String shortUnit(String unit) {
        int p = unit.indexOf(" (");
        return p < 0 ? unit : unit.substring(0, p);
    }

    /** The margin's quantiles, "5%: x, 25%: y, median: z, 75%: ..., 95%: ...". */
    static String margin(ClaimUncertainty c) {
        double[] q = c.marginQuantiles();
        if (!Double.isFinite(q[2])) return "no margin recorded";
        String u = shortUnit(c.marginUnit());
        String[] names = {"5%", "25%", "median", "75%", "95%"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < q.length; i++) parts.add(names[i] + " " + ClaimsText.value(q[i], u));
        return String.join(", ", parts);
    }

    /**
     * The pruned box with, next to each restriction, what it adds to the density and its quasi-p
     * value, then the box's trade-off figures and how many restrictions the pruning dropped.
     */
    static String box(ClaimUncertainty c, List<String> paths) {
        if (c.box() == null) return "holds " + c.conditions();
        List<String> parts = new ArrayList<>();
        for (PrimRestriction r : c.restrictions()) {
            parts.add(UncertaintyAnalysis.limit(c.box(), r.parameter(), paths.get(r.parameter())) + " (+" + Readable.fixed(100 * r.densityGain(), 1)
                + " points of density, " + quasiP(r.quasiP()) + ")");
        }
        String limits = parts.isEmpty() ? c.conditions() : String.join(" and ", parts);
        int before = c.peeledBox().restrictedCount();
        int after = c.box().restrictedCount();
        // The peeled box's figures too: the density the dropped restrictions bought in this sample, which the reader can weigh.
        String pruned = before == after ? "" : "; pruned from " + before + " restrictions (density " + Readable.percent(c.peeledBox().density())
            + ", coverage " + Readable.percent(c.peeledBox().coverage()) + ") to " + after;
        return limits + " (PRIM box" + pruned + ": " + figures(c) + ")";
    }

    /** "covers 84.3% of the worlds where it holds; it holds in 91.0% of the worlds in the box, 33.2% of all". */
    static String figures(ClaimUncertainty c) {
        return "covers " + Readable.percent(c.box().coverage()) + " of the worlds where it holds; it holds in " + Readable.percent(c.box().density())
            + " of the worlds in the box, " + Readable.percent(c.box().mass()) + " of all";
    }

    /** The conditions with the box's coverage and density, for the summary tables. */
    static String conditions(ClaimUncertainty c) {
        if (c.box() == null) return c.conditions();
        return c.conditions() + " (coverage " + Readable.percent(c.box().coverage()) + ", density " + Readable.percent(c.box().density()) + ")";
    }

    /** "quasi-p 0.012", or {@code quasi-p < 0.001} below that (the test's precision means nothing further out). */
    static String quasiP(double p) {
        return p < 0.001 ? "quasi-p < 0.001" : "quasi-p " + Readable.fixed(p, 3);
    }

    /** The tree's leaves where the claim mostly holds. */
    static List<String> treeRules(ClaimUncertainty c) {
        List<String> out = new ArrayList<>();
        if (c.tree() == null) return out;
        for (CartTree.Rule r : c.tree().rules(UncertaintyAnalysis::number)) {
            out.add(r.conditions() + ": holds in " + r.positives() + " of " + r.points() + " worlds (" + Readable.percent(r.share()) + ")");
        }
        return out;
    }

    /** The three most deciding parameters with their measure. */
    static String deciding(ClaimUncertainty c) {
        if (c.deciding().isEmpty()) return c.decidingMeasure();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, c.deciding().size()); i++) {
            ClaimUncertainty.Decider d = c.deciding().get(i);
            parts.add(d.path() + " (" + (c.decidingMeasure().equals("SRRC") ? Readable.fixed(d.value(), 2) : Readable.fixed(d.value(), 3)) + ")");
        }
        String tail = c.decidingMeasure().equals("SRRC")
            ? "; standardised rank regression coefficients of the " + (Double.isNaN(c.rSquared()) ? "outcome" : "margin, R² " + Readable.fixed(c.rSquared(), 2))
            : "; Sobol total indices of the margin";
        return String.join(", ", parts) + tail;
    }

    /** The flip world as --set options that rebuild it. */
    static String flip(ClaimUncertainty c) {
        ClaimUncertainty.FlipWorld f = c.flip();
        if (f == null) {
            return c.defaultHolds() == null ? "not recorded" : "none: in every sampled world the verdict is the base world's";
        }
        StringBuilder sb = new StringBuilder("world " + f.world() + " (" + (f.holds() ? "holds" : "does not hold") + ", " + f.verdict() + "): owsim claims");
        for (int j = 0; j < f.paths().size(); j++) sb.append(" --set '").append(f.paths().get(j)).append('=').append(plain(f.values()[j])).append('\'');
        return sb.toString();
    }

    /** The tipping surface as rows of a table: header, then one row per bin of the first parameter. */
    static List<List<String>> surface(ClaimUncertainty c) {
        List<List<String>> rows = new ArrayList<>();
        TippingSurface s = c.surface();
        if (s == null) return rows;
        List<String> head = new ArrayList<>();
        head.add(c.surfacePaths().get(0) + " \\ " + c.surfacePaths().get(1));
        for (int b = 0; b + 1 < s.edgesB().length; b++) head.add(range(s.edgesB(), b));
        rows.add(head);
        for (int a = 0; a + 1 < s.edgesA().length; a++) {
            List<String> row = new ArrayList<>();
            row.add(range(s.edgesA(), a));
            for (int b = 0; b + 1 < s.edgesB().length; b++) {
                row.add(Double.isNaN(s.share()[a][b]) ? "-" : Readable.percent(s.share()[a][b]) + " (" + s.points()[a][b] + ")");
            }
            rows.add(row);
        }
        return rows;
    }

    private static String range(double[] edges, int i) {
        return UncertaintyAnalysis.number(edges[i]) + "-" + UncertaintyAnalysis.number(edges[i + 1]);
    }

    private static final java.util.regex.Pattern EXPONENT = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?[eE][-+]?[0-9]+");

    /**
     * A double's exact digits without an exponent (7.7e-4 as 0.00077): the reports write numbers
     * for people, and the flip world's --set values must still read back to the same double.
     */
    static String plain(double v) {
        return Double.isFinite(v) ? new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString() : Double.toString(v);
    }

    /** The text with every number written with an exponent (a distribution's 5.0E-4) written out. */
    static String plain(String text) {
        return EXPONENT.matcher(text).replaceAll(m -> new java.math.BigDecimal(m.group()).stripTrailingZeros().toPlainString());
    }

    /** The parameters and their distributions, one line each. */
    static List<String> parameters(UncertaintyReport r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.parameters().size(); i++) out.add(r.parameters().get(i) + ": " + plain(r.distributions().get(i)));
        return out;
    }
}
