package owsim.claims;

import java.util.List;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;

/** Claim a: labs learn from one another through shared (open) models. */
final class SpilloverClaim implements Claim {
    @Override public String id() { return "a"; }

    @Override public String statement() { return "Labs learn from one another through the shared open models."; }

    @Override public String experiment() {
        return "Mean end capability of the labs other than the best open lab, with spillover from the best open model on vs off.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.SPILLOVER; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        RunResult on = engine.run(base);
        RunResult off = engine.run(Experiments.with(base, MechanismSwitch.SPILLOVER, false));
        String leader = bestOpen(base, on);
        List<String> followers = base.labs().stream().map(LabSpec::id).filter(id -> !id.equals(leader)).toList();
        double[] yOn = meanCapability(on, followers);
        double[] yOff = meanCapability(off, followers);
        double withV = yOn[yOn.length - 1];
        double withoutV = yOff[yOff.length - 1];
        double effect = withV - withoutV;
        boolean holds = effect > 0.01;
        String finding = String.format(java.util.Locale.ROOT,
            "Spillover raises the followers' mean end capability by %.3f log10 FLOP (%.2fx effective compute).", effect, Math.pow(10, effect));
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), effect, "log10 FLOP", finding,
            List.of(new Measure("followers' mean end capability", "log10 FLOP", withV, withoutV)),
            new ChartData("Followers' mean capability", "month", "log10 FLOP", List.of(
                new ChartData.Line("spillover on", Experiments.months(yOn.length), yOn),
                new ChartData.Line("spillover off", Experiments.months(yOff.length), yOff))))
            .withMargin(effect - 0.01, "log10 FLOP above the 0.01 threshold");
    }

    /** The open lab with the highest end capability (the spillover source), or the challenger. */
    private static String bestOpen(Scenario s, RunResult r) {
        String best = Experiments.challenger(s);
        double top = Double.NEGATIVE_INFINITY;
        for (LabSpec l : s.labs()) {
            if (l.policy().equals("closed")) continue;
            double c = Experiments.last(r, l.id(), MetricNames.CAPABILITY);
            if (c > top) {
                top = c;
                best = l.id();
            }
        }
        return best;
    }

    private static double[] meanCapability(RunResult r, List<String> labs) {
        double[] sum = null;
        for (String id : labs) {
            double[] v = Experiments.values(r, id, MetricNames.CAPABILITY);
            if (sum == null) sum = new double[v.length];
            for (int i = 0; i < v.length; i++) sum[i] += v[i] / labs.size();
        }
        return sum;
    }
}
