package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.WageBidsSpec;

/**
 * Mechanism wageBids: switched off, or the section left out (the default world), or every lab on a
 * schedule of its researcherUsdPerYear, the run is the one before it existed, bit for bit; a lab short
 * of researchers raises its offer by the step; the ceilings bind; a fixed schedule is followed and is
 * what the lab pays; every decision of a world is the documented rule worked again; the higher offer
 * wins researchers from the rivals, by the weight a hand calculation gives.
 */
class WageBidsTest {
    /**
     * Every series of the default world's 60 months as made by the code before the mechanism (main at 4373cee, the
     * same digest computed over its run): the default world has no wageBids section.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    static final String BEFORE_WAGE_BIDS = "5bea91d45ecc33af79166abd4b7aea5b03cf939de428ec829abe07b37964329c";
    /** A shortage rule with room: raise below 90% filled, 10% a step, at most 3x the base pay, never below it, a year's pay bill at most half the funds. */
    static final WageBidsSpec RULE = new WageBidsSpec(0.9, 1.1, 3.0, 1.0, 0.5, Map.of());
    private static final Scenario OFF = Fixtures.FOUR_LABS;
    private static final Scenario ON = OFF.withWageBids(RULE);

    static Scenario landscape() {
        return Scenarios.defaultScenario();
    }

