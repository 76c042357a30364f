package owsim.market;

import owsim.scenario.AdvertisingSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Months;
import owsim.scenario.OptionKind;

/**
 * Issue 15: a lab that shows ads earns, from its first month of ads, for each free-tier user of a
 * segment, a feed's ad revenue per user-month times the share a chat user yields times the
 * willingness to pay of the segment's region (1 without regions or with {@code regionalPrices} off). It enters the lab's revenue, so
 * its accounts and its financing (traction, runway) see it. Applied after {@link Usage}, which
 * counts this month's free users, and before {@link Finance}, which books the month.
 */
final class Advertising implements Mechanism {
    private static final int FREE = OptionKind.FREE.ordinal();

    /** Whether a run of this world has ads: the switch on and at least one lab showing them (else its outputs are those without the mechanism). */
    static boolean on(World w) {
        return w.scenario.mechanisms().isOn(MechanismSwitch.ADVERTISING) && !w.scenario.advertising().labs().isEmpty();
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        double usdPerUser = w.scenario.advertising().usdPerFreeUserMonth();
        for (int i = 0; i < w.labs; i++) {
            double ramp = ramp(w, s.month, i);
            if (Double.isNaN(ramp)) continue;
            double usd = 0;
            for (int g = 0; g < w.segments; g++) {
                // Second assistants' free-tier use (multiHoming with adImpressions; 0 without it, which leaves the sum as it was).
                double free = s.segUsers[(g * w.labs + i) * OptionKind.COUNT + FREE] + s.secondAdUserMonths[g * w.labs + i];
                if (!(free > 0)) continue;
                double ads = free * usdPerUser * ramp * willingnessToPay(w, g);
                s.segRevenue[g * w.labs + i] += ads; // the region's revenue series hold what the lab earned there
                usd += ads;
            }
            s.adRevenue[i] = usd;
            s.revenue[i] += usd;
        }
    }

    /**
     * What lab i earns from ads on one free-tier user of segment g in {@code month}, USD: the feed's
     * revenue per user times the ramp times the region's willingness to pay, as {@link #apply} books
     * it (there multiplied by the users first); 0 without ads or before the lab's start. For
     * {@link PlanProfit}'s prediction.
     */
    static double usdPerFreeUser(World w, int month, int i, int g) {
        double ramp = on(w) ? ramp(w, month, i) : Double.NaN;
        return Double.isNaN(ramp) ? 0 : w.scenario.advertising().usdPerFreeUserMonth() * ramp * willingnessToPay(w, g);
    }

    /** Lab i's share of the full ad yield in {@code month} (its ramp since its first ads), or NaN before them or without them. */
    private static double ramp(World w, int month, int i) {
        AdvertisingSpec a = w.scenario.advertising();
        String start = a.startMonth(w.scenario.labs().get(i).id());
        if (start == null) return Double.NaN;
        int sinceStart = month - Months.index(w.scenario.startMonth(), start);
        return sinceStart < 0 ? Double.NaN : a.rampShare(sinceStart);
    }

    /**
     * The willingness to pay of segment g's region; 1 (the reference) when the run has no regions or
     * with {@code regionalPrices} off, which means every willingness to pay 1 (ads and prices alike).
     */
    static double willingnessToPay(World w, int g) {
        int r = w.regionTable.segmentRegion[g];
        return r < 0 || !w.scenario.mechanisms().regionalPrices() ? 1 : w.scenario.regions().get(r).willingnessToPay();
    }
}
