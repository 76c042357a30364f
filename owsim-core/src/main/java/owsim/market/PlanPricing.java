package owsim.market;

import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.PlanPricingSpec;

/**
 * Mechanism {@code planPricing}: at the start of every decision month ({@code financing.decisionEveryMonths},
 * quarterly; not month 0), after this month's releases, each deciding lab sets the monthly fee and
 * token cap of its subscription and, where it offers one ({@code proPlans}), of its pro plan. For
 * each plan it reads the margin over serving cost of the plan's subscribers over the decision period
 * just ended, (fees - serving cost) / serving cost, and keeps it within
 * [{@code minMarginToCost}, {@code maxMarginToCost}]: below the band it first tightens the cap (by at
 * most a factor {@code maxCapStepPerDecision}, down to {@code minCapShare} of the scenario's cap) and
 * raises the fee (by at most a factor {@code maxPriceStepPerDecision}, on a price point) only once
 * the cap is at that floor; above the band it loosens the cap (up to {@code maxCapShare} of the
 * scenario's), and with the cap at that ceiling lowers a fee it raised, never below the scenario's.
 * Within the band nothing moves: the fee is sticky. With {@code objective: profit} the caps move so
 * and each fee is set for profit instead ({@link #forProfit}, {@link PlanProfit}): the best of the
 * fee, the price point below and the one above by the lab's predicted monthly subscription profit.
 * A lab on a fixed schedule takes the scenario's
 * fee and cap times its schedule's factors for each decision period instead (from month 0). The fee
 * and cap are per-lab state read by the plans' offers ({@link ProPlans}, {@link Offers}), the loss
 * share and the agent engine's caps; after a move the lab's offers are repriced this month.
 * docs/MODEL.md, section 3.3, Plan pricing.
 */
final class PlanPricing implements Mechanism {
    /** Whether labs set their plans: the switch on and the section given. */
    static boolean on(World w) {
        return w.scenario.mechanisms().isOn(MechanismSwitch.PLAN_PRICING) && w.scenario.planPricing() != null;
    }

    /** Lab i's plans in month 0: the scenario's fee and cap, times its schedule's first factors when it has one. */
    static void initial(World w, MarketState s, int i) {
        if (!on(w)) return;
        PlanPricingSpec.Schedule schedule = w.scenario.planPricing().schedule(w.scenario.labs().get(i).id());
        if (schedule != null) follow(w, s, i, schedule, 0);
    }

