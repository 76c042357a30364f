package owsim.market;

import owsim.scenario.EnterpriseContractsSpec;
import owsim.scenario.MechanismSwitch;

/**
 * Mechanism {@code enterpriseContracts} (issue 15, revenue streams and the enterprise segment):
 * firms buy seats of a lab's business plan under contracts of {@code termMonths}. The contracts
 * are kept in {@code termMonths} cohorts, cohort {@code m mod termMonths} holding those signed in
 * months {@code m}, {@code m - termMonths}, ...: in month {@code m} only that cohort is renewed,
 * every other seat stays with its lab (no switching before renewal). At the start the labs' initial
 * seats are spread evenly over the cohorts. At a renewal the cohort's seats of each incumbent lab are
 * chosen again by a logit over the labs whose newest frontier model has passed the firms'
 * procurement, utility {@code capabilityWeightPerDecade x capability + brandUtility + premiumUtils
 * - priceWeightPerUsd x usdPerSeatMonth}, the incumbent adding {@code switchingCostUtils}; the
 * month's new seats (the growth of the section's logistic total) join the cohort, chosen by the same
 * logit without an incumbent (a fall in the total takes seats from the renewing cohort first). A lab
 * that has exited loses all its seats at once, chosen again as new seats. A lab earns its seats times
 * its price each month, part of its revenue, and pays its serving cost per seat, part of its serving
 * cost. It reads only lab-level state (releases, exits), so both engines apply it alike, after their
 * users and before {@link Finance} books the month. Switched off, or the section left out or listing
 * no lab, it does nothing and writes no series.
 */
final class EnterpriseContracts implements Mechanism {
    /** Whether a run of this world has contracts: the switch on and at least one lab listed (else its outputs are those without the mechanism). */
    static boolean on(World w) {
        EnterpriseContractsSpec c = w.scenario.enterpriseContracts();
        return w.scenario.mechanisms().isOn(MechanismSwitch.ENTERPRISE_CONTRACTS) && c != null && !c.labs().isEmpty();
    }

    /** The contract cohorts' size for a world: term x labs when on, else none. */
    static int cohortCells(World w) {
        return on(w) ? w.scenario.enterpriseContracts().termMonths() * w.labs : 0;
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        EnterpriseContractsSpec c = w.scenario.enterpriseContracts();
        int labs = w.labs;
        int term = c.termMonths();
        double[] cohorts = s.contractSeats;
        EnterpriseContractsSpec.Lab[] spec = new EnterpriseContractsSpec.Lab[labs];
        for (int i = 0; i < labs; i++) spec[i] = c.labs().get(w.scenario.labs().get(i).id());
        if (s.month == 0) {
            for (int i = 0; i < labs; i++) {
                if (spec[i] == null) continue;
                for (int k = 0; k < term; k++) cohorts[k * labs + i] = spec[i].initialSeats() / term;
            }
        } else {
            double[] utility = utilities(w, s, c, spec);
            double[] share = new double[labs];
            // New seats' shares (no incumbent): the month's added seats and an exited lab's take them.
            double[] fresh = new double[labs];
            boolean onOffer = shares(utility, -1, 0, fresh);
            // An exited lab's seats are chosen again at once, as new seats.
            for (int j = 0; j < labs; j++) {
                if (spec[j] == null || !s.exited[j]) continue;
                for (int k = 0; k < term; k++) {
                    double x = cohorts[k * labs + j];
                    if (!(x > 0)) continue;
                    cohorts[k * labs + j] = 0;
                    if (onOffer) for (int i = 0; i < labs; i++) cohorts[k * labs + i] += x * fresh[i];
                }
            }
            int k = s.month % term;
            double added = c.seats(s.month) - c.seats(s.month - 1);
            double renewing = 0;
            for (int i = 0; i < labs; i++) renewing += cohorts[k * labs + i];
            double keep = added >= 0 || !(renewing > 0) ? 1 : Math.max(0, (renewing + added) / renewing);
            double[] renewed = new double[labs];
            for (int j = 0; j < labs; j++) {
                double x = cohorts[k * labs + j] * keep;
                if (!(x > 0)) continue;
                if (shares(utility, j, c.switchingCostUtils(), share)) {
                    for (int i = 0; i < labs; i++) renewed[i] += x * share[i];
                } else {
                    renewed[j] += x; // no lab on offer: the firm renews with its lab
                }
            }
            if (added > 0 && onOffer) for (int i = 0; i < labs; i++) renewed[i] += added * fresh[i];
            System.arraycopy(renewed, 0, cohorts, k * labs, labs);
        }
        for (int i = 0; i < labs; i++) {
            double seats = 0;
            for (int k = 0; k < term; k++) seats += cohorts[k * labs + i];
            s.enterpriseSeats[i] = seats;
            double usd = spec[i] == null ? 0 : seats * spec[i].usdPerSeatMonth();
            s.enterpriseContractsRevenue[i] = usd;
            if (!(seats > 0)) continue;
            s.revenue[i] += usd;
            s.servingCost[i] += seats * spec[i].servingUsdPerSeatMonth();
        }
    }

    /**
     * Each lab's utility to the firms this month, or NaN when it sells no seats now: not listed,
     * exited, or no frontier model of it has passed procurement.
     */
    static double[] utilities(World w, MarketState s, EnterpriseContractsSpec c, EnterpriseContractsSpec.Lab[] spec) {
        double[] u = new double[w.labs];
        for (int i = 0; i < w.labs; i++) {
            Release f = spec[i] == null || s.exited[i] ? null : Enterprise.frontier(s, i, c.procurementLagMonths());
            u[i] = f == null ? Double.NaN
                : c.capabilityWeightPerDecade() * f.capability + w.scenario.labs().get(i).brandUtility() + spec[i].premiumUtils()
                    - c.priceWeightPerUsd() * spec[i].usdPerSeatMonth();
        }
        return u;
    }

    /**
     * The logit shares of the labs on offer (utility not NaN), the incumbent (or -1 for none) adding
     * {@code incumbentUtils}, into {@code out}; false (and {@code out} untouched) when no lab is on offer.
     */
    static boolean shares(double[] utility, int incumbent, double incumbentUtils, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < utility.length; i++) {
            if (!Double.isNaN(utility[i])) max = Math.max(max, utility[i] + (i == incumbent ? incumbentUtils : 0));
        }
        if (max == Double.NEGATIVE_INFINITY) return false;
        double sum = 0;
        for (int i = 0; i < utility.length; i++) {
            out[i] = Double.isNaN(utility[i]) ? 0 : Math.exp(utility[i] + (i == incumbent ? incumbentUtils : 0) - max);
            sum += out[i];
        }
        for (int i = 0; i < utility.length; i++) out[i] /= sum;
        return true;
    }
}
