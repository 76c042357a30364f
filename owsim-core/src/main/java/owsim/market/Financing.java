package owsim.market;

import owsim.scenario.FinancingSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.ScaleRoundsSpec;

/**
 * Mechanism {@code financing}, booked inside {@link Finance}: a lab spends on training only what
 * its cash, this month's revenue and the money it raises this month pay for; investors fund a round
 * of a multiple of annualised revenue when a lab with traction runs short of runway; a parent company
 * funds its lab up to a yearly cap; a lab whose cash stays negative without a raise exits. The
 * state it keeps is in {@link MarketState} (runUnpaidShare, exited, negativeMonths,
 * parentPaidThisYear and the revenue and user histories). docs/MODEL.md, section 3.3, Financing.
 */
final class Financing {
    private Financing() {}

    static boolean on(World w) {
        return w.scenario.mechanisms().isOn(MechanismSwitch.FINANCING);
    }

    /**
     * Whether month m is a decision month, when rounds are raised and prices, budgets and pay offers
     * set: every {@code financing.decisionEveryMonths} months, not month 0.
     */
    static boolean decisionMonth(World w, int m) {
        return m > 0 && m % w.scenario.financing().decisionEveryMonths() == 0;
    }

    /** Lab i's parent's yearly funding cap, USD/year, as the other decisions count it: 0 with {@code financing} off. */
    static double parentCapUsdPerYear(World w, int i) {
        return on(w) ? w.scenario.financing().parentFundingUsdPerYear(w.scenario.labs().get(i).id()) : 0;
    }

    /**
     * Lab i's money this month, before its profit is booked: the round or the parent's funding
     * ({@code raised}) and the training it can pay ({@code trainingSpend}), given the planned
     * training ({@code plannedTrainingSpend}) and its other costs ({@code otherCostsUsd}, already
     * set in the state). The unpaid part of the month's planned training is added to the run's
     * unpaid share, which {@link Releases} takes off the release's compute.
     */
    static void fund(World w, MarketState s, int i, double otherCostsUsd) {
        FinancingSpec f = w.scenario.financing();
        LabSpec l = w.scenario.labs().get(i);
        int m = s.month;
        double planned = s.plannedTrainingSpend[i];
        double income = s.revenue[i] + s.harvestRevenue[i];
        double cash = s.cash[i]; // the end of last month
        double users = s.users(i);
        double parentCap = f.parentFundingUsdPerYear(l.id());
        if (m % 12 == 0) s.parentPaidThisYear[i] = 0;
        double raised = 0;
        if (parentCap > 0) {
            // The parent pays what the month's plan needs beyond the lab's cash and income, up to its yearly cap.
            double shortfall = planned + otherCostsUsd - income - Math.max(0, cash);
            double left = parentCap - s.parentPaidThisYear[i];
            raised = f.parentReserves() ? reservingRunningCosts(m, shortfall, otherCostsUsd - income, cash, left)
                : Math.max(0, Math.min(shortfall, left));
            s.parentPaidThisYear[i] += raised;
        } else if (decisionMonth(w, m)) {
            double burn = planned + otherCostsUsd - income;
            boolean shortRunway = burn > 0 && cash < f.runwayTriggerMonths() * burn;
            if (shortRunway) raised = round(f, s, i, m, income, users);
        }
        s.raised[i] = raised;
        double available = cash + income + raised - otherCostsUsd;
        double spend = Math.max(0, Math.min(planned, available));
        s.trainingSpend[i] = spend;
        if (planned > 0) s.runUnpaidShare[i] += (1 - spend / planned) / l.releaseEveryMonths();
    }

    /**
     * What a parent that reserves its lab's running costs ({@code financing.parentReservesRunningCosts}) pays in
     * month m, USD: the running costs the lab's income and cash do not cover ({@code runningGap} less positive
     * cash), up to what is {@code left} of its year's funding, and at least that, the month's whole
     * {@code shortfall} as far as {@code left} less the rest of the run year's running gap at this month's rate
     * (11 - m mod 12 more months) allows.
     */
    static double reservingRunningCosts(int m, double shortfall, double runningGap, double cash, double left) {
        double running = Math.max(0, Math.min(runningGap - Math.max(0, cash), left));
        double reserve = (11 - m % 12) * Math.max(0, runningGap);
        return Math.max(running, Math.max(0, Math.min(shortfall, left - reserve)));
    }

