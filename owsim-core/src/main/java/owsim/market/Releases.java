package owsim.market;

import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;
import owsim.scenario.LabSpec;
import owsim.scenario.Technology;
import owsim.policy.PolicyContext;
import owsim.policy.ReleasePolicy;

/**
 * Training runs and releases. Run compute grows at the lab's rate (claim g), or at the rate its
 * training budget decides ({@link TrainingBudget}); on the lab's schedule
 * a family is released: a frontier model of N_active = sqrt(C / 6r) with the template's
 * architecture and capability log10(C A), plus smaller distilled variants with a capability
 * penalty. Each month every lab's policy decides which of its models' weights are open.
 */
final class Releases implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        int m = s.month;
        boolean financing = Financing.on(w);
        boolean budgets = TrainingBudget.on(w);
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            if (financing && s.exited[i]) continue; // an exited lab trains and releases nothing
            double years = m / 12.0;
            if (budgets) s.computeFlop[i] = TrainingBudget.compute(s, i, m); // the path the lab's budget decisions set
            else s.computeFlop[i] = w.scenario.mechanisms().frontierProgress()
                ? l.trainingComputeFlop() * Math.pow(l.computeGrowthPerYear(), years) : l.trainingComputeFlop();
            if (m == 0) {
                int prev = l.firstReleaseMonth() - l.releaseEveryMonths();
                double c = w.scenario.mechanisms().frontierProgress()
                    ? l.trainingComputeFlop() * Math.pow(l.computeGrowthPerYear(), prev / 12.0) : l.trainingComputeFlop();
                release(w, s, i, prev, c);
            }
            if (m >= l.firstReleaseMonth() && (m - l.firstReleaseMonth()) % l.releaseEveryMonths() == 0) {
                if (!financing) {
                    release(w, s, i, m, s.computeFlop[i]);
                } else {
                    // The run is as large as what was paid for it; a run too small to beat the lab's own frontier is not released.
                    double paid = s.computeFlop[i] * Math.max(0, 1 - s.runUnpaidShare[i]);
                    s.runUnpaidShare[i] = 0;
                    Release f = s.frontier(i);
                    if (paid > 0 && (f == null || Math.log10(paid) + s.lnA[i] / Math.log(10) > f.capability)) release(w, s, i, m, paid);
                }
            }
        }
        decideOpenness(w, s);
        if (m == 0) {
            double fixed = w.scenario.technology().fixedCapabilityForPrice();
            double frontier = Double.NEGATIVE_INFINITY;
            for (Release r : s.releases) frontier = Math.max(frontier, r.capability);
            s.fixedCapability = fixed > 0 ? fixed : frontier;
        }
    }

    private static void release(World w, MarketState s, int lab, int month, double flop) {
        Technology t = w.scenario.technology();
        LabSpec l = w.scenario.labs().get(lab);
        double capability = Math.log10(flop) + s.lnA[lab] / Math.log(10);
        double r = t.tokensPerActiveParam() * Math.pow(t.tokensPerActiveParamGrowthPerYear(), month / 12.0);
        double nActive = Math.sqrt(flop / (6 * r));
        String stem = l.id() + "-m" + (month < 0 ? "n" + (-month) : Integer.toString(month));
        double bestOpenBefore = s.bestOpenCapability;
        ModelSpec frontier = w.costs.scaledModel(lab, nActive, stem);
        ParameterCount pc = ParameterCount.of(frontier);
        double trainingUsd = w.costs.trainingUsd(lab, flop, month);
        Release made = new Release(lab, month, frontier, capability, pc.total(), pc.active(), s.lnA[lab], true, trainingUsd);
        w.costs.hardware(made); // the accelerator it is served on is decided at its release (export controls of that month)
        made.policy = s.releasePolicy[lab];
        s.releases.add(made);
        s.releaseChanges[lab]++;
        s.frontierRelease[lab] = s.releases.size() - 1;
        int k = 0;
        for (double n : l.variantActiveParams()) {
            k++;
            if (n >= nActive) continue;
            ModelSpec v = w.costs.scaledModel(lab, n, stem + "-v" + k);
            ParameterCount vc = ParameterCount.of(v);
            double cap = capability - t.distilledPenaltyPerDecade() * Math.log10(nActive / n);
            Release variant = new Release(lab, month, v, cap, vc.total(), vc.active(), s.lnA[lab], false, 0);
            variant.policy = s.releasePolicy[lab];
            s.releases.add(variant);
            s.releaseChanges[lab]++;
        }
        if (month >= 0 && capability > bestOpenBefore) s.notableRelease[lab] = true;
    }

    /**
     * Applies the policies to the closed models ({@link ReleaseDecisions#opening}: the policy a model was released under,
     * or its lab's policy in force, which is that same policy unless {@code releaseDecisions} changed it); then refreshes
     * the best open and closed capability.
     */
    static void decideOpenness(World w, MarketState s) {
        double frontierCap = Double.NEGATIVE_INFINITY;
        for (Release r : s.releases) frontierCap = Math.max(frontierCap, r.capability);
        PolicyContext ctx = new PolicyContext(s.month, frontierCap, w.frontierLog10PerMonth);
        double bestOpen = Double.NEGATIVE_INFINITY;
        double bestClosed = Double.NEGATIVE_INFINITY;
        double bestOpenLnA = Double.NEGATIVE_INFINITY;
        for (Release r : s.releases) {
            ReleasePolicy p = r.isOpen() ? null : ReleaseDecisions.opening(s, r, ctx);
            if (p != null) {
                // A model from before the run that its policy opened on release has been open since then.
                boolean openedOnRelease = r.month < 0 && s.month == 0
                    && p.isOpen(r.view(), new PolicyContext(r.month, frontierCap, w.frontierLog10PerMonth));
                r.openSince = openedOnRelease ? r.month : s.month;
                s.releaseChanges[r.lab]++;
            }
            if (r.isOpen()) {
                bestOpen = Math.max(bestOpen, r.capability);
                bestOpenLnA = Math.max(bestOpenLnA, r.labLnA);
            } else {
                bestClosed = Math.max(bestClosed, r.capability);
            }
        }
        s.bestOpenCapability = bestOpen;
        s.bestClosedCapability = bestClosed;
        s.bestOpenLnA = bestOpenLnA;
    }
}
