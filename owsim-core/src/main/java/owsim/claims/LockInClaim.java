package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/** Claim i: an ecosystem of users on your open model is leverage (lock-in). */
final class LockInClaim implements Claim {
    @Override public String id() { return "i"; }

    @Override public String statement() { return "Once users are in the ecosystem of your open model, that ecosystem is a lever in itself."; }

    @Override public String experiment() {
        return "The open challenger's share of all tokens over the run, with ecosystem value in users' choice on vs off.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.ECOSYSTEM; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.challenger(base);
        Scenario open = base.withPolicy(lab, "open");
        RunResult on = engine.run(open);
        RunResult off = engine.run(Experiments.with(open, MechanismSwitch.ECOSYSTEM, false));
        double[] yOn = share(on, lab);
        double[] yOff = share(off, lab);
        double sOn = Experiments.mean(yOn);
        double sOff = Experiments.mean(yOff);
        double effect = sOn - sOff;
        boolean holds = effect > 0.005;
        String finding = String.format(Locale.ROOT, "The ecosystem changes the challenger's mean token share by %+.2f points (%.2f%% vs %.2f%%).",
            100 * effect, 100 * sOn, 100 * sOff);
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), effect, "share of tokens", finding,
            List.of(new Measure("challenger mean token share (ecosystem on vs off)", "share", sOn, sOff)),
            new ChartData("Challenger's share of all tokens", "month", "share", List.of(
                new ChartData.Line("ecosystem on", Experiments.months(yOn.length), yOn),
                new ChartData.Line("ecosystem off", Experiments.months(yOff.length), yOff))))
            .withMargin(effect - 0.005, "share of tokens above the 0.5-point threshold");
    }

    private static double[] share(RunResult r, String lab) {
        double[] t = Experiments.values(r, lab, MetricNames.TOKENS);
        double[] all = Experiments.values(r, MetricNames.MARKET, MetricNames.ALL_TOKENS);
        double[] s = new double[t.length];
        for (int i = 0; i < t.length; i++) s[i] = all[i] > 0 ? t[i] / all[i] : 0;
        return s;
    }
}
