package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.SegmentSpec;

/** Claim e: open release is a marketing expense: hobbyists try it, spread the word, and others pay the developer. */
final class AttentionClaim implements Claim {
    /** The segment whose members run open models themselves and are left out of "paying" awareness. */
    static final String HOBBYISTS = "hobbyists";

    @Override public String id() { return "e"; }

    @Override public String statement() {
        return "Releasing weights is marketing: hobbyists run the free model, tell everyone, and people without the hardware pay the developer.";
    }

    @Override public String experiment() {
        return "The challenger's end awareness among non-hobbyists (population-weighted) and its revenue, open vs closed,"
            + " with hobbyists counting as adopters (and so spreading the word) on vs off.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.HOBBYIST_ADOPTION; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.challenger(base);
        Scenario off = Experiments.with(base, MechanismSwitch.HOBBYIST_ADOPTION, false);
        RunResult openOn = engine.run(base.withPolicy(lab, "open"));
        RunResult closedOn = engine.run(base.withPolicy(lab, "closed"));
        RunResult openOff = engine.run(off.withPolicy(lab, "open"));
        RunResult closedOff = engine.run(off.withPolicy(lab, "closed"));
        double[] awOpen = awareness(base, openOn, lab);
        double[] awClosed = awareness(base, closedOn, lab);
        double[] awOpenOff = awareness(base, openOff, lab);
        double[] awClosedOff = awareness(base, closedOff, lab);
        int end = awOpen.length - 1;
        double advantage = awOpen[end] - awClosed[end];
        double advantageOff = awOpenOff[end] - awClosedOff[end];
        double effect = advantage - advantageOff;
        double revOpen = Experiments.lab(openOn, lab).revenueUsd();
        double revClosed = Experiments.lab(closedOn, lab).revenueUsd();
        boolean holds = advantage > 0.005 && effect > 0 && revOpen > revClosed;
        String finding = String.format(Locale.ROOT,
            "Open release changes the challenger's non-hobbyist awareness by %+.1f points (%+.1f without hobbyist adopters);"
                + " its revenue over the run is %s open vs %s closed.",
            100 * advantage, 100 * advantageOff, Readable.money(revOpen), Readable.money(revClosed));
        double[] x = Experiments.months(awOpen.length);
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), effect, "share of non-hobbyists", finding,
            List.of(new Measure("non-hobbyist awareness of the challenger, open vs closed (hobbyist adopters on)", "share", awOpen[end], awClosed[end]),
                new Measure("same, hobbyist adopters off", "share", awOpenOff[end], awClosedOff[end]),
                new Measure("challenger revenue over the run, open vs closed", "USD", revOpen, revClosed)),
            new ChartData("Challenger's awareness among non-hobbyists", "month", "share", List.of(
                new ChartData.Line("open", x, awOpen), new ChartData.Line("closed", x, awClosed),
                new ChartData.Line("open, no hobbyist adopters", x, awOpenOff), new ChartData.Line("closed, no hobbyist adopters", x, awClosedOff))))
            .withMargin(Math.min(Math.min(advantage - 0.005, effect), relative(revOpen, revClosed)),
                "share (the smallest of: awareness gain above 0.5 points, the hobbyists' part of it, open / closed revenue - 1)");
    }

    /** a / b - 1, or the sign of a - b when b is not positive. */
    static double relative(double a, double b) {
        return b > 0 ? a / b - 1 : Math.signum(a - b);
    }

    /** Population-weighted awareness of the lab over the segments other than hobbyists, by month. */
    static double[] awareness(Scenario s, RunResult r, String lab) {
        double[] sum = null;
        double[] people = null;
        // With regions the series are the segments' regional parts ("hobbyists.china", ...).
        for (SegmentSpec seg : owsim.scenario.Regions.expand(s).segments()) {
            if (seg.id().equals(HOBBYISTS) || seg.id().startsWith(HOBBYISTS + ".")) continue;
            double[] a = Experiments.values(r, seg.id(), MetricNames.awarenessOf(lab));
            double[] n = Experiments.values(r, seg.id(), MetricNames.POPULATION);
            if (sum == null) {
                sum = new double[a.length];
                people = new double[a.length];
            }
            for (int i = 0; i < a.length; i++) {
                sum[i] += a[i] * n[i];
                people[i] += n[i];
            }
        }
        for (int i = 0; i < sum.length; i++) sum[i] = people[i] > 0 ? sum[i] / people[i] : 0;
        return sum;
    }
}
