package owsim.market;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.policy.ReleasePolicy;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;

/**
 * The labs of a run as the monthly steps read them: the catalog records each lab names, its
 * release policy, its plan's fee, cap and overage price, and the share of its channel's
 * population its other apps' users are. Filled once when the {@link World} is built and never
 * written after; per-lab arrays indexed by the lab's position in the scenario.
 */
final class LabTable {
    /** Per lab: the catalog model its releases are scaled from. */
    final ModelSpec[] templates;
    /** Per lab: the accelerator of its fleet. */
    final AcceleratorSpec[] fleet;
    /** Per lab: the accelerators it buys instead of its fleet when export controls forbid that. */
    final AcceleratorSpec[][] hardwareOptions;
    /** Per lab: when it releases and whether it opens its weights. */
    final ReleasePolicy[] policies;
    /** Per lab with a subscription: its fee, USD/month, and its monthly token cap (read for every class's subscribers). */
    final double[] planFeeUsd;
    final double[] planCapTokens;
    /**
     * Per lab: whether it offers a pro plan in this run (it has one and mechanism proPlans is on),
     * and that plan's fee, USD/month, and monthly token cap (0 without one).
     */
    final boolean[] proOffered;
    final double[] proFeeUsd;
    final double[] proCapTokens;
    /** Per lab: what a token beyond a capped plan is worth, at the lab's API price (else the plan's own price per token). */
    final double[] overageUsdPerToken;
    /** Per lab: the share of the population its distribution channel reaches that its other apps' users are. */
    final double[] reachableShare;

    /** The labs of a scenario (already split into regions), their records looked up in the catalog; channels as the regions decide. */
    LabTable(Scenario s, Catalog catalog, RegionTable regions) {
        int labs = s.labs().size();
        // Loops stay in methods of their own, as in World: a constructor with loops was compiled
        // again and again on stack replacement while a sweep warmed up.
        templates = World.lookUp(s.labs(), l -> catalog.model(l.templateModel()), new ModelSpec[labs]);
        fleet = World.lookUp(s.labs(), l -> catalog.accelerator(l.fleetHardware()), new AcceleratorSpec[labs]);
        hardwareOptions = World.lookUp(s.labs(), l -> l.hardwareOptions().stream().map(catalog::accelerator).toArray(AcceleratorSpec[]::new),
            new AcceleratorSpec[labs][]);
        policies = World.lookUp(s.labs(), LabSpec::releasePolicy, new ReleasePolicy[labs]);
        planFeeUsd = World.each(s.labs(), l -> l.subscription() == null ? 0 : l.subscription().usdPerMonth());
        planCapTokens = World.each(s.labs(), l -> l.subscription() == null ? 0 : l.subscription().monthlyTokenCap());
        proOffered = proOffered(s);
        proFeeUsd = World.each(s.labs(), l -> l.pro() == null ? 0 : l.pro().usdPerMonth());
        proCapTokens = World.each(s.labs(), l -> l.pro() == null ? 0 : l.pro().monthlyTokenCap());
        overageUsdPerToken = World.each(s.labs(), l -> overageUsdPerToken(l, s.technology().inputTokenShare()));
        reachableShare = reachableShare(s, regions);
    }

    /** Per lab: whether it offers a pro plan in this run (it has one and mechanism proPlans is on). */
    private static boolean[] proOffered(Scenario s) {
        boolean on = s.mechanisms().isOn(owsim.scenario.MechanismSwitch.PRO_PLANS);
        boolean[] offered = new boolean[s.labs().size()];
        for (int i = 0; i < offered.length; i++) offered[i] = on && s.labs().get(i).pro() != null;
        return offered;
    }

    /** What a token beyond a capped plan is worth: the lab's API price, else its plan's price per token, else 0. */
    private static double overageUsdPerToken(LabSpec l, double inputShare) {
        if (l.api() != null) return l.api().usdPerToken(inputShare);
        if (l.subscription() != null && l.subscription().monthlyTokenCap() > 0) {
            return l.subscription().usdPerMonth() / l.subscription().monthlyTokenCap();
        }
        return 0;
    }

    /** Per lab: the share of the population its distribution channel reaches that its other apps' users are. */
    private static double[] reachableShare(Scenario s, RegionTable regions) {
        int segments = s.segments().size();
        double[] share = new double[s.labs().size()];
        for (int i = 0; i < share.length; i++) {
            double reachablePop = 0;
            for (int g = 0; g < segments; g++) if (regions.channelReaches(g, i)) reachablePop += s.segments().get(g).population();
            share[i] = reachablePop <= 0 ? 0 : Math.min(1, s.labs().get(i).distributionReachUsers() / reachablePop);
        }
        return share;
    }
}