    /**
     * The round investors fund a lab short of runway, USD (0: none): {@code roundRevenueMultiple} x
     * annualised revenue when it has traction; with {@code scaleRounds}, when it qualifies on scale
     * ({@link #scaleRound}) and its last scale round is at least {@code monthsBetweenRounds} before
     * month m, the larger of that and the scale round.
     */
    private static double round(FinancingSpec f, MarketState s, int i, int m, double income, double users) {
        double onGrowth = traction(s, i, m, income, users, f.tractionGrowthPerYear()) ? f.roundRevenueMultiple() * 12 * income : 0;
        if (f.scaleRounds() == null) return onGrowth;
        boolean spaced = m - s.lastScaleRoundMonth[i] >= f.scaleRounds().monthsBetweenRounds();
        double onScale = spaced ? scaleRound(f.scaleRounds(), s, i, income) : 0;
        if (onScale > onGrowth) {
            s.lastScaleRoundMonth[i] = m;
            return onScale;
        }
        return onGrowth;
    }

    /**
     * The round investors who fund on scale would give lab i now, USD: {@code roundShareOfValuation} of
     * its valuation ({@code valuationRevenueMultiple} x 12 x the month's income) when that valuation is
     * at least {@code minValuationUsd} and its newest frontier model is within
     * {@code capabilityBandLog10Flop} of the best open or closed model; else 0. ({@link #round} also
     * waits {@code monthsBetweenRounds} after the lab's last such round.)
     */
    static double scaleRound(ScaleRoundsSpec sr, MarketState s, int i, double income) {
        double valuation = sr.valuationUsd(12 * income);
        if (!(valuation >= sr.minValuationUsd()) || valuation <= 0) return 0;
        Release r = s.frontier(i);
        if (r == null) return 0;
        double best = Math.max(finiteOr(s.bestClosedCapability), finiteOr(s.bestOpenCapability));
        if (r.capability < best - sr.capabilityBandLog10Flop()) return 0;
        return sr.roundShareOfValuation() * valuation;
    }

    private static double finiteOr(double x) {
        return Double.isFinite(x) ? x : Double.NEGATIVE_INFINITY;
    }

    /** Keeps the month's revenue and users for a year (traction, and the training budget's observed growth): after both have read 12 months ago. */
    static void remember(MarketState s, int i, double income) {
        int m = s.month;
        s.revenueHistory[i * 12 + m % 12] = income;
        s.usersHistory[i * 12 + m % 12] = s.users(i);
    }

    /**
     * After the month's cash is booked: a month ending with negative cash and nothing raised adds
     * to the lab's count; any other resets it. At the scenario's count, or when its debt exceeds
     * the month's costs, the lab exits, and its
     * offers are rebuilt (without its own services) so its users choose again next month.
     */
    static void settle(World w, MarketState s, int i) {
        if (s.cash[i] < 0 && s.raised[i] == 0) s.negativeMonths[i]++;
        else s.negativeMonths[i] = 0;
        // Nobody lends a lab more than a month of its costs: deeper in debt it exits at once (assumption).
        double costs = s.servingCost[i] + s.trainingSpend[i] + s.salaries[i] + s.marketing[i] + s.harvestSpend[i] + s.defence[i];
        if (s.negativeMonths[i] >= w.scenario.financing().exitAfterNegativeMonths() || s.cash[i] < -costs) {
            s.exited[i] = true;
            s.releaseChanges[i]++;
        }
    }

    /**
     * Whether revenue or users grew at least {@code perYear} a year: against 12 months ago, or
     * (in the first year) against month 0, annualised.
     */
    static boolean traction(MarketState s, int i, int m, double income, double users, double perYear) {
        int then = m >= 12 ? m - 12 : 0;
        double years = (m - then) / 12.0;
        if (years <= 0) return false;
        double revenueThen = s.revenueHistory[i * 12 + then % 12];
        double usersThen = s.usersHistory[i * 12 + then % 12];
        return grewBy(revenueThen, income, years, perYear) || grewBy(usersThen, users, years, perYear);
    }

    private static boolean grewBy(double then, double now, double years, double perYear) {
        if (!(then > 0)) return now > 0; // from nothing to something is growth
        return Math.pow(now / then, 1 / years) >= perYear;
    }
}
