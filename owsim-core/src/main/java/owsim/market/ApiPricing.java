package owsim.market;

import java.util.List;
import owsim.scenario.ApiPricingSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;

/**
 * Mechanism {@code apiPricing}: at the start of every decision month ({@code financing.decisionEveryMonths},
 * quarterly; not month 0), after this month's releases, a lab with an API sets the price its API
 * charges from this month on. It aims at {@code targetPriceToCost} (its own, when {@code targetPriceToCostByLab} lists it) x its own serving cost per API token
 * (its frontier model on its fleet at the API's speed floor, times this month's cost factor), unless
 * its share of all labs' API users fell by more than {@code shareLossToFollow} (relative) since its
 * last decision and a rival is cheaper: then it aims at the cheapest rival's price (another lab's
 * API, or a host's price for open weights, whose model is at most {@code rivalCapabilityBand} below
 * its own), never below {@code floorPriceToCost} x its cost. With {@code keepMatching}, a lab that
 * followed a rival keeps aiming at the cheapest rival's price (never below its floor) at later
 * decisions, losing share or not, until no rival undercuts its target; without it, it aims at its
 * target again at its next decision that finds it not losing share, and the price cycles. It moves
 * toward its aim by at most a factor of {@code maxStepPerDecision}. A lab on a fixed schedule takes its list prices times its
 * schedule's factor for each decision period instead (from month 0). The price is a per-lab state
 * that the API offer ({@link Offers}), a capped plan's shortfall, harvesting ({@link Distillation})
 * and the market's cheapest price at fixed capability read; after a move the offers that read it
 * (the API's and the plans') are repriced this month. docs/MODEL.md, section 3.3, API pricing.
 */
final class ApiPricing implements Mechanism {
    /** Whether labs set their API prices: the switch on and the section given. */
    static boolean on(World w) {
        return w.scenario.mechanisms().isOn(MechanismSwitch.API_PRICING) && w.scenario.apiPricing() != null;
    }

    /** Lab i's API price in month 0, USD per blended token: its list price (times its schedule's first factor), 0 without an API. */
    static double initialUsdPerToken(World w, int i) {
        LabSpec l = w.scenario.labs().get(i);
        if (l.api() == null) return 0;
        double list = l.api().usdPerToken(w.scenario.technology().inputTokenShare());
        if (!on(w)) return list;
        List<Double> schedule = w.scenario.apiPricing().schedule(l.id());
        return schedule == null ? list : list * ApiPricingSpec.factorInPeriod(schedule, 0);
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        int m = s.month;
        int every = w.scenario.financing().decisionEveryMonths();
        if (!Financing.decisionMonth(w, m)) return;
        ApiPricingSpec p = w.scenario.apiPricing();
        double cf = w.costs.costFactor(m);
        double inShare = w.scenario.technology().inputTokenShare();
        // Every lab decides on the prices all had at the end of last quarter: the new prices are set together.
        double[] next = s.apiUsdPerToken.clone();
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            if (l.api() == null) continue;
            List<Double> schedule = p.schedule(l.id());
            if (schedule != null) {
                next[i] = l.api().usdPerToken(inShare) * ApiPricingSpec.factorInPeriod(schedule, m / every);
                continue;
            }
            Release f = s.frontier(i);
            if (f == null || s.exited[i]) continue;
            double cost = w.costs.ownApiFleet(f).usdPerToken(l.fleetOwned()) * cf;
            if (!(cost > 0) || Double.isInfinite(cost)) continue; // no serving cost to price against: the price stays
            double share = s.apiShareLastMonth[i];
            double before = s.apiShareAtDecision[i];
            s.apiShareAtDecision[i] = share;
            boolean losing = before > 0 && share < before * (1 - p.shareLossToFollow());
            boolean matching = p.keepMatching() && s.apiMatching[i];
            double rival = losing || matching ? cheapestRival(w, s, i, f.capability - p.rivalCapabilityBand(), cf) : Double.POSITIVE_INFINITY;
            double target = p.targetFor(l.id());
            s.apiMatching[i] = matches(target, p, s.apiUsdPerToken[i], cost, rival, losing, matching);
            next[i] = decide(target, p, s.apiUsdPerToken[i], cost, rival, s.apiMatching[i]);
        }
        for (int i = 0; i < w.labs; i++) {
            if (next[i] == s.apiUsdPerToken[i]) continue;
            s.apiUsdPerToken[i] = next[i];
            s.offersRepriced[i] = true;
        }
    }

    /**
     * Whether the lab matches a rival after this decision: it follows one when it lost share
     * ({@code losing}) and the cheapest rival is below its price; it keeps matching (when it was,
     * {@code matching}, which is only ever true with {@code keepMatching}) while that rival is below its
     * target price {@code target x cost}. {@code rival} is infinite when none was looked for.
     */
    static boolean matches(double target, ApiPricingSpec p, double price, double cost, double rival, boolean losing, boolean matching) {
        return losing && rival < price || matching && rival < target * cost;
    }

    /**
     * The rule: the aim is {@code target x cost} (the lab's {@code targetPriceToCost}), or, when the lab
     * matches a rival ({@link #matches}), the rival's price but at least
     * {@code floorPriceToCost x cost}; the new price is the aim, at most a factor
     * {@code maxStepPerDecision} from the price now.
     */
    static double decide(double target, ApiPricingSpec p, double price, double cost, double rival, boolean match) {
        double aim = match ? Math.max(rival, p.floorPriceToCost() * cost) : target * cost;
        double step = p.maxStepPerDecision();
        return Math.min(price * step, Math.max(price / step, aim));
    }

    /**
     * The cheapest price per blended token, this month, of a rival serving a model at least
     * {@code minCapability}: another lab's API (not exited) at its current price, or a host serving
     * an open release (any lab's) at its price (serving cost x the host's pay factor). Infinite when none.
     */
    static double cheapestRival(World w, MarketState s, int lab, double minCapability, double cf) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < w.labs; j++) {
            Release f = s.frontier(j);
            if (j == lab || f == null || s.exited[j] || w.scenario.labs().get(j).api() == null || f.capability < minCapability) continue;
            best = Math.min(best, s.apiUsdPerToken[j]);
        }
        for (Release r : s.releases) {
            if (!r.isOpen() || r.capability < minCapability) continue;
            for (int h = 0; h < w.hosts; h++) {
                ServingPrices.FleetPrice fp = w.costs.hostFleet(r, h);
                if (fp.fits()) best = Math.min(best, fp.rentedUsdPerToken() * cf * w.hostTable.payFactor[h]);
            }
        }
        return best;
    }

    /** At the end of a month: each lab's share of all labs' API users (what its next decision compares with its last). */
    static void remember(World w, MarketState s) {
        if (!on(w)) return;
        int api = OptionKind.API.ordinal();
        double all = 0;
        for (int i = 0; i < w.labs; i++) all += s.usersByKind[i * OptionKind.COUNT + api];
        for (int i = 0; i < w.labs; i++) s.apiShareLastMonth[i] = all > 0 ? s.usersByKind[i * OptionKind.COUNT + api] / all : 0;
    }
}