    /** Lab i's plans in decision period {@code period} of its schedule: the scenario's fee and cap times the period's factors. */
    private static void follow(World w, MarketState s, int i, PlanPricingSpec.Schedule schedule, int period) {
        double pf = PlanPricingSpec.factorInPeriod(schedule.priceFactor(), period);
        double cf = PlanPricingSpec.factorInPeriod(schedule.capFactor(), period);
        s.planFeeUsd[i] = w.labTable.planFeeUsd[i] * pf;
        s.planCapTokens[i] = w.labTable.planCapTokens[i] * cf;
        s.proFeeUsd[i] = w.labTable.proFeeUsd[i] * pf;
        s.proCapTokens[i] = w.labTable.proCapTokens[i] * cf;
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        int m = s.month;
        if (!Financing.decisionMonth(w, m)) return;
        PlanPricingSpec p = w.scenario.planPricing();
        int every = w.scenario.financing().decisionEveryMonths();
        PlanProfit profit = p.forProfit() ? new PlanProfit(w, s) : null;
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            if (l.subscription() == null) continue;
            double fee = s.planFeeUsd[i];
            double cap = s.planCapTokens[i];
            double proFee = s.proFeeUsd[i];
            double proCap = s.proCapTokens[i];
            PlanPricingSpec.Schedule schedule = p.schedule(l.id());
            if (schedule != null) {
                follow(w, s, i, schedule, m / every);
            } else if (p.decides(l.id()) && !s.exited[i] && s.frontier(i) != null) { // a lab with a model to serve on its plans
                double[] base = decide(p, fee, cap, w.labTable.planFeeUsd[i], w.labTable.planCapTokens[i], s.planPeriodRevenue[2 * i], s.planPeriodServing[2 * i]);
                s.planFeeUsd[i] = base[0];
                s.planCapTokens[i] = base[1];
                if (w.labTable.proOffered[i]) {
                    double[] pro = decide(p, proFee, proCap, w.labTable.proFeeUsd[i], w.labTable.proCapTokens[i], s.planPeriodRevenue[2 * i + 1],
                        s.planPeriodServing[2 * i + 1]);
                    s.proFeeUsd[i] = pro[0];
                    s.proCapTokens[i] = pro[1];
                }
                if (profit != null) forProfit(w, s, p, profit, i, fee, proFee); // the caps as the band set them, the fees for profit
            }
            for (int k = 2 * i; k < 2 * i + 2; k++) {
                s.planPeriodRevenue[k] = 0;
                s.planPeriodServing[k] = 0;
            }
            if (fee != s.planFeeUsd[i] || cap != s.planCapTokens[i] || proFee != s.proFeeUsd[i] || proCap != s.proCapTokens[i]) {
                s.offersRepriced[i] = true;
            }
        }
    }

    /**
     * {@code objective: profit}: lab i's fees, its caps already set by the band. The base plan's fee
     * (then, with the base fee so set, the pro plan's) is the best of {@code fee}, the price point
     * above it and the one below (each within {@code maxPriceStepPerDecision}; {@link #candidates})
     * by the lab's predicted subscription profit over a month ({@link PlanProfit}); a tie keeps the
     * fee, and between the two moves the lower fee. The profit counted is the subscription's, both
     * plans together: a move of one plan's fee that moves subscribers to the other is no loss to the lab.
     */
    private static void forProfit(World w, MarketState s, PlanPricingSpec p, PlanProfit profit, int i, double fee, double proFee) {
        profit.save(i);
        double[] base = best(p, fee, profit.profit(i, fee, proFee), f -> profit.profit(i, f, proFee));
        s.planFeeUsd[i] = base[0];
        s.proFeeUsd[i] = w.labTable.proOffered[i] ? best(p, proFee, base[1], f -> profit.profit(i, base[0], f))[0] : proFee;
        profit.restore(i);
    }

    /**
     * The best of {@code fee} (whose profit is {@code atFee}) and its {@link #candidates} by {@code profitAt}, as {fee,
     * profit}: a candidate replaces the best so far only if its profit is higher, so a tie keeps the fee and, between the
     * two moves, the lower.
     */
    private static double[] best(PlanPricingSpec p, double fee, double atFee, java.util.function.DoubleUnaryOperator profitAt) {
        double[] best = {fee, atFee};
        for (double f : candidates(p, fee)) {
            if (Double.isNaN(f)) continue;
            double v = profitAt.applyAsDouble(f);
            if (v > best[1]) {
                best[0] = f;
                best[1] = v;
            }
        }
        return best;
    }

    /**
     * The two fees a lab weighs beside {@code fee} under {@code objective: profit}, lower first: the
     * price point (a whole multiple of {@code pricePointUsd}) next below the fee and the one next
     * above it, each only if the move is within a factor {@code maxPriceStepPerDecision} and the
     * lower is above 0 (else NaN). A fee off the grid moves onto it.
     */
    static double[] candidates(PlanPricingSpec p, double fee) {
        if (!(fee > 0)) return new double[] {Double.NaN, Double.NaN};
        double point = p.pricePointUsd();
        double q = p.maxPriceStepPerDecision();
        double down = (Math.ceil(fee / point) - 1) * point;
        double up = (Math.floor(fee / point) + 1) * point;
        double slack = 1e-9 * fee; // a point exactly a step away (20 -> 25 at 1.25) is within it
        boolean downOk = down > 0 && down >= fee / q - slack;
        boolean upOk = up <= fee * q + slack;
        return new double[] {downOk ? down : Double.NaN, upOk ? up : Double.NaN};
    }

    /**
     * The rule for one plan: its new {fee, cap} from its fee and cap now, the scenario's
     * ({@code listFee}, {@code listCap}) and its subscribers' fees and serving cost over the last
     * decision period. With r = revenue / serving (1 + the margin over cost): below 1 +
     * {@code minMarginToCost}, the cap falls to max(floor, cap / step, cap x r / (1 + min)) while it is
     * above its floor ({@code minCapShare} x listCap), else the fee rises toward fee x (1 + min) / r,
     * at most a factor {@code maxPriceStepPerDecision}, to the price point above (the one below when
     * that is beyond the step); above 1 + {@code maxMarginToCost}, the cap rises to min(ceiling, cap x
     * step, cap x r / (1 + max)) while it is below its ceiling ({@code maxCapShare} x listCap), else a
     * fee above listFee falls toward fee x (1 + max) / r, at most the step, to the price point above
     * it, never below listFee. A plan nobody took over the period (no fees) counts as above the band: a
     * plan priced out of its market is made more generous, as a lab reprices a tier that does not sell.
     */
    static double[] decide(PlanPricingSpec p, double fee, double cap, double listFee, double listCap, double revenue, double serving) {
        if (!(fee > 0) || revenue > 0 && !(serving > 0)) return new double[] {fee, cap};
        // No fees at all: nobody took the plan over the period, as far above the band as can be (a plan nobody buys gives more).
        double r = revenue > 0 ? revenue / serving : Double.POSITIVE_INFINITY;
        double lo = 1 + p.minMarginToCost();
        double hi = 1 + p.maxMarginToCost();
        double step = p.maxCapStepPerDecision();
        double priceStep = p.maxPriceStepPerDecision();
        double point = p.pricePointUsd();
        if (r < lo) {
            double floor = listCap * p.minCapShare();
            if (cap > floor) return new double[] {fee, Math.max(floor, Math.max(cap / step, cap * r / lo))};
            double aim = Math.min(fee * priceStep, fee * lo / r);
            double up = Math.ceil(aim / point) * point;
            if (up > fee * priceStep) up = Math.floor(aim / point) * point;
            return new double[] {Math.max(fee, up), cap};
        }
        if (r > hi) {
            double ceiling = listCap * p.maxCapShare();
            if (cap < ceiling) return new double[] {fee, Math.min(ceiling, Math.min(cap * step, cap * r / hi))};
            if (fee <= listFee) return new double[] {fee, cap};
            double aim = Math.max(fee / priceStep, fee * hi / r);
            double down = Math.max(listFee, Math.ceil(aim / point) * point);
            return new double[] {Math.min(fee, down), cap};
        }
        return new double[] {fee, cap};
    }
}
