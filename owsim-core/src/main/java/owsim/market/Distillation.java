package owsim.market;

import owsim.scenario.DistillerSpec;
import owsim.scenario.LabSpec;

/**
 * Claim c: a distiller harvests the best model above its own lab's capability. From a closed
 * target it buys exchanges through the API (list price), paid subscriptions used to the limit
 * (flat fee) and free or fraudulent accounts (nothing); the target serves all of it at its own
 * cost, and detection removes a share of the useful exchanges. From an open target it downloads
 * the weights: no traffic, no burden. The student lab's efficiency then closes a share of the
 * capability gap, with diminishing returns in harvested exchanges: kappa (1 - exp(-H_eff / H0)).
 */
final class Distillation implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        if (!w.scenario.mechanisms().distillation()) return;
        double inShare = w.scenario.technology().inputTokenShare();
        for (DistillerSpec d : w.scenario.distillers()) {
            int student = w.scenario.labIndex(d.studentLab());
            if (s.exited[student]) continue; // an exited lab (financing) pays for no harvest
            double kStudent = s.potentialCapability(student);
            Release teacher = null;
            for (Release r : s.releases) {
                if (r.lab == student || r.capability <= kStudent) continue;
                if (!d.targets().isEmpty() && !d.targets().contains(w.scenario.labs().get(r.lab).id())) continue;
                if (!r.isOpen() && r != s.frontier(r.lab)) continue; // a closed lab serves only its newest frontier model
                if (!r.isOpen() && s.exited[r.lab]) continue; // an exited lab (financing) serves nothing; its open weights stay
                if (teacher == null || r.capability > teacher.capability) teacher = r;
            }
            if (teacher == null) continue;
            double gap = teacher.capability - kStudent;
            double dK;
            if (teacher.isOpen()) {
                dK = d.openCatchUpPerMonth() * gap;
            } else {
                int t = teacher.lab;
                LabSpec target = w.scenario.labs().get(t);
                double tokensPer = d.tokensPerExchange();
                double apiUsd = target.api() == null ? Double.POSITIVE_INFINITY : target.api().usdPerToken(inShare) * tokensPer;
                double subUsd = target.subscription() == null || target.subscription().monthlyTokenCap() <= 0 ? Double.POSITIVE_INFINITY
                    : target.subscription().usdPerMonth() / (target.subscription().monthlyTokenCap() / tokensPer);
                // A channel the target does not offer carries nothing; its share goes to none.
                double api = Double.isInfinite(apiUsd) ? 0 : d.apiShare();
                double sub = Double.isInfinite(subUsd) ? 0 : d.subscriptionShare();
                double free = target.freeTier() == null ? 0 : d.freeShare();
                double mix = api + sub + free;
                if (mix <= 0) continue;
                // Only offered channels enter the price: 0 x an absent channel's infinite price would be NaN.
                double usdPerExchange = ((api > 0 ? api * apiUsd : 0) + (sub > 0 ? sub * subUsd : 0)) / mix;
                double exchanges = usdPerExchange > 0 ? d.harvestBudgetUsdPerMonth() / usdPerExchange : 10 * d.saturationExchanges();
                double paid = exchanges * usdPerExchange;
                double served = exchanges * tokensPer;
                double cost = served * w.ownBatchFleet(teacher).usdPerToken(target.fleetOwned()) * w.costFactor(s.month);
                s.harvestSpend[student] += paid;
                s.harvestRevenue[t] += paid;
                s.servingCost[t] += cost;
                s.burden[t] += cost - paid;
                double useful = exchanges * (1 - target.harvestDetectionShare());
                dK = d.closedCatchUpPerMonth() * gap * (1 - Math.exp(-useful / d.saturationExchanges()));
            }
            s.lnA[student] += dK * Math.log(10);
        }
    }
}
