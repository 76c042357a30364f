package owsim.market;

import java.util.List;
import owsim.policy.PolicyContext;
import owsim.policy.ReleasePolicies;
import owsim.policy.ReleasePolicy;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.ReleaseDecisionsSpec;

/**
 * Mechanism {@code releaseDecisions}: at the start of every decision month ({@code financing.decisionEveryMonths},
 * quarterly; not month 0), before this month's releases, each lab the section lists may change the release policy
 * its models are released under from then on, choosing between the two policies of its menu. Under its open policy
 * it closes when its newest frontier model is at most {@code closeWithinLog10Flop} below the best closed model of the
 * other labs and its awareness among the section's audience in its home region is at least {@code closeAtAwareness};
 * under its closed policy it opens when its newest frontier model is more than {@code openBehindLog10Flop} below the
 * best model of the other labs and its share of all labs' users fell by more than {@code openAtShareLoss} (relative)
 * since its last decision. It changes at most once in {@code minMonthsBetweenChanges}. Every lab decides on what all
 * saw at the end of last month. A lab on a fixed schedule takes its schedule's policy for each decision period
 * instead (from month 0). A model keeps the policy it was released under; a closed one also opens when the policy in
 * force opens it ({@link #opening}). docs/MODEL.md, section 3.3, Release decisions.
 */
final class ReleaseDecisions implements Mechanism {
    /** Whether labs decide their release policies: the switch on and the section given. */
    static boolean on(World w) {
        return w.scenario.mechanisms().isOn(MechanismSwitch.RELEASE_DECISIONS) && w.scenario.releaseDecisions() != null;
    }

    /** Lab i's policy in month 0: its schedule's first when it has one, else its scenario policy. */
    static ReleasePolicy initialPolicy(World w, int i) {
        ReleasePolicy own = w.labTable.policies[i];
        if (!on(w)) return own;
        List<String> schedule = w.scenario.releaseDecisions().schedule(w.scenario.labs().get(i).id());
        return schedule == null ? own : ReleaseDecisionsSpec.policyInPeriod(schedule, 0);
    }

    /** Whether lab i is under its menu's open policy now (a deciding lab's policy in force is always one of its menu's two). */
    static boolean underOpenPolicy(MarketState s, int i, ReleaseDecisionsSpec.Menu menu) {
        return menu.openPolicy().text().equals(s.releasePolicy[i].text());
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        int m = s.month;
        if (!Financing.decisionMonth(w, m)) return;
        ReleaseDecisionsSpec p = w.scenario.releaseDecisions();
        int period = m / w.scenario.financing().decisionEveryMonths();
        // Every lab decides on what all saw at the end of last month: the new policies are set together.
        ReleasePolicy[] next = s.releasePolicy.clone();
        for (int i = 0; i < w.labs; i++) {
            String id = w.scenario.labs().get(i).id();
            List<String> schedule = p.schedule(id);
            if (schedule != null) {
                next[i] = ReleaseDecisionsSpec.policyInPeriod(schedule, period);
                continue;
            }
            ReleaseDecisionsSpec.Menu menu = p.labs().get(id);
            if (menu == null) continue;
            double share = s.releaseShareLastMonth[i];
            double before = s.releaseShareAtDecision[i];
            s.releaseShareAtDecision[i] = share;
            Release f = s.frontier(i);
            if (f == null || s.exited[i] || m - s.releaseChangeMonth[i] < p.minMonthsBetweenChanges()) continue;
            if (underOpenPolicy(s, i, menu)) {
                if (closes(p, f.capability, bestOfOthers(s, i, true), awareness(w, s, i, p.audience()))) next[i] = menu.closedPolicy();
            } else if (opens(p, f.capability, bestOfOthers(s, i, false), before, share)) {
                next[i] = menu.openPolicy();
            }
        }
        for (int i = 0; i < w.labs; i++) {
            if (next[i].text().equals(s.releasePolicy[i].text())) continue;
            s.releasePolicy[i] = next[i];
            s.releaseChangeMonth[i] = m;
        }
    }

