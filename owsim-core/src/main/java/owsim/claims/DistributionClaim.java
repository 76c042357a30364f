package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;

/** Claim f: a lab with a huge user base in its other apps wins users without open weights or benchmarks. */
final class DistributionClaim implements Claim {
    /** Reach swept up to this factor above the scenario's. */
    static final double REACH_RANGE = 10;
    static final int BISECTION_STEPS = 10;

    @Override public String id() { return "f"; }

    @Override public String statement() {
        return "A closed lab with a huge user base in its other apps (Doubao) becomes the most used product by advertising to them directly.";
    }

    @Override public String experiment() {
        return "Users of the lab with the largest reach into its own apps at the end of the run, with that distribution channel on vs off; holds when it then has the most users of any lab.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.DISTRIBUTION; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.appGiant(base);
        RunResult on = engine.run(base);
        RunResult off = engine.run(Experiments.with(base, MechanismSwitch.DISTRIBUTION, false));
        double[] yOn = Experiments.values(on, lab, MetricNames.USERS);
        double[] yOff = Experiments.values(off, lab, MetricNames.USERS);
        double uOn = yOn[yOn.length - 1];
        double uOff = yOff[yOff.length - 1];
        boolean top = true;
        String rival = null;
        double rivalUsers = 0;
        for (LabSpec l : base.labs()) {
            if (l.id().equals(lab)) continue;
            double u = Experiments.last(on, l.id(), MetricNames.USERS);
            if (u > rivalUsers) {
                rivalUsers = u;
                rival = l.id();
            }
            if (u >= uOn) top = false;
        }
        boolean holds = top && uOn > uOff;
        String finding = String.format(Locale.ROOT, "'%s' ends with %s users with its app distribution and %s without; the largest other lab ('%s') has %s.",
            lab, Readable.count(uOn), Readable.count(uOff), rival, Readable.count(rivalUsers));
        Verdict verdict = Verdict.of(holds);
        LabSpec spec = Experiments.spec(base, lab);
        double reach = spec.distributionReachUsers();
        if (!holds && reach > 0 && Experiments.isOn(base, MechanismSwitch.DISTRIBUTION)) {
            // How large would the sister apps' audience have to be to make the lab the most used? Up to REACH_RANGE times today's.
            java.util.function.DoublePredicate leads = r -> leads(engine.run(Experiments.set(base, Experiments.labField(lab, "distributionReachUsers"), r)), base, lab);
            if (leads.test(reach * REACH_RANGE)) {
                double threshold = Experiments.bisectLog(reach, reach * REACH_RANGE, leads, BISECTION_STEPS);
                verdict = Verdict.holdsWhen("labs." + lab + ".distributionReachUsers", "above", threshold);
                finding += String.format(Locale.ROOT, " It becomes the most used lab when its apps reach more than %s users (it has %s).",
                    Readable.count(threshold), Readable.count(reach));
            } else {
                finding += String.format(Locale.ROOT, " Even %s times its reach (%s users) does not make it the most used lab.",
                    Readable.count(REACH_RANGE), Readable.count(reach * REACH_RANGE));
            }
        }
        return new ClaimResult(id(), statement(), experiment(), verdict, uOn - uOff, "users", finding,
            List.of(new Measure("app-giant end users (distribution on vs off)", "users", uOn, uOff)),
            new ChartData("Users of " + lab, "month", "users", List.of(
                new ChartData.Line("distribution on", Experiments.months(yOn.length), yOn),
                new ChartData.Line("distribution off", Experiments.months(yOff.length), yOff))))
            .withMargin(Math.min(AttentionClaim.relative(uOn, rivalUsers), AttentionClaim.relative(uOn, uOff)),
                "share (the smaller of: its users / the largest rival's - 1, users with / without distribution - 1)");
    }

    private static boolean leads(RunResult r, Scenario s, String lab) {
        double own = Experiments.last(r, lab, MetricNames.USERS);
        for (LabSpec l : s.labs()) if (!l.id().equals(lab) && Experiments.last(r, l.id(), MetricNames.USERS) >= own) return false;
        return true;
    }
}
