package owsim.market;

import java.util.List;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.TrainingBudgetSpec;

/**
 * Mechanism {@code trainingBudget}, decided inside {@link Finance} and read by {@link Releases}:
 * every {@code financing.decisionEveryMonths} (quarterly; not in month 0), at the end of the month,
 * a lab expects next year's revenue (12 x this month's, times its observed yearly growth, at most
 * {@code expectedGrowthCapPerYear}), plans a year of R&amp;D compute as {@code rdComputeShareOfRevenue}
 * of it plus what its parent would fund beyond its running costs, and takes
 * {@code finalRunShareOfRdCompute} of that as its final-run budget, at most what its cash, the expected
 * revenue and the parent pay after a year of its running costs. Its run compute then grows at the
 * rate whose next 12 months of training, at each month's cost per FLOP, cost that budget, between 1x a
 * year and its {@code computeGrowthPerYear} (its ambition). A lab on a fixed schedule takes its
 * schedule's growth at each run year instead. With {@code researchCompute} on, the lab pays the whole
 * R&amp;D compute: each month's training costs its final run's share divided by
 * {@code finalRunShareOfRdCompute} (the research, experiments and ablations around the runs), and the
 * budget above is the whole R&amp;D compute, so the same final runs are bought where the plan binds and
 * fewer where cash does. docs/MODEL.md, section 3.3, Training budget.
 */
final class TrainingBudget {
    private TrainingBudget() {}

    /** Whether labs decide: the switch on, the section given, and run compute growing at all ({@code frontierProgress}). */
    static boolean on(World w) {
        return w.scenario.mechanisms().isOn(MechanismSwitch.TRAINING_BUDGET) && w.scenario.trainingBudget() != null
            && w.scenario.mechanisms().frontierProgress();
    }

    /**
     * USD of R&amp;D compute a lab pays per USD of its final runs: 1 / {@code finalRunShareOfRdCompute}
     * with the training budget and {@code researchCompute} on, else 1 (only the final runs are paid).
     */
    static double rdComputePerFinalRunUsd(World w) {
        return on(w) && w.scenario.mechanisms().isOn(MechanismSwitch.RESEARCH_COMPUTE) ? 1 / w.scenario.trainingBudget().finalRunShareOfRdCompute() : 1;
    }

    /** Lab i's growth in the first months of the run: its schedule's first year, else its computeGrowthPerYear (the plan it enters the run with). */
    static double initialGrowth(World w, int i) {
        LabSpec l = w.scenario.labs().get(i);
        if (!on(w)) return l.computeGrowthPerYear();
        List<Double> schedule = w.scenario.trainingBudget().schedule(l.id());
        return schedule == null ? l.computeGrowthPerYear() : TrainingBudgetSpec.growthInYear(schedule, 0);
    }

    /** Lab i's run compute at month m on its current path, FLOP. */
    static double compute(MarketState s, int i, int m) {
        return s.computeBase[i] * Math.pow(s.computeGrowth[i], (m - s.computeBaseMonth[i]) / 12.0);
    }

    /**
     * At the end of month {@code s.month}, after the month is booked: a scheduled lab enters its next
     * run year's growth; a deciding lab, at a decision month, sets its budget and growth.
     *
     * @param income the month's revenue (own services, ads, harvest payments), USD
     * @param runningCosts the month's costs other than training (serving, salaries, marketing, harvest spend, defences), USD
     */
    static void decide(World w, MarketState s, int i, double income, double runningCosts) {
        int m = s.month;
        TrainingBudgetSpec t = w.scenario.trainingBudget();
        LabSpec l = w.scenario.labs().get(i);
        List<Double> schedule = t.schedule(l.id());
        if (schedule != null) {
            if ((m + 1) % 12 == 0) setGrowth(s, i, m, TrainingBudgetSpec.growthInYear(schedule, (m + 1) / 12));
            return;
        }
        if (!Financing.decisionMonth(w, m)) return;
        double expected = expectedRevenue(s, i, m, income, t.expectedGrowthCapPerYear());
        double parent = Financing.parentCapUsdPerYear(w, i);
        double perFinalRun = rdComputePerFinalRunUsd(w);
        double budget = budget(t, expected, parent, 12 * runningCosts, s.cash[i], perFinalRun > 1);
        double ambition = l.computeGrowthPerYear();
        double[] usd = monthlyUsd(w, i, m, compute(s, i, m), perFinalRun);
        if (t.keepPaceWhileFunded()) budget = keepingPace(w, s, i, income, budget, expected, parent, 12 * runningCosts, yearCost(usd, ambition));
        s.expectedRevenue[i] = expected;
        s.trainingBudget[i] = budget;
        setGrowth(s, i, m, growthFor(usd, budget, Math.min(1, ambition), ambition));
    }

