package owsim.market;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import owsim.scenario.EnterpriseSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code enterprise} (issue 15, the enterprise segment): a segment of firms with an
 * {@code enterprise:} block adopts a model only once it has passed security review and
 * procurement, {@code procurementLagMonths} after its release, through any option (the lab's plans
 * and API serve the segment the lab's newest frontier model that has passed; hosts and
 * self-hosting serve its open weights that have passed); and the segment gives a lab's own API
 * {@code labApiPremiumUtils} over hosted or self-hosted open weights (indemnity, service levels,
 * compliance certifications, support). Both take effect where both engines read them: the lag in
 * the offers ({@link Offers}), the premium in the option's fixed utility ({@link OptionTable}).
 * Switched off, or with no segment carrying the block, every offer and utility is the one before,
 * bit for bit.
 */
final class Enterprise {
    private Enterprise() {}

    /** Whether the switch is on in this scenario. */
    static boolean switchedOn(Scenario s) {
        return s.mechanisms().isOn(MechanismSwitch.ENTERPRISE);
    }

    /** Each segment's procurement lag, months (0 without a block or with the switch off). */
    static int[] lagMonths(Scenario s) {
        int[] lag = new int[s.segments().size()];
        if (!switchedOn(s)) return lag;
        for (int g = 0; g < lag.length; g++) {
            EnterpriseSpec e = s.segments().get(g).enterprise();
            lag[g] = e == null ? 0 : e.procurementLagMonths();
        }
        return lag;
    }

    /** The distinct lags above 0 of the segments, ascending. */
    static int[] distinctLags(int[] lagMonths) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int l : lagMonths) if (l > 0) set.add(l);
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The premium segment g gives options of kind k, utils: its lab-API premium for a lab's API, else 0 (and 0 with the switch off). */
    static double premium(Scenario s, int g, OptionKind k) {
        if (k != OptionKind.API || !switchedOn(s)) return 0;
        EnterpriseSpec e = s.segments().get(g).enterprise();
        return e == null ? 0 : e.labApiPremiumUtils();
    }

    /** Whether release r has passed a procurement of {@code lag} months by {@code month}. */
    static boolean passed(Release r, int lag, int month) {
        return r.month + lag <= month;
    }

    /**
     * Whether one of lab i's releases passes procurement this month for a segment with a lag: its
     * offers to that segment change, though the lab released and opened nothing.
     */
    static boolean passesThisMonth(World w, MarketState s, int i) {
        for (int lag : w.optionTable.distinctLags) {
            for (Release r : s.releases) if (r.lab == i && r.month + lag == s.month) return true;
        }
        return false;
    }

    /** Lab i's newest frontier release that has passed a procurement of {@code lag} months, or null. */
    static Release frontier(MarketState s, int i, int lag) {
        Release f = s.frontier(i);
        if (f == null || passed(f, lag, s.month)) return f;
        Release best = null;
        for (Release r : s.releases) if (r.lab == i && r.frontier && passed(r, lag, s.month)) best = r; // releases are in order made
        return best;
    }

    /** The releases of {@code open} (a lab's open releases, most capable first) that have passed a procurement of {@code lag} months, in that order. */
    static List<Release> passedOpen(List<Release> open, int lag, int month) {
        List<Release> out = new ArrayList<>(open.size());
        for (Release r : open) if (passed(r, lag, month)) out.add(r);
        return out;
    }
}
