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
        return "Both directions of learning through open models: (1) the mean end capability of the labs other than the best open lab,"
            + " with spillover on vs off; (2) what the best open lab itself gained from the other labs' open models over the run"
            + " (the part of its algorithmic efficiency its spillover added, in log10 effective FLOP). It holds when both exceed"
            + " " + THRESHOLD + " log10 FLOP. (1) is positive by construction whenever spillover is on and the leader is ahead;"
            + " (2) is not: it is zero unless another lab opens a model more efficient than the releaser's own.";
    }

    /** Below this a gain counts as none, log10 FLOP (assumption: 0.01 = 2.3% more effective compute, under a month of progress). */
    static final double THRESHOLD = 0.01;

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
        double back = releaserGain(on, leader);
        boolean holds = effect > THRESHOLD && back > THRESHOLD;
        String finding = String.format(java.util.Locale.ROOT,
            "Spillover raises the followers' mean end capability by %.3f log10 FLOP (%.2fx effective compute); the best open lab ('%s')"
                + " gains %.3f log10 FLOP (%.2fx) from the other labs' open models, so labs %s from one another%s.",
            effect, Math.pow(10, effect), leader, back, Math.pow(10, back),
            holds ? "learn" : "do not learn",
            holds ? " in both directions" : effect > THRESHOLD ? ": only the followers learn, from the releaser" : "");
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), effect, "log10 FLOP", finding,
            List.of(new Measure("followers' mean end capability", "log10 FLOP", withV, withoutV),
                new Measure("best open lab's gain from the other labs' open models (spillover into it vs none)", "log10 FLOP", back, 0)),
            new ChartData("Followers' mean capability", "month", "log10 FLOP", List.of(
                new ChartData.Line("spillover on", Experiments.months(yOn.length), yOn),
                new ChartData.Line("spillover off", Experiments.months(yOff.length), yOff))))
            // Both directions must clear the threshold: the weaker one decides.
            .withMargin(Math.min(effect, back) - THRESHOLD, "log10 FLOP above the " + THRESHOLD + " threshold (the weaker direction)");
    }

    /**
     * What the releasing lab learned back: the ln A its spillover added over the run (from the other
     * labs' open models; its own never lead it), as log10 effective FLOP.
     */
    static double releaserGain(RunResult r, String lab) {
        return Experiments.last(r, lab, MetricNames.SPILLOVER_LN_A) / Math.log(10);
    }

    /** The open lab with the highest end capability (the spillover source), or the challenger. */
    static String bestOpen(Scenario s, RunResult r) {
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