    /**
     * The budget of a lab that keeps pace while funded ({@code keepPaceWhileFunded}): when investors
     * would fund it on scale now ({@code financing.scaleRounds}, {@link Financing#scaleRound}), the
     * larger of the rule's {@code budget} and what growing its run at its ambition for the next 12
     * months costs, the latter at most what its cash, the expected revenue and one more such round
     * leave after a year of running costs; else the rule's budget ({@code paceUsd}: the next 12
     * months' training at its ambition). A lab with a parent is funded by its parent, not by
     * investors: its budget is the rule's.
     */
    static double keepingPace(World w, MarketState s, int i, double income, double budget, double expected, double parent,
                              double runningPerYear, double paceUsd) {
        if (!Financing.on(w) || w.scenario.financing().scaleRounds() == null || parent > 0) return budget;
        double round = Financing.scaleRound(w.scenario.financing().scaleRounds(), s, i, income);
        if (round <= 0) return budget;
        double pace = paceUsd;
        double affordable = Math.max(0, s.cash[i] + expected + round - runningPerYear);
        return Math.max(budget, Math.min(pace, affordable));
    }

    /**
     * Revenue expected over the next 12 months: 12 x this month's, times the yearly growth since 12
     * months ago (in the first year since month 0, annualised), at most {@code cap}. From nothing to
     * something counts as the cap; nothing to nothing as 1.
     */
    static double expectedRevenue(MarketState s, int i, int m, double income, double cap) {
        int then = m >= 12 ? m - 12 : 0;
        double years = (m - then) / 12.0;
        double incomeThen = s.revenueHistory[i * 12 + then % 12];
        double growth = incomeThen > 0 ? Math.pow(income / incomeThen, 1 / years) : income > 0 ? cap : 1;
        return 12 * income * Math.min(growth, cap);
    }

    /**
     * The training budget for the next 12 months, USD: the R&amp;D compute
     * {@code rdComputeShareOfRevenue} x expected revenue + the parent's yearly funding left after the
     * running costs the revenue does not cover, or, when only final runs are paid
     * ({@code wholeRdCompute} false), {@code finalRunShareOfRdCompute} of it; at most what cash +
     * expected revenue + the parent's funding leave after a year of running costs (never below 0).
     */
    static double budget(TrainingBudgetSpec t, double expectedRevenue, double parentPerYear, double runningPerYear, double cash, boolean wholeRdCompute) {
        double parentForCompute = Math.max(0, parentPerYear - Math.max(0, runningPerYear - expectedRevenue));
        double rd = t.rdComputeShareOfRevenue() * expectedRevenue + parentForCompute;
        double target = wholeRdCompute ? rd : t.finalRunShareOfRdCompute() * rd;
        double affordable = Math.max(0, cash + expectedRevenue + parentPerYear - runningPerYear);
        return Math.min(target, affordable);
    }

    /**
     * The yearly growth g in [lo, hi] of a run whose next 12 months of training ({@code usd},
     * each month's cost at today's run compute, {@link #monthlyUsd}) cost {@code budget}: hi
     * when even hi costs no more, lo when even lo costs more (a lab does not shrink its run; financing
     * then cuts what it cannot pay), else the largest g found by bisection on ln g whose cost is within
     * the budget.
     */
    static double growthFor(double[] usd, double budget, double lo, double hi) {
        if (yearCost(usd, hi) <= budget) return hi;
        if (yearCost(usd, lo) >= budget) return lo;
        double a = Math.log(lo);
        double b = Math.log(hi);
        for (int n = 0; n < 60; n++) { // ln g within 2^-60 of ln 100: below a double's precision
            double mid = 0.5 * (a + b);
            if (yearCost(usd, Math.exp(mid)) <= budget) a = mid;
            else b = mid;
        }
        return Math.exp(a);
    }

    /** Each of the next 12 months' training of lab i at run compute {@code flop}, USD: trainingUsd / releaseEveryMonths x rdPerFinalRun. */
    private static double[] monthlyUsd(World w, int i, int m, double flop, double rdPerFinalRun) {
        int every = w.scenario.labs().get(i).releaseEveryMonths();
        double[] usd = new double[12];
        for (int k = 1; k <= 12; k++) usd[k - 1] = w.costs.trainingUsd(i, flop, m + k) / every * rdPerFinalRun;
        return usd;
    }

    /** The next 12 months' training at yearly growth g, USD, given each month's cost at today's run compute. */
    static double yearCost(double[] usdAtFlopNow, double g) {
        // One power per evaluation (a run is timed in milliseconds): g^(k/12) as successive products of g^(1/12).
        double step = Math.pow(g, 1 / 12.0);
        double factor = 1;
        double sum = 0;
        for (int k = 1; k <= 12; k++) {
            factor *= step;
            sum += usdAtFlopNow[k - 1] * factor;
        }
        return sum;
    }

    /** Restarts lab i's compute path at month m with growth g, when g differs (an unchanged path keeps its bits). */
    private static void setGrowth(MarketState s, int i, int m, double g) {
        if (g == s.computeGrowth[i]) return;
        s.computeBase[i] = compute(s, i, m);
        s.computeBaseMonth[i] = m;
        s.computeGrowth[i] = g;
    }
}
