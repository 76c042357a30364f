package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.report.Readable;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;

/** Claim f: a lab with a huge user base in its other apps wins users without open weights or benchmarks. */
final class DistributionClaim implements Claim {
    @Override public String id() { return "f"; }

    @Override public String statement() {
        return "A closed lab with a huge user base in its other apps (Doubao) becomes the most used product by advertising to them directly.";
    }

    @Override public String experiment() {
        return "Users of the lab with the largest reach into its own apps at the end of the run, with that distribution channel on vs off; holds when it then has the most users of any lab.";
    }

    @Override public String mechanism() { return "distribution"; }

    @Override public ClaimResult evaluate(Scenario base, AggregateEngine engine) {
        String lab = Experiments.appGiant(base);
        RunResult on = engine.run(base);
        RunResult off = engine.run(Experiments.with(base, "distribution", false));
        double[] yOn = Experiments.values(on, lab, "users");
        double[] yOff = Experiments.values(off, lab, "users");
        double uOn = yOn[yOn.length - 1];
        double uOff = yOff[yOff.length - 1];
        boolean top = true;
        String rival = null;
        double rivalUsers = 0;
        for (LabSpec l : base.labs()) {
            if (l.id().equals(lab)) continue;
            double u = Experiments.last(on, l.id(), "users");
            if (u > rivalUsers) {
                rivalUsers = u;
                rival = l.id();
            }
            if (u >= uOn) top = false;
        }
        boolean holds = top && uOn > uOff;
        String finding = String.format(Locale.ROOT, "'%s' ends with %s users with its app distribution and %s without; the largest other lab ('%s') has %s.",
            lab, Readable.count(uOn), Readable.count(uOff), rival, Readable.count(rivalUsers));
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), uOn - uOff, "users", finding,
            List.of(new Measure("app-giant end users (distribution on vs off)", "users", uOn, uOff)),
            new ChartData("Users of " + lab, "month", "users", List.of(
                new ChartData.Line("distribution on", Experiments.months(yOn.length), yOn),
                new ChartData.Line("distribution off", Experiments.months(yOff.length), yOff))));
    }
}
