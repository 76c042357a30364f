package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/** Claim c: competitors harvest a closed lab's service; open weights relieve the lab of that burden. */
final class DistillationClaim implements Claim {
    @Override public String id() { return "c"; }

    @Override public String statement() {
        return "Competitors harvest a closed lab's service for distillation; releasing the weights relieves the lab of that burden.";
    }

    @Override public String experiment() {
        return "Distillation burden (serving cost minus revenue of harvest traffic) on the frontier lab over the run when it stays closed vs releases open weights.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.DISTILLATION; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.frontier(base);
        RunResult closed = engine.run(base.withPolicy(lab, "closed"));
        RunResult open = engine.run(base.withPolicy(lab, "open"));
        double bClosed = Experiments.lab(closed, lab).distillationBurdenUsd();
        double bOpen = Experiments.lab(open, lab).distillationBurdenUsd();
        double effect = bClosed - bOpen;
        boolean holds = bClosed > 0 && effect > 0;
        String finding = String.format(Locale.ROOT, "Burden on '%s' over the run: %s when closed, %s when open%s.", lab,
            Readable.money(bClosed), Readable.money(bOpen),
            bClosed <= 0 ? " (harvest traffic pays more than it costs to serve, so there is no burden to relieve)" : "");
        double[] yClosed = Experiments.values(closed, lab, MetricNames.DISTILLATION_BURDEN_USD);
        double[] yOpen = Experiments.values(open, lab, MetricNames.DISTILLATION_BURDEN_USD);
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), effect, "USD", finding,
            List.of(new Measure("distillation burden on the frontier lab (closed vs open)", "USD", bClosed, bOpen)),
            new ChartData("Distillation burden on the frontier lab", "month", "USD/month", List.of(
                new ChartData.Line("closed", Experiments.months(yClosed.length), yClosed),
                new ChartData.Line("open", Experiments.months(yOpen.length), yOpen))))
            .withMargin(Math.min(bClosed, effect), "USD (the smaller of the burden when closed and the relief from opening)");
    }
}
