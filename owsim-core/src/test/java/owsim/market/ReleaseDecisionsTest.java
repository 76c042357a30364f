package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.ReleaseDecisionsSpec;
import owsim.scenario.ReleaseDecisionsSpec.Menu;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism releaseDecisions: switched off, or the section left out, or every lab on a schedule of its own policy, or a
 * rule that never fires, the run is the one before it existed, bit for bit; a fixed schedule does exactly what it says
 * (new models under the new policy, older closed ones opened only when the new policy opens them, open ones stay open);
 * the rule closes and opens as its arithmetic says; every decision of a world is the rule worked again from what the
 * lab saw; bad text names the file, the field and what is allowed.
 */
class ReleaseDecisionsTest {
    private static final Scenario OFF = Fixtures.FOUR_LABS;
    /** Each lab of the four-lab world with a menu whose one side is its own policy. */
    static final Map<String, Menu> MENUS = menus();
    /** A rule that fires in the four-lab world: close within 1 log10 FLOP of the best closed model at 30% awareness; open 0.3 behind after a 5% loss. */
    static final ReleaseDecisionsSpec RULE = new ReleaseDecisionsSpec(1.0, 0.3, 0.3, 0.05, 6, null, MENUS, Map.of());

    private static Map<String, Menu> menus() {
        Map<String, Menu> m = new LinkedHashMap<>();
        m.put("frontier-closed", new Menu("open-delayed(6)", "closed"));
        m.put("open-challenger", new Menu("open", "closed"));
        m.put("app-giant", new Menu("open", "closed"));
        m.put("small-open", new Menu("open", "open-small(32B)"));
        return m;
    }

