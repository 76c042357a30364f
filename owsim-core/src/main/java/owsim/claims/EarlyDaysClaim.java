package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/** Claim g: it is very early in AI development, so closing models makes little sense. */
final class EarlyDaysClaim implements Claim {
    @Override public String id() { return "g"; }

    @Override public String statement() { return "It is very early in AI development, so it does not make sense to close models."; }

    @Override public String experiment() {
        return "The challenger's payoff gain from closing instead of opening (the value of keeping its lead to itself), with fast frontier progress (training compute grows) vs none;"
            + " holds when closing does not pay under fast progress.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.FRONTIER_PROGRESS; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.challenger(base);
        Scenario slow = Experiments.with(base, MechanismSwitch.FRONTIER_PROGRESS, false);
        RunResult closedFast = engine.run(base.withPolicy(lab, "closed"));
        RunResult openFast = engine.run(base.withPolicy(lab, "open"));
        RunResult closedSlow = engine.run(slow.withPolicy(lab, "closed"));
        RunResult openSlow = engine.run(slow.withPolicy(lab, "open"));
        double fast = Experiments.lab(closedFast, lab).payoff() - Experiments.lab(openFast, lab).payoff();
        double still = Experiments.lab(closedSlow, lab).payoff() - Experiments.lab(openSlow, lab).payoff();
        boolean holds = fast <= 0;
        String finding = String.format(Locale.ROOT, "Closing changes the challenger's payoff by %s with fast frontier progress and by %s without it.",
            Readable.money(fast), Readable.money(still));
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), fast - still, "USD", finding,
            List.of(new Measure("challenger payoff gain from closing (fast vs no frontier progress)", "USD", fast, still)),
            ChartData.categorical("Challenger's gain from closing", "frontier progress", List.of("off", "on"), "USD", "payoff closed - open",
                new double[] {still, fast}))
            .withMargin(-fast, "USD (the challenger's payoff lost by closing, fast frontier progress)");
    }
}