    /**
     * The rule for a lab under its open policy: it closes when its newest model ({@code own}, log10 FLOP) is at most
     * {@code closeWithinLog10Flop} below the best closed model of the other labs ({@code bestClosed}; none: it does not
     * close) and its awareness among its home audience ({@code awareness}, share) is at least {@code closeAtAwareness}.
     */
    static boolean closes(ReleaseDecisionsSpec p, double own, double bestClosed, double awareness) {
        return Double.isFinite(bestClosed) && bestClosed - own <= p.closeWithinLog10Flop() && awareness >= p.closeAtAwareness();
    }

    /**
     * The rule for a lab under its closed policy: it opens when its newest model ({@code own}) is more than
     * {@code openBehindLog10Flop} below the best model of the other labs ({@code best}) and its share of all labs'
     * users fell from {@code before} (its share at its last decision; NaN before its first) to {@code share} by more
     * than {@code openAtShareLoss} of it.
     */
    static boolean opens(ReleaseDecisionsSpec p, double own, double best, double before, double share) {
        return best - own > p.openBehindLog10Flop() && before > 0 && share < before * (1 - p.openAtShareLoss());
    }

    /** The best capability of the other labs' released models, log10 FLOP: only their closed ones when {@code closedOnly}; -infinity when none. */
    static double bestOfOthers(MarketState s, int lab, boolean closedOnly) {
        double best = Double.NEGATIVE_INFINITY;
        for (Release r : s.releases) {
            if (r.lab == lab || closedOnly && r.isOpen()) continue;
            best = Math.max(best, r.capability);
        }
        return best;
    }

    /**
     * Lab i's awareness among the audience: the population-weighted mean over the segments that are the audience or
     * its regional parts ("audience.region"), only those in the lab's home region when regions are on and it has one.
     */
    static double awareness(World w, MarketState s, int i, String audience) {
        int home = w.regionTable.labRegion[i];
        double a = 0;
        double p = 0;
        for (int g = 0; g < w.segments; g++) {
            String id = w.scenario.segments().get(g).id();
            if (!id.equals(audience) && !id.startsWith(audience + ".")) continue;
            if (home >= 0 && w.regionTable.segmentRegion[g] != home) continue;
            a += s.awareness(g, i) * s.population[g];
            p += s.population[g];
        }
        return p > 0 ? a / p : 0;
    }

    /**
     * The policy that opens closed release r this month, or null: the policy it was released under when that opens it,
     * else its lab's policy in force when that does (a change reaches back to older models only to open them).
     */
    static ReleasePolicy opening(MarketState s, Release r, PolicyContext ctx) {
        ReleasePolicy own = r.policy;
        if (own.isOpen(r.view(), ctx)) return own;
        ReleasePolicy now = s.releasePolicy[r.lab];
        return !now.equals(own) && now.isOpen(r.view(), ctx) ? now : null;
    }

    /**
     * The series: how many months after its release lab i's policy in force opens a new frontier model of the lab (the
     * size of its newest), 0 on release, -1 never (closed, or larger than an open-small policy's size); for
     * open-behind-frontier, its lag in months of frontier progress.
     */
    static double openAfterMonths(MarketState s, int i) {
        ReleasePolicy p = s.releasePolicy[i];
        if (p instanceof ReleasePolicies.Open) return 0;
        if (p instanceof ReleasePolicies.OpenDelayed d) return d.months();
        if (p instanceof ReleasePolicies.OpenBehindFrontier b) return b.lagMonths();
        if (p instanceof ReleasePolicies.OpenSmall small) {
            Release f = s.frontier(i);
            return f != null && f.totalParams <= small.maxTotalParams() ? 0 : -1;
        }
        return -1;
    }

    /** At the end of a month: each lab's share of all labs' users (what its next decision compares with its last). */
    static void remember(World w, MarketState s) {
        if (!on(w)) return;
        double all = 0;
        for (int i = 0; i < w.labs; i++) all += s.users(i);
        for (int i = 0; i < w.labs; i++) s.releaseShareLastMonth[i] = all > 0 ? s.users(i) / all : 0;
    }
}