    @Test void offIsTheRunBeforeItBitForBit() {
        assertThat(OFF.releaseDecisions()).isNull();
        RunResult before = Fixtures.ENGINE.run(OFF);
        // The four-lab world's run as made before the decision mechanisms (WageBidsTest pins it).
        assertThat(RunDigest.of(before)).isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        assertThat(before.series("frontier-closed", MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS)).isNull();
        Scenario on = OFF.withReleaseDecisions(RULE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on.with(MechanismSwitch.RELEASE_DECISIONS, false)))).isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        // Every lab on a schedule of its own policy, and a rule that cannot fire: the same run (the policy series aside).
        Map<String, List<String>> own = new LinkedHashMap<>();
        for (LabSpec l : OFF.labs()) own.put(l.id(), List.of(l.policy()));
        RunResult fixed = Fixtures.ENGINE.run(OFF.withReleaseDecisions(RULE.withFixedSchedules(own)));
        assertThat(RunDigest.of(fixed)).isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        assertThat(fixed.series("frontier-closed", MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS)).isNotNull();
        ReleaseDecisionsSpec never = new ReleaseDecisionsSpec(0, 1, 5, 1, 0, null, MENUS, Map.of());
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.withReleaseDecisions(never)))).isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on))).isNotEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
        // The default world has the section: the switch off is its run without it, and the section moves the run.
        Scenario land = Scenarios.defaultScenario().withMonths(24);
        assertThat(land.releaseDecisions()).isNotNull();
        String without = RunDigest.of(Fixtures.ENGINE.run(land.withReleaseDecisions(null)));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(land.with(MechanismSwitch.RELEASE_DECISIONS, false)))).isEqualTo(without);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(land))).isNotEqualTo(without);
    }

    /** The months each release of a lab opened in a run (Release.CLOSED when never), by release month and whether it is the frontier model. */
    private static MarketState stepped(Scenario sc) {
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        for (int m = 0; m < sc.months(); m++) {
            s.month = m;
            s.clearFlows();
            for (Mechanism mech : MonthlySteps.ORDER) mech.apply(w, s);
        }
        return s;
    }

    /**
     * small-open (open) on the schedule [open, closed] closes from month 3: its models released before stay open, those
     * released from month 3 on stay closed, variants too. frontier-closed (closed) on [closed, open-delayed(6)] opens from
     * month 3: its models released from then on open 6 months after release, and its older closed ones too, but not
     * before month 3 (its model from before the run, 7 months old at month 3, opens at month 3).
     */
    @Test void aFixedScheduleDoesExactlyWhatItSays() {
        Map<String, List<String>> schedules = new LinkedHashMap<>();
        schedules.put("small-open", List.of("open", "closed"));
        schedules.put("frontier-closed", List.of("closed", "open-delayed(6)"));
        Scenario sc = OFF.withMonths(24).withReleaseDecisions(RULE.withLabs(Map.of()).withFixedSchedules(schedules));
        MarketState s = stepped(sc);
        int small = sc.labIndex("small-open");
        int frontier = sc.labIndex("frontier-closed");
        int smallBefore = 0;
        int smallAfter = 0;
        int frontierOpened = 0;
        for (Release r : s.releases) {
            String at = sc.labs().get(r.lab).id() + " released " + r.month + (r.frontier ? "" : " (variant)");
            if (r.lab == small) {
                if (r.month < 3) {
                    assertThat(r.openSince).as(at).isEqualTo(r.month);
                    smallBefore++;
                } else {
                    assertThat(r.isOpen()).as(at).isFalse();
                    smallAfter++;
                }
            } else if (r.lab == frontier) {
                int expected = Math.max(r.month + 6, 3);
                assertThat(r.openSince).as(at).isEqualTo(expected < sc.months() ? expected : Release.CLOSED);
                if (r.isOpen()) frontierOpened++;
            } else {
                // The others keep their scenario policy: open labs' models open on release, closed ones' never.
                assertThat(r.isOpen()).as(at).isEqualTo(!sc.labs().get(r.lab).policy().equals("closed"));
            }
        }
        assertThat(smallBefore).isPositive();
        assertThat(smallAfter).isPositive();
        assertThat(frontierOpened).isGreaterThanOrEqualTo(2);
        RunResult r = Fixtures.ENGINE.run(sc);
        double[] smallSeries = r.series("small-open", MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS).values();
        double[] frontierSeries = r.series("frontier-closed", MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS).values();
        for (int m = 0; m < 24; m++) {
            assertThat(smallSeries[m]).as("small-open month %d", m).isEqualTo(m < 3 ? 0 : -1);
            assertThat(frontierSeries[m]).as("frontier-closed month %d", m).isEqualTo(m < 3 ? -1 : 6);
        }
    }

    /** The rule on numbers worked by hand. */
    @Test void theRuleIsTheDocumentedArithmetic() {
        ReleaseDecisionsSpec p = new ReleaseDecisionsSpec(0.3, 0.5, 0.5, 0.1, 12, null, MENUS, Map.of());
        // Open lab at 26.0 log10 FLOP, best closed 26.25 (0.25 behind, within 0.3), awareness 0.6: closes.
        assertThat(ReleaseDecisions.closes(p, 26.0, 26.25, 0.6)).isTrue();
        // 0.35 behind: stays open; awareness 0.45: stays open; ahead of the best closed model: closes.
        assertThat(ReleaseDecisions.closes(p, 26.0, 26.35, 0.6)).isFalse();
        assertThat(ReleaseDecisions.closes(p, 26.0, 26.25, 0.45)).isFalse();
        assertThat(ReleaseDecisions.closes(p, 26.5, 26.25, 0.5)).isTrue();
        // No closed model anywhere: nothing to close toward.
        assertThat(ReleaseDecisions.closes(p, 26.0, Double.NEGATIVE_INFINITY, 1.0)).isFalse();
        // Closed lab 0.6 behind the best, share 0.20 -> 0.17 (a 15% fall): opens; a 5% fall (0.19) or 0.4 behind: stays.
        assertThat(ReleaseDecisions.opens(p, 26.0, 26.6, 0.20, 0.17)).isTrue();
        assertThat(ReleaseDecisions.opens(p, 26.0, 26.6, 0.20, 0.19)).isFalse();
        assertThat(ReleaseDecisions.opens(p, 26.0, 26.4, 0.20, 0.17)).isFalse();
        // Before its first decision (NaN) it has no share to compare.
        assertThat(ReleaseDecisions.opens(p, 26.0, 27.0, Double.NaN, 0.0)).isFalse();
    }

    /**
     * A rule that always closes (any distance, any awareness) and never reopens: the open challenger closes at the first
     * decision (month 3); its model of month 0 stays open, its month-6 model and its variants stay closed; the series is
     * 0 before month 3 and -1 from it; the open-weight token share of the market falls against the run without it.
     */
    @Test void theRuleClosesAnOpenLabFromItsFirstDecision() {
        ReleaseDecisionsSpec always = new ReleaseDecisionsSpec(5, 0, 5, 1, 0, null, Map.of("open-challenger", new Menu("open", "closed")), Map.of());
        Scenario sc = OFF.withMonths(12).withReleaseDecisions(always);
        MarketState s = stepped(sc);
        int lab = sc.labIndex("open-challenger");
        int after = 0;
        for (Release r : s.releases) {
            if (r.lab != lab) continue;
            if (r.month < 3) assertThat(r.isOpen()).as("released %d", r.month).isTrue();
            else {
                assertThat(r.isOpen()).as("released %d", r.month).isFalse();
                after++;
            }
        }
        assertThat(after).isPositive();
        RunResult on = Fixtures.ENGINE.run(sc);
        double[] series = on.series("open-challenger", MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS).values();
        for (int m = 0; m < 12; m++) assertThat(series[m]).as("month %d", m).isEqualTo(m < 3 ? 0 : -1);
        RunResult off = Fixtures.ENGINE.run(OFF.withMonths(12));
        double[] shareOn = on.series(MetricNames.MARKET, MetricNames.OPEN_WEIGHT_TOKEN_SHARE).values();
        double[] shareOff = off.series(MetricNames.MARKET, MetricNames.OPEN_WEIGHT_TOKEN_SHARE).values();
        for (int m = 0; m < 6; m++) assertThat(shareOn[m]).as("month %d", m).isEqualTo(shareOff[m]);
        assertThat(shareOn[11]).isLessThan(shareOff[11]);
    }

    /** What one decision saw and set. */
    record Decision(int lab, int month, boolean openStance, double own, double bestClosed, double best, double awareness,
                    double shareBefore, double share, int lastChange, String before, String after) {
        /** The same decision with what the step set. */
        Decision set(String policy) {
            return new Decision(lab, month, openStance, own, bestClosed, best, awareness, shareBefore, share, lastChange, before, policy);
        }
    }

    /**
     * What lab i, which has a menu, saw at decision month m in state s (as the month's releases have not yet changed it),
     * worked out by hand: its newest model, the best models of the others, its awareness among the audience of its home
     * region by population; null when it has no model or has exited (it does not decide).
     */
    static Decision seen(World w, MarketState s, ReleaseDecisionsSpec p, int i, int m, double shareBefore, double share) {
        Release f = s.frontier(i);
        if (f == null || s.exited[i]) return null;
        double bestClosed = Double.NEGATIVE_INFINITY;
        double best = Double.NEGATIVE_INFINITY;
        for (Release r : s.releases) {
            if (r.lab == i) continue;
            best = Math.max(best, r.capability);
            if (!r.isOpen()) bestClosed = Math.max(bestClosed, r.capability);
        }
        double a = 0;
        double pop = 0;
        for (int g = 0; g < w.segments; g++) {
            String seg = w.scenario.segments().get(g).id();
            if (!seg.equals(p.audience()) && !seg.startsWith(p.audience() + ".")) continue;
            if (w.regionTable.labRegion[i] >= 0 && w.regionTable.segmentRegion[g] != w.regionTable.labRegion[i]) continue;
            a += s.awareness(g, i) * s.population[g];
            pop += s.population[g];
        }
        return new Decision(i, m, ReleaseDecisions.underOpenPolicy(s, i, p.labs().get(w.scenario.labs().get(i).id())), f.capability, bestClosed, best, a / pop, shareBefore, share,
            s.releaseChangeMonth[i], s.releasePolicy[i].text(), null);
    }

    /** The policy the rule gives a lab with this menu for what it saw, by the documented conditions written out again. */
    static String expected(ReleaseDecisionsSpec p, Menu menu, Decision d) {
        if (d.month - d.lastChange < p.minMonthsBetweenChanges()) return d.before;
        if (d.openStance && Double.isFinite(d.bestClosed) && d.bestClosed - d.own <= p.closeWithinLog10Flop() && d.awareness >= p.closeAtAwareness()) {
            return menu.closedPolicy().text();
        }
        if (!d.openStance && d.best - d.own > p.openBehindLog10Flop() && d.shareBefore > 0 && d.share < d.shareBefore * (1 - p.openAtShareLoss())) {
            return menu.openPolicy().text();
        }
        return d.before;
    }

    /** Steps a world and, at every decision month, works out what each deciding lab saw, then reads what the step set. */
    private static List<Decision> decisions(Scenario sc) {
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        ReleaseDecisionsSpec p = sc.releaseDecisions();
        double[] shareLastMonth = new double[w.labs];
        double[] shareAtDecision = new double[w.labs];
        java.util.Arrays.fill(shareAtDecision, Double.NaN);
        List<Decision> out = new ArrayList<>();
        Fixtures.stepDeciding(w, s, ReleaseDecisions.class, (m, decide) -> {
            List<Decision> pending = new ArrayList<>();
            for (int i = 0; i < w.labs; i++) {
                if (!p.labs().containsKey(sc.labs().get(i).id())) continue;
                double before = shareAtDecision[i];
                shareAtDecision[i] = shareLastMonth[i];
                Decision d = seen(w, s, p, i, m, before, shareLastMonth[i]);
                if (d != null) pending.add(d);
            }
            decide.run();
            for (Decision d : pending) out.add(d.set(s.releasePolicy[d.lab].text()));
        }, month -> {
            double all = 0;
            for (int i = 0; i < w.labs; i++) all += s.users(i);
            for (int i = 0; i < w.labs; i++) shareLastMonth[i] = s.users(i) / all;
        });
        return out;
    }

    /** Every decision of the four-lab world with the rule (five years) is the rule worked again; it both closes and opens. */
    @Test void everyDecisionIsTheRuleWorkedAgain() {
        Scenario sc = OFF.withReleaseDecisions(RULE);
        ReleaseDecisionsSpec p = RULE;
        List<Decision> all = decisions(sc);
        assertThat(all).hasSizeGreaterThan(50);
        int closed = 0;
        int opened = 0;
        for (Decision d : all) {
            String id = sc.labs().get(d.lab).id();
            String at = id + " month " + d.month;
            Menu menu = MENUS.get(id);
            String expected = expected(p, menu, d);
            assertThat(d.after).as(at).isEqualTo(expected);
            if (!d.after.equals(d.before)) {
                if (d.after.equals(menu.closedPolicy().text())) closed++;
                else opened++;
            }
        }
        assertThat(closed).as("decisions that close").isPositive();
        assertThat(opened).as("decisions that open").isPositive();
    }

    /** An experiment that sets a deciding lab's policy (a claim, a policy game) holds it: the lab leaves the section. */
    @Test void anExperimentsPolicyHoldsForTheRun() {
        Scenario sc = OFF.withReleaseDecisions(RULE.withFixedSchedules(Map.of("small-open", List.of("open", "closed"))));
        Scenario fixed = sc.withPolicy("open-challenger", "open-delayed(3)").withPolicy("small-open", "closed");
        assertThat(fixed.releaseDecisions().labs()).doesNotContainKeys("open-challenger", "small-open").containsKeys("frontier-closed", "app-giant");
        assertThat(fixed.releaseDecisions().fixedSchedules()).isEmpty();
        assertThat(sc.withPolicy("app-giant", "closed").releaseDecisions().labs()).containsKey("app-giant");
    }

    @Test void badTextNamesTheFileLineFieldAndWhatIsAllowed() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        String rule = "releaseDecisions: {closeWithinLog10Flop: 0.3, closeAtAwareness: 0.5, openBehindLog10Flop: 0.5, openAtShareLoss: 0.1, minMonthsBetweenChanges: 12";
        String badSchedule = yaml.replace("mechanisms: {}", rule + ", fixedSchedules: {small-open: [open, open-later(3)]}}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", badSchedule)).isInstanceOf(InputException.class)
            .hasMessageContaining("w.yaml:").hasMessageContaining("releaseDecisions.fixedSchedules.small-open[1]")
            .hasMessageContaining("open-later(3)").hasMessageContaining("allowed: closed, open, open-delayed(months)");
        String badMenu = yaml.replace("mechanisms: {}", rule + ", labs: {small-open: {open: open, closed: shut}}}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", badMenu)).isInstanceOf(InputException.class)
            .hasMessageContaining("w.yaml:").hasMessageContaining("closed").hasMessageContaining("'shut' is not a release policy");
        String notOnMenu = yaml.replace("mechanisms: {}", rule + ", labs: {small-open: {open: \"open-delayed(6)\", closed: closed}}}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", notOnMenu)).isInstanceOf(InputException.class)
            .hasMessageContaining("releaseDecisions.labs.small-open").hasMessageContaining("must be its open");
        String unknown = yaml.replace("mechanisms: {}", rule + ", fixedSchedules: {nobody: [open]}}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", unknown)).isInstanceOf(InputException.class).hasMessageContaining("nobody");
        String dwell = yaml.replace("mechanisms: {}", rule.replace("minMonthsBetweenChanges: 12", "minMonthsBetweenChanges: 200") + "}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", dwell)).isInstanceOf(InputException.class).hasMessageContaining("minMonthsBetweenChanges");
        String audience = yaml.replace("mechanisms: {}", rule + ", audience: nobody}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", audience)).isInstanceOf(InputException.class).hasMessageContaining("releaseDecisions.audience");
    }
}
