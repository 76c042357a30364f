package owsim.market;

import owsim.scenario.DistillerSpec;
import owsim.scenario.LabSpec;

/**
 * Claim c: each month a distiller chooses where to learn from. It may harvest the best closed model
 * above its own lab's capability among its targets (a closed lab serves only its newest frontier
 * model): it buys exchanges through the API (list price), paid subscriptions used to the limit (flat
 * fee) and free or fraudulent accounts (nothing); the target serves all of it at its own cost, and
 * detection removes a share of the useful exchanges. Or it may distil from the best open weights
 * above it: it downloads them and generates samples on rented GPUs, no traffic to any lab and no
 * burden, but on the smaller gap of an older or weaker model. The student lab's efficiency then
 * closes a share of the chosen teacher's capability gap: from a closed teacher with diminishing
 * returns in harvested exchanges, kappa_closed (1 - exp(-H_eff / H0)); from open weights
 * kappa_open. With one option the distiller takes it, as before distillers chose; with both, its
 * choice rule decides (see {@link DistillerSpec#choice()}).
 */
final class Distillation implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        if (!w.scenario.mechanisms().distillation()) return;
        double inShare = w.scenario.technology().inputTokenShare();
        for (DistillerSpec d : w.scenario.distillers()) {
            int student = w.scenario.labIndex(d.studentLab());
            if (s.exited[student]) continue; // an exited lab (financing) pays for no harvest
            double kStudent = s.potentialCapability(student);
            Release closedTeacher = null;
            Release openTeacher = null;
            Release mostCapable = null; // the cost-blind rule's teacher; on a tie the release listed first, as before
            for (Release r : s.releases) {
                if (r.lab == student || r.capability <= kStudent) continue;
                if (!d.targets().isEmpty() && !d.targets().contains(w.scenario.labs().get(r.lab).id())) continue;
                if (!r.isOpen() && r != s.frontier(r.lab)) continue; // a closed lab serves only its newest frontier model
                if (!r.isOpen() && s.exited[r.lab]) continue; // an exited lab (financing) serves nothing; its open weights stay
                if (mostCapable == null || r.capability > mostCapable.capability) mostCapable = r;
                if (r.isOpen()) {
                    if (openTeacher == null || r.capability > openTeacher.capability) openTeacher = r;
                } else if (closedTeacher == null || r.capability > closedTeacher.capability) {
                    closedTeacher = r;
                }
            }
            if (mostCapable == null) continue;
            Harvest h = closedTeacher == null ? null : harvest(w, s, d, closedTeacher, inShare, kStudent);
            boolean open;
            if (closedTeacher == null || openTeacher == null) {
                open = openTeacher != null; // a single option: taken, so worlds without a choice are as before
            } else if ("most-capable".equals(d.choice())) {
                open = mostCapable == openTeacher;
            } else {
                double gainOpen = d.openCatchUpPerMonth() * (openTeacher.capability - kStudent);
                double gainClosed = h == null ? 0 : h.gain;
                double costClosed = h == null ? 0 : h.paid;
                double costOpen = openSamplesUsd(w, s, d, openTeacher);
                open = prefersOpen(d.choice(), gainClosed, costClosed, gainOpen, costOpen);
            }
            double dK;
            if (open) {
                dK = d.openCatchUpPerMonth() * (openTeacher.capability - kStudent);
            } else {
                if (h == null) continue; // the closed target offers none of the distiller's channels
                int t = closedTeacher.lab;
                s.harvestSpend[student] += h.paid;
                s.harvestRevenue[t] += h.paid;
                s.servingCost[t] += h.cost;
                s.burden[t] += h.cost - h.paid;
                dK = h.gain;
            }
            s.lnA[student] += dK * Math.log(10);
        }
    }

    /**
     * Whether a distiller with this choice rule takes the open option over harvesting. gain-per-dollar
     * compares gain/cost by cross-multiplying (an option that costs nothing beats any that costs
     * something and gains no more; both free: the larger gain); most-gain compares the gains. On a
     * tie the open weights win: they carry no detection risk and no traffic anyone could cut off.
     */
    static boolean prefersOpen(String choice, double gainClosed, double costClosed, double gainOpen, double costOpen) {
        if (gainClosed <= 0) return true;
        if (gainOpen <= 0) return false;
        if ("most-gain".equals(choice)) return gainOpen >= gainClosed;
        if (costClosed <= 0 && costOpen <= 0) return gainOpen >= gainClosed;
        return gainOpen * costClosed >= gainClosed * costOpen;
    }

    /**
     * What distilling from open weights costs a month: the samples generated on rented GPUs at the
     * batch speed floor, priced like self-hosting that model. Used only in the choice; the student's
     * own compute is outside the labs' accounts here, as it was before distillers chose.
     */
    private static double openSamplesUsd(World w, MarketState s, DistillerSpec d, Release teacher) {
        double usdPerToken = w.costs.ownBatchFleet(teacher).usdPerToken(false);
        if (!Double.isFinite(usdPerToken)) return Double.POSITIVE_INFINITY;
        return d.openSamples() * d.tokensPerExchange() * usdPerToken * w.costs.costFactor(s.month);
    }

    /** One month of harvest from a closed teacher: what the student pays, what serving it costs the target, the gain. */
    private record Harvest(double paid, double cost, double gain) {}

    /** The harvest a distiller's budget buys from a closed teacher, or null when the target offers none of its channels. */
    private static Harvest harvest(World w, MarketState s, DistillerSpec d, Release teacher, double inShare, double kStudent) {
        LabSpec target = w.scenario.labs().get(teacher.lab);
        double tokensPer = d.tokensPerExchange();
        double apiUsd = target.api() == null ? Double.POSITIVE_INFINITY : s.apiUsdPerToken[teacher.lab] * tokensPer; // this month's price (apiPricing)
        // This month's fee and cap (planPricing; the scenario's unless it moved them).
        double subUsd = target.subscription() == null || s.planCapTokens[teacher.lab] <= 0 ? Double.POSITIVE_INFINITY
            : s.planFeeUsd[teacher.lab] / (s.planCapTokens[teacher.lab] / tokensPer);
        // A channel the target does not offer carries nothing; its share goes to none.
        double api = Double.isInfinite(apiUsd) ? 0 : d.apiShare();
        double sub = Double.isInfinite(subUsd) ? 0 : d.subscriptionShare();
        double free = target.freeTier() == null ? 0 : d.freeShare();
        double mix = api + sub + free;
        if (mix <= 0) return null;
        // Only offered channels enter the price: 0 x an absent channel's infinite price would be NaN.
        double usdPerExchange = ((api > 0 ? api * apiUsd : 0) + (sub > 0 ? sub * subUsd : 0)) / mix;
        double exchanges = usdPerExchange > 0 ? d.harvestBudgetUsdPerMonth() / usdPerExchange : 10 * d.saturationExchanges();
        double paid = exchanges * usdPerExchange;
        double served = exchanges * tokensPer;
        double cost = served * w.costs.ownBatchFleet(teacher).usdPerToken(target.fleetOwned()) * w.costs.costFactor(s.month);
        double useful = exchanges * (1 - target.harvestDetectionShare());
        double gain = d.closedCatchUpPerMonth() * (teacher.capability - kStudent) * (1 - Math.exp(-useful / d.saturationExchanges()));
        return new Harvest(paid, cost, gain);
    }
}