    @Test void offIsTheRunBeforeItBitForBit() {
        assertThat(OFF.wageBids()).isNull();
        RunResult before = Fixtures.ENGINE.run(OFF);
        assertThat(RunDigest.of(before)).isEqualTo(BEFORE_WAGE_BIDS);
        assertThat(before.series("frontier-closed", MetricNames.RESEARCHER_PAY_USD_PER_YEAR)).isNull();
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.with(MechanismSwitch.WAGE_BIDS, false)))).isEqualTo(BEFORE_WAGE_BIDS);
        // Every lab on a schedule of its researcherUsdPerYear: the same run (the pay series aside, which RunDigest leaves out).
        Map<String, List<Double>> base = new LinkedHashMap<>();
        for (LabSpec l : ON.labs()) base.put(l.id(), List.of(1.0));
        RunResult fixed = Fixtures.ENGINE.run(ON.withWageBids(RULE.withFixedSchedules(base)));
        assertThat(RunDigest.of(fixed)).isEqualTo(BEFORE_WAGE_BIDS);
        assertThat(fixed.series("frontier-closed", MetricNames.RESEARCHER_PAY_USD_PER_YEAR)).isNotNull();
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON))).isNotEqualTo(BEFORE_WAGE_BIDS);
        // The landscape changes as mechanisms join it, so its run without the section is not pinned: the switch off gives
        // that run, and the section on moves it.
        Scenario land = landscape();
        String withoutSection = RunDigest.of(Fixtures.ENGINE.run(land.withWageBids(null)));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(land.with(MechanismSwitch.WAGE_BIDS, false)))).isEqualTo(withoutSection);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(land))).isNotEqualTo(withoutSection);
    }

    /** The rule on numbers worked by hand: raise below 90% filled by 1.1x, ease by 1.1x to the median, floor 1, ceiling 3. */
    @Test void theRuleIsTheDocumentedArithmetic() {
        // Filled 50% of its openings: $1M -> $1.1M.
        assertThat(WageBids.decide(RULE, 1e6, 0.5, 5e5, 1e6, 3e6)).isCloseTo(1.1e6, within(1e-6));
        // Filled 95% (above the threshold, not all): the offer stays.
        assertThat(WageBids.decide(RULE, 1.5e6, 0.95, 5e5, 1e6, 3e6)).isEqualTo(1.5e6);
        // Filled all, above the median $1.2M: eases by the step, $1.5M -> $1.3636M.
        assertThat(WageBids.decide(RULE, 1.5e6, 1.0, 1.2e6, 1e6, 3e6)).isCloseTo(1.5e6 / 1.1, within(1e-6));
        // Filled all, the median $1.45M within a step: eases to the median only.
        assertThat(WageBids.decide(RULE, 1.5e6, 1.0, 1.45e6, 1e6, 3e6)).isEqualTo(1.45e6);
        // Filled all, at or below the median: stays.
        assertThat(WageBids.decide(RULE, 1e6, 1.0, 2e6, 1e6, 3e6)).isEqualTo(1e6);
        // Filled all, above the median, which is below the floor: eases to the floor only.
        assertThat(WageBids.decide(RULE, 1.05e6, 1.0, 3e5, 1e6, 3e6)).isEqualTo(1e6);
        // The ceiling binds: $2.9M x 1.1 = $3.19M, held at $3M.
        assertThat(WageBids.decide(RULE, 2.9e6, 0.1, 5e5, 1e6, 3e6)).isEqualTo(3e6);
        // The ceiling from funds: $1B, half of it a year, 300 researchers -> $1.667M; base $1M x 3 = $3M is higher.
        assertThat(WageBids.ceiling(RULE, 1e6, 1e9, 300)).isCloseTo(0.5e9 / 300, within(1e-6));
        // No funds: the floor.
        assertThat(WageBids.ceiling(RULE, 1e6, 0, 300)).isEqualTo(1e6);
        // Plenty of funds: ceilingToBase x base.
        assertThat(WageBids.ceiling(RULE, 1e6, 1e12, 300)).isEqualTo(3e6);
        // An offer above a ceiling that fell (its funds ran down) is cut to it.
        assertThat(WageBids.decide(RULE, 2.5e6, 1.0, 1e6, 1e6, 1.2e6)).isEqualTo(1.2e6);
        assertThat(WageBids.fillShare(0, 0)).isEqualTo(1.0);
        assertThat(WageBids.fillShare(200, 50)).isEqualTo(0.75);
    }

    /** What one decision read and set. */
    private record Decision(int lab, int month, double offer, double openings, double unfilled, double funds, double researchers,
                            double median, double next) {}

    /** Steps a world and, at every decision month, reads what each lab knows before the wage step and what the step set. */
    static List<Decision> decisions(Scenario sc) {
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        List<Decision> out = new ArrayList<>();
        Fixtures.stepDeciding(w, s, WageBids.class, (m, decide) -> {
            double[] offer = s.payUsdPerYear.clone();
            double[] openings = s.openingsSinceDecision.clone();
            double[] unfilled = s.unfilledSinceDecision.clone();
            double[] funds = new double[w.labs];
            for (int i = 0; i < w.labs; i++) {
                // Its cash, its last 12 months' revenue, a year of its parent's funding cap (with financing), in that order.
                funds[i] = Math.max(0, s.cash[i]);
                for (int k = 0; k < 12; k++) funds[i] += s.revenueHistory[i * 12 + k];
                if (sc.mechanisms().financing()) funds[i] += sc.financing().parentFundingUsdPerYear(sc.labs().get(i).id());
            }
            double[] researchers = s.researchers.clone();
            boolean[] exited = s.exited.clone();
            double median = WageBids.median(w, s);
            decide.run();
            for (int i = 0; i < w.labs; i++) {
                if (exited[i] || sc.wageBids().schedule(sc.labs().get(i).id()) != null) continue;
                out.add(new Decision(i, m, offer[i], openings[i], unfilled[i], funds[i], researchers[i], median, s.payUsdPerYear[i]));
            }
        }, null);
        return out;
    }

    /** Every decision of the default world with the rule and of the landscape with its section is the rule worked again from what the lab saw. */
    @Test void everyDecisionIsTheRuleWorkedAgain() {
        int raised = 0;
        int capped = 0;
        for (Scenario sc : List.of(ON, landscape())) {
            WageBidsSpec p = sc.wageBids();
            List<Decision> all = decisions(sc);
            assertThat(all).hasSizeGreaterThan(50);
            for (Decision d : all) {
                String at = sc.name() + " " + sc.labs().get(d.lab).id() + " month " + d.month;
                double base = sc.labs().get(d.lab).researcherUsdPerYear();
                double fill = d.openings > 0 ? 1 - d.unfilled / d.openings : 1;
                double aim = fill < p.fillShareToRaise() ? d.offer * p.stepPerDecision()
                    : fill >= 1 && d.offer > d.median ? Math.max(d.median, d.offer / p.stepPerDecision()) : d.offer;
                double affordable = p.maxPayBillShareOfFunds() * d.funds / d.researchers;
                double ceiling = Math.max(p.floorToBase() * base, Math.min(p.ceilingToBase() * base, affordable));
                double expected = Math.max(p.floorToBase() * base, Math.min(ceiling, aim));
                assertThat(d.next).as(at).isEqualTo(expected);
                if (d.next == d.offer * p.stepPerDecision()) raised++;
                if (fill < p.fillShareToRaise() && d.next < d.offer * p.stepPerDecision()) capped++;
            }
        }
        assertThat(raised).as("decisions that raise the offer by the step").isPositive();
        assertThat(capped).as("decisions a ceiling holds below the step").isPositive();
    }

    /**
     * The default world is short of researchers (150 entrants a month against 1,000 openings): at the first decision (month 3)
     * every lab has filled less than 90% of its openings and offers its researcherUsdPerYear x 1.1 from then on, and pays
     * it to all its researchers: the month's pay bill is researchers x offer / 12.
     */
    @Test void aShortageRaisesTheOfferByTheStep() {
        RunResult r = Fixtures.ENGINE.run(ON.withMonths(6));
        for (Decision d : decisions(ON.withMonths(4))) {
            assertThat(1 - d.unfilled / d.openings).as("%s's fill share", ON.labs().get(d.lab).id()).isLessThan(0.9);
        }
        for (LabSpec l : ON.labs()) {
            double[] pay = r.series(l.id(), MetricNames.RESEARCHER_PAY_USD_PER_YEAR).values();
            for (int m = 0; m < 3; m++) assertThat(pay[m]).as("%s month %d", l.id(), m).isEqualTo(l.researcherUsdPerYear());
            for (int m = 3; m < 6; m++) assertThat(pay[m]).as("%s month %d", l.id(), m).isEqualTo(l.researcherUsdPerYear() * 1.1);
            double[] researchers = r.series(l.id(), MetricNames.RESEARCHERS).values();
            double[] salaries = r.series(l.id(), MetricNames.SALARIES_USD).values();
            assertThat(salaries[3]).isEqualTo(researchers[3] * pay[3] / 12);
            assertThat(salaries[2]).isEqualTo(researchers[2] * l.researcherUsdPerYear() / 12);
        }
    }

    /**
     * The ceilings bind: at most 1.15x the base pay (funds no limit: a year's pay bill up to 10x the funds), where a 1.1x step
     * twice would be 1.21x; and with a year's pay bill at most a millionth of its funds, no lab can raise: every offer stays
     * at its floor and the run is the run without the mechanism.
     */
    @Test void theCeilingsBind() {
        Scenario capped = ON.withWageBids(new WageBidsSpec(0.9, 1.1, 1.15, 1.0, 10, Map.of())).withMonths(12);
        RunResult r = Fixtures.ENGINE.run(capped);
        for (LabSpec l : capped.labs()) {
            double[] pay = r.series(l.id(), MetricNames.RESEARCHER_PAY_USD_PER_YEAR).values();
            assertThat(pay[3]).as(l.id()).isEqualTo(l.researcherUsdPerYear() * 1.1);
            assertThat(pay[6]).as(l.id()).isEqualTo(l.researcherUsdPerYear() * 1.15);
            assertThat(pay[11]).as(l.id()).isEqualTo(l.researcherUsdPerYear() * 1.15);
        }
        // A year's pay bill at most 1e-6 of its funds: no lab can afford to raise, every offer stays at the floor.
        RunResult poor = Fixtures.ENGINE.run(ON.withWageBids(new WageBidsSpec(0.9, 1.1, 3.0, 1.0, 1e-6, Map.of())).withMonths(12));
        RunResult off = Fixtures.ENGINE.run(OFF.withMonths(12));
        for (LabSpec l : capped.labs()) {
            for (double v : poor.series(l.id(), MetricNames.RESEARCHER_PAY_USD_PER_YEAR).values()) assertThat(v).isEqualTo(l.researcherUsdPerYear());
        }
        assertThat(RunDigest.of(poor)).isEqualTo(RunDigest.of(off));
    }

    /** A fixed schedule is followed from month 0, one factor per decision period, the last holding after, and is what the lab pays. */
    @Test void aFixedScheduleIsFollowed() {
        Scenario sc = ON.withWageBids(RULE.withFixedSchedules(Map.of("open-challenger", List.of(1.5, 2.0, 0.8)))).withMonths(15);
        RunResult r = Fixtures.ENGINE.run(sc);
        double base = sc.labs().get(sc.labIndex("open-challenger")).researcherUsdPerYear();
        double[] pay = r.series("open-challenger", MetricNames.RESEARCHER_PAY_USD_PER_YEAR).values();
        double[] researchers = r.series("open-challenger", MetricNames.RESEARCHERS).values();
        double[] salaries = r.series("open-challenger", MetricNames.SALARIES_USD).values();
        double[] factor = {1.5, 1.5, 1.5, 2.0, 2.0, 2.0, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8};
        for (int m = 0; m < 15; m++) {
            assertThat(pay[m]).as("month %d", m).isEqualTo(base * factor[m]);
            assertThat(salaries[m]).as("month %d", m).isEqualTo(researchers[m] * pay[m] / 12);
        }
    }

    /**
     * The higher offer wins researchers from the rivals. In month 0, before any decision, no lab reaches its openings in the
     * default world, so each lab hires the pool in proportion to exp(omega_w ln pay + omega_P prestige): the open challenger
     * offering 3x its pay multiplies its weight by 3^omega_w = 3 (omega_w = 1), so its hires over the frontier lab's triple,
     * exactly; after a year it has more researchers and every rival fewer. (Paying 3x to a staff that grows, it runs out of
     * money and exits in 2029: the offer is a cost too.)
     */
    @Test void theHigherOfferWinsResearchersFromARival() {
        Map<String, List<Double>> same = new LinkedHashMap<>();
        for (LabSpec l : ON.labs()) same.put(l.id(), List.of(1.0));
        Map<String, List<Double>> higher = new LinkedHashMap<>(same);
        higher.put("open-challenger", List.of(3.0));
        RunResult before = Fixtures.ENGINE.run(ON.withWageBids(RULE.withFixedSchedules(same)));
        RunResult after = Fixtures.ENGINE.run(ON.withWageBids(RULE.withFixedSchedules(higher)));
        double omega = ON.market().payWeight();
        double ratioBefore = hires0(before, "open-challenger") / hires0(before, "frontier-closed");
        double ratioAfter = hires0(after, "open-challenger") / hires0(after, "frontier-closed");
        assertThat(ratioAfter / ratioBefore).isCloseTo(Math.pow(3, omega), within(1e-9));
        int last = 11;
        assertThat(after.series("open-challenger", MetricNames.RESEARCHERS).values()[last])
            .isGreaterThan(before.series("open-challenger", MetricNames.RESEARCHERS).values()[last] * 1.2);
        for (LabSpec l : ON.labs()) {
            if (l.id().equals("open-challenger")) continue;
            assertThat(after.series(l.id(), MetricNames.RESEARCHERS).values()[last]).as(l.id())
                .isLessThan(before.series(l.id(), MetricNames.RESEARCHERS).values()[last]);
        }
    }

    /** Month 0's hires: researchers at the end of month 0 less those who stayed (attrition at a twelfth of the yearly rate). */
    private static double hires0(RunResult r, String lab) {
        double start = ON.labs().get(ON.labIndex(lab)).researchers();
        return r.series(lab, MetricNames.RESEARCHERS).values()[0] - (start - start * ON.market().researcherAttritionPerYear() / 12);
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        String bad = yaml.replace("mechanisms: {}", "wageBids: {fillShareToRaise: 0.9, stepPerDecision: 5, ceilingToBase: 3, floorToBase: 1, maxPayBillShareOfFunds: 0.5}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", bad)).isInstanceOf(InputException.class)
            .hasMessageContaining("w.yaml").hasMessageContaining("wageBids.stepPerDecision");
        String unknown = yaml.replace("mechanisms: {}", "wageBids: {fillShareToRaise: 0.9, stepPerDecision: 1.1, ceilingToBase: 3, floorToBase: 1, maxPayBillShareOfFunds: 0.5, fixedSchedules: {nobody: [1.0]}}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", unknown)).isInstanceOf(InputException.class).hasMessageContaining("nobody");
        String floor = yaml.replace("mechanisms: {}", "wageBids: {fillShareToRaise: 0.9, stepPerDecision: 1.1, ceilingToBase: 2, floorToBase: 3, maxPayBillShareOfFunds: 0.5}\nmechanisms: {}");
        assertThatThrownBy(() -> Scenarios.parse("w.yaml", floor)).isInstanceOf(InputException.class).hasMessageContaining("floorToBase");
    }
}
