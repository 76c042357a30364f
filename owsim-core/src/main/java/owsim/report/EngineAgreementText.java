package owsim.report;

import java.util.Locale;
import owsim.experiment.EngineAgreement;
import owsim.format.Readable;

/** {@code owsim compare-engines}' table: every summary figure of the aggregate run against the agent runs' interval. */
public final class EngineAgreementText {
    private EngineAgreementText() {}

    /** The heading, one row per figure and the count of figures bracketed, each line ended by "\n". */
    public static String render(EngineAgreement.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Engines compared on '%s': the aggregate run against %d agent runs of %,d users (seeds %d to %d)%n%n",
            r.scenarioName(), r.replications(), r.users(), r.firstSeed(), r.firstSeed() + r.replications() - 1));
        TextTable t = new TextTable(7).row("figure", "aggregate", "agent mean", "95% interval", "gap", "gap (s.e.)", "bracketed");
        for (EngineAgreement.Figure f : r.figures()) {
            t.row(f.name(), value(f.name(), f.aggregate()), value(f.name(), f.agent().mean()),
                value(f.name(), f.agent().ciLow()) + " to " + value(f.name(), f.agent().ciHigh()),
                gap(f), String.format(Locale.ROOT, "%+.1f", f.standardErrors()), f.bracketed() ? "yes" : "no");
        }
        sb.append(t.render(""));
        sb.append(String.format(Locale.ROOT, "%n%d of %d figures bracketed. With R runs each 95%% interval misses an unbiased figure one time in"
            + " twenty, so a few misses are chance; docs/MODEL.md (section 3.5) says where the engines differ by design.%n",
            r.bracketed(), r.figures().size()));
        return sb.toString();
    }

    /**
     * The gap in percent of the aggregate, or n/a where the aggregate is next to nothing beside the agent
     * runs (a lab's cash spent down to rounding): a percentage of that says nothing.
     */
    private static String gap(EngineAgreement.Figure f) {
        double scale = Math.max(Math.abs(f.agent().mean()), f.agent().halfWidth());
        if (!Double.isFinite(f.relativeGap()) || Math.abs(f.aggregate()) < 1e-6 * scale) return Readable.NOT_AVAILABLE;
        return String.format(Locale.ROOT, "%+.2f%%", 100 * f.relativeGap());
    }

    /** Money with a magnitude, shares and counts with four significant digits. */
    private static String value(String name, double v) {
        return name.endsWith("Usd") || name.endsWith("payoff") ? Readable.money(v, 4) : String.format(Locale.ROOT, "%.4g", v);
    }
}
