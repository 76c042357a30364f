package owsim.claims;

import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import owsim.format.Readable;
import owsim.market.Engine;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Months;
import owsim.scenario.Scenario;

/**
 * Claim f: a lab with a huge user base in its other apps wins users without open weights or
 * benchmarks. The discussion speaks of Doubao as China's most used product in 2025, against the
 * Chinese open labs, so the claim is judged where and when it was made: in the lab's home region
 * (all users when the run has no regions) at the end of the run's first calendar year.
 */
final class DistributionClaim implements Claim {
    /** Reach swept up to this factor above the scenario's. */
    static final double REACH_RANGE = 10;
    static final int BISECTION_STEPS = 10;

    @Override public String id() { return "f"; }

    @Override public String statement() {
        return "A closed lab with a huge user base in its other apps (Doubao) becomes the most used product by advertising to them directly.";
    }

    @Override public String experiment() {
        return "Users of the lab with the largest reach into its own apps, in its home region at the end of the run's first year (when the "
            + "discussion was written), with that distribution channel on vs off; holds when it then has the most users of any lab there.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.DISTRIBUTION; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.appGiant(base);
        RunResult on = engine.run(base);
        RunResult off = engine.run(Experiments.with(base, MechanismSwitch.DISTRIBUTION, false));
        Market market = Market.of(base, on, lab);
        int now = nowMonth(base, Experiments.values(on, lab, MetricNames.USERS).length);
        double[] yOn = market.users(on, lab);
        double[] yOff = market.users(off, lab);
        double uOn = yOn[now];
        double uOff = yOff[now];
        String rival = null;
        double rivalUsers = 0;
        for (LabSpec l : base.labs()) {
            if (l.id().equals(lab)) continue;
            double u = market.users(on, l.id())[now];
            if (u > rivalUsers) {
                rivalUsers = u;
                rival = l.id();
            }
        }
        boolean holds = uOn > rivalUsers && uOn > uOff;
        String when = on.monthLabel(now);
        String finding = String.format(Locale.ROOT, "In %s in %s, '%s' has %s users with its app distribution and %s without; the largest other lab ('%s') has %s.",
            market.name(), when, lab, Readable.count(uOn), Readable.count(uOff), rival, Readable.count(rivalUsers));
        Verdict verdict = Verdict.of(holds);
        double reach = Experiments.spec(base, lab).distributionReachUsers();
        if (!holds && reach > 0 && Experiments.isOn(base, MechanismSwitch.DISTRIBUTION)) {
            // How large would the sister apps' audience have to be to make the lab the most used? Up to REACH_RANGE times today's.
            DoublePredicate leads = r -> leads(engine.run(Experiments.set(base, Experiments.labField(lab, "distributionReachUsers"), r)), base, lab, market, now);
            if (leads.test(reach * REACH_RANGE)) {
                double threshold = Experiments.bisectLog(reach, reach * REACH_RANGE, leads, BISECTION_STEPS);
                verdict = Verdict.holdsWhen("labs." + lab + ".distributionReachUsers", "above", threshold);
                finding += String.format(Locale.ROOT, " It becomes the most used lab there when its apps reach more than %s users (it has %s).",
                    Readable.count(threshold), Readable.count(reach));
            } else {
                finding += String.format(Locale.ROOT, " Even %s times its reach (%s users) does not make it the most used lab there.",
                    Readable.count(REACH_RANGE), Readable.count(reach * REACH_RANGE));
            }
        }
        double[] rivalLine = rival == null ? new double[yOn.length] : market.users(on, rival);
        return new ClaimResult(id(), statement(), experiment(), verdict, uOn - uOff, "users", finding,
            List.of(new Measure("app-giant users in " + market.name() + ", " + when + " (distribution on vs off)", "users", uOn, uOff),
                new Measure("app-giant vs the largest other lab there, " + when, "users", uOn, rivalUsers)),
            new ChartData("Users in " + market.name(), "month", "users", List.of(
                new ChartData.Line(lab + ", distribution on", Experiments.months(yOn.length), yOn),
                new ChartData.Line(lab + ", distribution off", Experiments.months(yOff.length), yOff),
                new ChartData.Line((rival == null ? "largest other lab" : rival) + ", distribution on", Experiments.months(rivalLine.length), rivalLine))))
            .withMargin(Math.min(AttentionClaim.relative(uOn, rivalUsers), AttentionClaim.relative(uOn, uOff)),
                "share (the smaller of: its users / the largest rival's there - 1, users with / without distribution - 1)");
    }

    /** The last month of the run's first calendar year (December), or the last month of a shorter run. */
    static int nowMonth(Scenario s, int months) {
        String start = s.run().startMonth();
        return Math.min(months - 1, Months.index(start, start.substring(0, 4) + "-12"));
    }

    private static boolean leads(RunResult r, Scenario s, String lab, Market market, int now) {
        double own = market.users(r, lab)[now];
        for (LabSpec l : s.labs()) if (!l.id().equals(lab) && market.users(r, l.id())[now] >= own) return false;
        return true;
    }

    /** Where the claim is judged: the lab's home region when the run has regions, else the whole market. */
    private record Market(String region) {
        static Market of(Scenario s, RunResult r, String lab) {
            String home = Experiments.spec(s, lab).homeRegion();
            return home != null && r.series("market", "region." + home + ".users." + lab) != null ? new Market(home) : new Market(null);
        }

        String name() {
            return region == null ? "the whole market" : "region '" + region + "'";
        }

        double[] users(RunResult r, String lab) {
            return region == null ? Experiments.values(r, lab, MetricNames.USERS) : Experiments.values(r, "market", "region." + region + ".users." + lab);
        }
    }
}
