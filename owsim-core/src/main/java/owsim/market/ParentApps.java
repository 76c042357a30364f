package owsim.market;

import owsim.scenario.MechanismSwitch;
import owsim.scenario.Months;
import owsim.scenario.OptionKind;
import owsim.scenario.ParentAppsSpec;

/**
 * Issue 15: a lab inside a parent with apps earns, as the parent's value, for each user of its
 * assistant (subscription and free tier) in a segment, the parent's revenue per user-month times the
 * share the assistant's engagement and retention is worth, times the willingness to pay of the
 * segment's region (1 without regions or with {@code regionalPrices} off), times its ramp from the
 * lab's start month. The ads beside the assistant's answers are {@link Advertising}'s, not this. It
 * enters the lab's revenue, as ads do. Applied after {@link Usage}, which counts this month's users,
 * and before {@link Finance}, which books the month.
 */
final class ParentApps implements Mechanism {
    private static final int SUB = OptionKind.SUBSCRIPTION.ordinal();
    private static final int FREE = OptionKind.FREE.ordinal();

    /** Whether a run of this world has a parent's value: the switch on and at least one lab listed (else its outputs are those without the mechanism). */
    static boolean on(World w) {
        ParentAppsSpec p = w.scenario.parentApps();
        return w.scenario.mechanisms().isOn(MechanismSwitch.PARENT_APPS) && p != null && !p.labs().isEmpty();
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        ParentAppsSpec p = w.scenario.parentApps();
        for (int i = 0; i < w.labs; i++) {
            ParentAppsSpec.Lab lab = p.labs().get(w.scenario.labs().get(i).id());
            if (lab == null) continue;
            int sinceStart = lab.startMonth() == null ? s.month : s.month - Months.index(w.scenario.startMonth(), lab.startMonth());
            if (sinceStart < 0) continue;
            double usdPerUser = lab.usdPerUserMonth() * p.rampShare(sinceStart);
            double usd = 0;
            for (int g = 0; g < w.segments; g++) {
                int k = (g * w.labs + i) * OptionKind.COUNT;
                // Incidental users of a placed assistant at their token share (placedAssistants; 0 without it, which leaves the sum as it was).
                double users = s.segUsers[k + SUB] + s.segUsers[k + FREE] + s.placedEngaged[g * w.labs + i];
                if (!(users > 0)) continue;
                double value = users * usdPerUser * Advertising.willingnessToPay(w, g);
                s.segRevenue[g * w.labs + i] += value; // the region's revenue series hold what the lab earned there
                usd += value;
            }
            s.parentAppsRevenue[i] = usd;
            s.revenue[i] += usd;
        }
    }
}
