package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/** Claim h: open weights harness every student's improvements to advance the lab's own models. */
final class DerivativesClaim implements Claim {
    @Override public String id() { return "h"; }

    @Override public String statement() {
        return "Open weights harness the potential of everyone (every student) to keep improving the lab's models.";
    }

    @Override public String experiment() {
        return "The open challenger's end capability and derivative count with the ecosystem of community derivatives on vs off.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.ECOSYSTEM; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.challenger(base);
        Scenario open = base.withPolicy(lab, "open");
        RunResult on = engine.run(open);
        RunResult off = engine.run(Experiments.with(open, MechanismSwitch.ECOSYSTEM, false));
        double[] yOn = Experiments.values(on, lab, MetricNames.CAPABILITY);
        double[] yOff = Experiments.values(off, lab, MetricNames.CAPABILITY);
        double cOn = yOn[yOn.length - 1];
        double cOff = yOff[yOff.length - 1];
        double effect = cOn - cOff;
        boolean holds = effect > 0.01;
        String finding = String.format(Locale.ROOT,
            "Community derivatives (%.0f at the end) change the challenger's end capability by %+.3f log10 FLOP.",
            Experiments.last(on, lab, MetricNames.DERIVATIVES), effect);
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), effect, "log10 FLOP", finding,
            List.of(new Measure("challenger end capability (ecosystem on vs off)", "log10 FLOP", cOn, cOff),
                new Measure("derivatives of the challenger's models at the end", "models", Experiments.last(on, lab, MetricNames.DERIVATIVES),
                    Experiments.last(off, lab, MetricNames.DERIVATIVES))),
            new ChartData("Challenger's capability", "month", "log10 FLOP", List.of(
                new ChartData.Line("ecosystem on", Experiments.months(yOn.length), yOn),
                new ChartData.Line("ecosystem off", Experiments.months(yOff.length), yOff))))
            .withMargin(effect - 0.01, "log10 FLOP above the 0.01 threshold");
    }
}
