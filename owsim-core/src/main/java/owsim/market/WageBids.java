package owsim.market;

import java.util.Arrays;
import java.util.List;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.WageBidsSpec;

/**
 * Mechanism {@code wageBids}: at the start of every decision month ({@code financing.decisionEveryMonths},
 * quarterly; not month 0), before this month's hiring, each lab (not exited) sets the pay it offers
 * researchers from this month on. A lab that filled less than {@code fillShareToRaise} of its openings
 * since its last decision raises its offer by the factor {@code stepPerDecision}; a lab that filled
 * all of them and offers more than the median lab eases it back by the step, not below the median;
 * otherwise the offer stays. The offer is then kept between its floor ({@code floorToBase} x its
 * {@code researcherUsdPerYear}) and its ceiling, the lower of {@code ceilingToBase} x its
 * {@code researcherUsdPerYear} and the pay at which a year of its research staff's pay bill is
 * {@code maxPayBillShareOfFunds} of its funds (but at least the floor): its cash, its revenue over the last 12
 * months, and, with {@code financing} on, a year of its parent's funding cap. A lab on a fixed schedule offers
 * its {@code researcherUsdPerYear} times its schedule's factor for each decision period instead (from
 * month 0). The offer is a per-lab state that the researchers' choice ({@link Talent}) and the pay bill
 * ({@link Finance}) read. Without an openings limit ({@code researcherOpeningsPerMonth} 0) every lab
 * fills its openings, so none raises. docs/MODEL.md, section 3.3, Wage bids.
 */
final class WageBids implements Mechanism {
    /** Whether labs set their pay offers: the switch on and the section given. */
    static boolean on(World w) {
        return w.scenario.mechanisms().isOn(MechanismSwitch.WAGE_BIDS) && w.scenario.wageBids() != null;
    }

    /** Lab i's pay offer in month 0, USD per researcher-year: its {@code researcherUsdPerYear} (times its schedule's first factor). */
    static double initialUsdPerYear(World w, int i) {
        LabSpec l = w.scenario.labs().get(i);
        if (!on(w)) return l.researcherUsdPerYear();
        List<Double> schedule = w.scenario.wageBids().schedule(l.id());
        return schedule == null ? l.researcherUsdPerYear() : l.researcherUsdPerYear() * WageBidsSpec.factorInPeriod(schedule, 0);
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        int m = s.month;
        int every = w.scenario.financing().decisionEveryMonths();
        if (!Financing.decisionMonth(w, m)) return;
        WageBidsSpec p = w.scenario.wageBids();
        double median = median(w, s);
        // Every lab decides on the offers all made last quarter: the new offers are set together.
        double[] next = s.payUsdPerYear.clone();
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            List<Double> schedule = p.schedule(l.id());
            if (schedule != null) {
                next[i] = l.researcherUsdPerYear() * WageBidsSpec.factorInPeriod(schedule, m / every);
            } else if (!s.exited[i]) {
                double base = l.researcherUsdPerYear();
                double floor = p.floorToBase() * base;
                double ceiling = ceiling(p, base, funds(w, s, i), s.researchers[i]);
                next[i] = decide(p, s.payUsdPerYear[i], fillShare(s.openingsSinceDecision[i], s.unfilledSinceDecision[i]), median, floor, ceiling);
            }
            s.openingsSinceDecision[i] = 0;
            s.unfilledSinceDecision[i] = 0;
        }
        System.arraycopy(next, 0, s.payUsdPerYear, 0, w.labs);
    }

    /**
     * The rule: below {@code fillShareToRaise} of its openings filled, the offer rises by the step; all
     * filled (fill share 1) and above the median, it eases by the step, not below the median; then it is
     * kept within [floor, ceiling] (the floor wins when the ceiling is below it).
     */
    static double decide(WageBidsSpec p, double offer, double fill, double median, double floor, double ceiling) {
        double aim = offer;
        if (fill < p.fillShareToRaise()) aim = offer * p.stepPerDecision();
        else if (fill >= 1 && offer > median) aim = Math.max(median, offer / p.stepPerDecision());
        return Math.max(floor, Math.min(ceiling, aim));
    }

    /**
     * What lab i can pay from, USD: its cash (none when negative), its revenue over the last 12 months (kept with
     * {@code financing} or {@code trainingBudget} on; 0 otherwise) and, with {@code financing} on, its parent's yearly funding cap.
     */
    static double funds(World w, MarketState s, int i) {
        double f = Math.max(0, s.cash[i]);
        for (int k = 0; k < 12; k++) f += s.revenueHistory[i * 12 + k];
        f += Financing.parentCapUsdPerYear(w, i);
        return f;
    }

    /**
     * A lab's ceiling, USD per researcher-year: {@code ceilingToBase x base}, and no more than
     * {@code maxPayBillShareOfFunds x funds / researchers} (a year's pay bill at that share of its funds),
     * but never below the floor {@code floorToBase x base}.
     */
    static double ceiling(WageBidsSpec p, double base, double funds, double researchers) {
        double affordable = researchers > 0 ? p.maxPayBillShareOfFunds() * funds / researchers : Double.POSITIVE_INFINITY;
        return Math.max(p.floorToBase() * base, Math.min(p.ceilingToBase() * base, affordable));
    }

    /** The share of its openings a lab filled over the period: 1 without openings. */
    static double fillShare(double openings, double unfilled) {
        return openings > 0 ? 1 - unfilled / openings : 1;
    }

    /** The median offer of the labs that have not exited (the mean of the middle two when their number is even). */
    static double median(World w, MarketState s) {
        double[] live = new double[w.labs];
        int n = 0;
        for (int i = 0; i < w.labs; i++) if (!s.exited[i]) live[n++] = s.payUsdPerYear[i];
        if (n == 0) return 0;
        double[] v = Arrays.copyOf(live, n);
        Arrays.sort(v);
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** After the month's hiring: lab i had these openings and hired this many (with the mechanism on). */
    static void tally(World w, MarketState s, int i, double openings, double hires) {
        if (!on(w)) return;
        s.openingsSinceDecision[i] += openings;
        s.unfilledSinceDecision[i] += Math.max(0, openings - hires);
    }
}
