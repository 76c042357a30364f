package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.TrainingBudgetSpec;

/**
 * Mechanism trainingBudget: switched off (or the section left out, or every lab on a schedule of
 * its own computeGrowthPerYear) the run is the one before it existed, bit for bit; a decision is the
 * documented arithmetic; a budget never exceeds what the lab can pay, and growth stays between 1x
 * and the lab's ambition; a fixed schedule is followed; bad values name the file, line and field.
 */
class TrainingBudgetTest {
    /** The default world with list API prices (apiPricing off, ApiPricingTest runs both), so off is the pinned run before budgets. */
    private static final Scenario ON = Fixtures.FOUR_LABS.with(MechanismSwitch.API_PRICING, false);
    private static final Scenario OFF = ON.with(MechanismSwitch.TRAINING_BUDGET, false);
    /**
     * Every series of the default world's 60 months as made by the code before the mechanism existed
     * (commit c2d983e; its timeseries.csv and summary.json are byte for byte those of this branch with
     * the switch off): off must give it again.
     * Re-pinned when the serving engine's expert GEMM curve and the market's FP8 fleets changed every
     * price (the old digest held with the old serving code).
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_TRAINING_BUDGET = "3d8dcd50f67e9f152f0d2a91c4eac73c616349d08102d55136feafc5a9120402";
    /**
     * Re-pinned when enterprise was added (the default world's major players have an enterprise block): {@link #BEFORE_TRAINING_BUDGET} is the
     * run above with it; with enterprise off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_TRAINING_BUDGET_WITHOUT_ENTERPRISE = "6e09499d98c5f7e5e3f78d3fb257561fcf7ba65dcaf1269bfe46c24320d50936";
    /**
     * Re-pinned when proPlans was added (the default world's frontier lab offers a $200 plan): {@link #BEFORE_TRAINING_BUDGET} is the
     * run above with it; with proPlans off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_TRAINING_BUDGET_WITHOUT_PRO_PLANS = "15f35fd38688785e327c989e2558109b12c3fef5f335d6fb8e3450251b84ef4e";

    /** Per decision: the lab, the month and the figures the rule read and set. */
    private record Decision(int lab, int month, double income, double incomeYearAgo, double runningCosts, double cash,
                            double flop, double budget, double expected, double growth) {}

    /** Steps the run and records, per lab and decision month, what the rule read (after the month is booked) and what it set. */
    private static List<Decision> decisions(Scenario sc) {
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        double[][] income = new double[sc.months()][w.labs];
        List<Decision> out = new java.util.ArrayList<>();
        int every = sc.financing().decisionEveryMonths();
        for (int m = 0; m < sc.months(); m++) {
            Runs.step(w, s, m, Fixtures.steps());
            for (int i = 0; i < w.labs; i++) {
                income[m][i] = s.revenue[i] + s.harvestRevenue[i];
                if (m == 0 || m % every != 0 || s.exited[i] || sc.trainingBudget().schedule(sc.labs().get(i).id()) != null) continue;
                double running = s.servingCost[i] + s.salaries[i] + s.marketing[i] + s.harvestSpend[i] + s.defence[i];
                out.add(new Decision(i, m, income[m][i], income[m >= 12 ? m - 12 : 0][i], running, s.cash[i], s.computeFlop[i],
                    s.trainingBudget[i], s.expectedRevenue[i], s.computeGrowth[i]));
            }
        }
        return out;
    }

    @Test void offIsTheRunBeforeItBitForBit() {
        RunResult off = Fixtures.ENGINE.run(OFF);
        assertThat(RunDigest.of(off)).isEqualTo(BEFORE_TRAINING_BUDGET);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_TRAINING_BUDGET_WITHOUT_ENTERPRISE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.PRO_PLANS, false).with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_TRAINING_BUDGET_WITHOUT_PRO_PLANS);
        assertThat(off.series("frontier-closed", MetricNames.TRAINING_BUDGET_USD)).isNull();
        // The section left out: no lab decides, the same run.
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.withTrainingBudget(null)))).isEqualTo(BEFORE_TRAINING_BUDGET);
        // Every lab on a fixed schedule of its own rate: the same run (the decision series aside, which RunDigest leaves out).
        Map<String, List<Double>> own = new java.util.LinkedHashMap<>();
        for (LabSpec l : ON.labs()) own.put(l.id(), List.of(l.computeGrowthPerYear()));
        TrainingBudgetSpec t = ON.trainingBudget();
        // Research compute off: a lab on a schedule still pays its whole R&D compute when it is on (ResearchComputeTest).
        Scenario finalRunsOnly = ON.with(MechanismSwitch.RESEARCH_COMPUTE, false);
        RunResult fixed = Fixtures.ENGINE.run(finalRunsOnly.withTrainingBudget(new TrainingBudgetSpec(t.rdComputeShareOfRevenue(), t.finalRunShareOfRdCompute(),
            t.expectedGrowthCapPerYear(), own)));
        assertThat(RunDigest.of(fixed)).isEqualTo(BEFORE_TRAINING_BUDGET);
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(on.series("frontier-closed", MetricNames.TRAINING_BUDGET_USD)).isNotNull();
        assertThat(RunDigest.of(on)).isNotEqualTo(BEFORE_TRAINING_BUDGET);
    }

    /** The rule's arithmetic on numbers worked by hand. */
    @Test void budgetIsTheDocumentedArithmetic() {
        TrainingBudgetSpec t = new TrainingBudgetSpec(1.35, 0.1, 2.5, Map.of());
        // Expected $10B, running costs $5B a year, $1B of cash: target 0.1 x 1.35 x 10 = $1.35B; affordable 1 + 10 - 5 = $6B.
        assertThat(TrainingBudget.budget(t, 10e9, 0, 5e9, 1e9, false)).isCloseTo(1.35e9, within(1.0));
        // $4B in debt: affordable -4 + 10 - 5 = $1B binds.
        assertThat(TrainingBudget.budget(t, 10e9, 0, 5e9, -4e9, false)).isCloseTo(1e9, within(1.0));
        // Deeper: nothing is affordable, the budget is 0 (not negative).
        assertThat(TrainingBudget.budget(t, 10e9, 0, 5e9, -20e9, false)).isZero();
        // A parent paying $12B a year, $1B of expected revenue, $3B of running costs: the parent's $12B less the $2B
        // shortfall funds R&D compute: 0.1 x (1.35 x 1 + 10) = $1.135B; affordable 0 + 1 + 12 - 3 = $10B.
        assertThat(TrainingBudget.budget(t, 1e9, 12e9, 3e9, 0, false)).isCloseTo(1.135e9, within(1.0));
        // Paying the whole R&D compute (researchCompute): the target is 1.35 x 10 = $13.5B, and the $6B affordable binds.
        assertThat(TrainingBudget.budget(t, 10e9, 0, 5e9, 1e9, true)).isCloseTo(6e9, within(1.0));
        assertThat(TrainingBudget.budget(t, 10e9, 0, 5e9, 10e9, true)).isCloseTo(13.5e9, within(1.0));
        // Expected revenue: $100M this month, $50M a year ago, capped at 2.5x: 12 x 100M x 2 = $2.4B; at 4x growth the cap: 12 x 100M x 2.5.
        World w = Fixtures.world(ON);
        MarketState s = Runs.start(w);
        s.revenueHistory[3] = 50e6; // lab 0, month 15 - 12 = 3
        assertThat(TrainingBudget.expectedRevenue(s, 0, 15, 100e6, 2.5)).isCloseTo(2.4e9, within(1e-3));
        s.revenueHistory[3] = 25e6;
        assertThat(TrainingBudget.expectedRevenue(s, 0, 15, 100e6, 2.5)).isCloseTo(3.0e9, within(1e-3));
        // In the first year growth is against month 0, annualised: from $50M to $60M in 6 months is 1.2^2 = 1.44 a year.
        s.revenueHistory[0] = 50e6;
        assertThat(TrainingBudget.expectedRevenue(s, 0, 6, 60e6, 2.5)).isCloseTo(12 * 60e6 * 1.44, within(1e-3));
    }

    /**
     * Every decision of the default world, recomputed: the expected revenue and budget from what the lab
     * had, and the growth from the budget through the closed form of the year's cost (cost per FLOP
     * falls by hardwareCostDeclinePerYear, so the next 12 months at growth g cost
     * usd0 x sum_k (g/d)^(k/12), a geometric series).
     */
    @Test void everyDecisionOfTheDefaultWorldIsTheRuleWorkedAgain() {
        TrainingBudgetSpec t = ON.trainingBudget();
        double d = ON.technology().hardwareCostDeclinePerYear();
        World w = Fixtures.world(ON);
        int interior = 0;
        List<Decision> all = decisions(ON);
        assertThat(all).hasSizeGreaterThan(50);
        for (Decision x : all) {
            LabSpec l = ON.labs().get(x.lab);
            double years = (x.month - (x.month >= 12 ? x.month - 12 : 0)) / 12.0;
            double growth = x.incomeYearAgo > 0 ? Math.pow(x.income / x.incomeYearAgo, 1 / years) : x.income > 0 ? t.expectedGrowthCapPerYear() : 1;
            double expected = 12 * x.income * Math.min(growth, t.expectedGrowthCapPerYear());
            assertThat(x.expected).as("%s %d", l.id(), x.month).isCloseTo(expected, within(expected * 1e-12 + 1e-6));
            double parent = ON.financing().parentFundingUsdPerYear(l.id());
            double running = 12 * x.runningCosts;
            // With researchCompute on (the default) the budget is the whole R&D compute, and each month's training costs the final run's / finalRunShareOfRdCompute.
            boolean research = ON.mechanisms().isOn(MechanismSwitch.RESEARCH_COMPUTE);
            double rd = t.rdComputeShareOfRevenue() * expected + Math.max(0, parent - Math.max(0, running - expected));
            double target = research ? rd : t.finalRunShareOfRdCompute() * rd;
            double affordable = Math.max(0, x.cash + expected + parent - running);
            assertThat(x.budget).isCloseTo(Math.min(target, affordable), within(1e-3));
            assertThat(x.budget).as("never more than the lab can pay").isLessThanOrEqualTo(affordable);
            double lo = Math.min(1, l.computeGrowthPerYear());
            double hi = l.computeGrowthPerYear();
            assertThat(x.growth).as("%s %d", l.id(), x.month).isBetween(lo, hi);
            double usd0 = w.costs.trainingUsd(x.lab, x.flop, x.month) / l.releaseEveryMonths() / (research ? t.finalRunShareOfRdCompute() : 1);
            double cost = yearCost(usd0, x.growth, d);
            if (x.growth > lo && x.growth < hi) {
                interior++;
                assertThat(cost).isCloseTo(x.budget, within(x.budget * 1e-9));
            }
            if (x.growth == hi) assertThat(yearCost(usd0, hi, d)).isLessThanOrEqualTo(x.budget * (1 + 1e-12));
            if (x.growth == lo && lo < hi) assertThat(yearCost(usd0, lo, d)).isGreaterThanOrEqualTo(x.budget * (1 - 1e-12));
        }
        assertThat(interior).as("the budget binds between the bounds somewhere in the default world").isPositive();
    }

    private static double yearCost(double usd0, double g, double d) {
        double x = Math.pow(g / d, 1 / 12.0);
        return usd0 * (Math.abs(x - 1) < 1e-15 ? 12 : x * (Math.pow(x, 12) - 1) / (x - 1));
    }

    /** With nothing to spend (R&D share 0 and no parent), every deciding lab keeps its run at 1x from its first decision on. */
    @Test void noBudgetHoldsTheRunAtItsSize() {
        Scenario sc = ON.withTrainingBudget(new TrainingBudgetSpec(0, 0.1, 2.5, Map.of())).withFinancing(ON.financing().forLabs(List.of()));
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        double[] atFirstDecision = null;
        for (int m = 0; m < sc.months(); m++) {
            Runs.step(w, s, m, Fixtures.steps());
            if (m == sc.financing().decisionEveryMonths()) atFirstDecision = s.computeFlop.clone();
            if (atFirstDecision != null && m > sc.financing().decisionEveryMonths()) {
                for (int i = 0; i < w.labs; i++) {
                    if (s.exited[i]) continue;
                    assertThat(s.computeGrowth[i]).isEqualTo(1.0);
                    assertThat(s.computeFlop[i]).isEqualTo(atFirstDecision[i]);
                }
            }
        }
    }

    /** A lab on a fixed schedule takes its growth year by year, and sets no budget. */
    @Test void aFixedScheduleIsFollowed() {
        TrainingBudgetSpec t = ON.trainingBudget();
        // Final runs only: paying ten times its runs' cost in R&D compute, the small lab would run out of money and stop its runs.
        Scenario sc = ON.with(MechanismSwitch.RESEARCH_COMPUTE, false).withTrainingBudget(new TrainingBudgetSpec(t.rdComputeShareOfRevenue(), t.finalRunShareOfRdCompute(),
            t.expectedGrowthCapPerYear(), Map.of("small-open", List.of(2.0, 1.5))));
        int lab = sc.labIndex("small-open");
        double c0 = sc.labs().get(lab).trainingComputeFlop();
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        double[] flop = new double[sc.months()];
        for (int m = 0; m < sc.months(); m++) {
            Runs.step(w, s, m, Fixtures.steps());
            flop[m] = s.computeFlop[lab];
            assertThat(s.trainingBudget[lab]).isZero();
        }
        assertThat(flop[11]).isCloseTo(c0 * Math.pow(2.0, 11 / 12.0), within(c0 * 1e-12));
        assertThat(flop[23]).isCloseTo(c0 * Math.pow(2.0, 11 / 12.0) * 1.5, within(c0 * 1e-12));
        assertThat(flop[59]).isCloseTo(c0 * Math.pow(2.0, 11 / 12.0) * Math.pow(1.5, 4), within(c0 * 1e-11)); // the last value holds
    }

    /** The default world: the frontier lab's 2028-2029 runs grow below its 4x ambition, and it does not run out of money. */
    @Test void theDefaultWorldsFrontierLabSizesItsRunsToItsMoney() {
        RunResult on = Fixtures.ENGINE.run(ON);
        Series g = on.series("frontier-closed", MetricNames.COMPUTE_GROWTH_PER_YEAR);
        assertThat(g.at(g.months() - 1)).isLessThan(4.0);
        assertThat(on.series("frontier-closed", MetricNames.EXITED).at(g.months() - 1)).isZero();
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("rdComputeShareOfRevenue: 1.35", "rdComputeShareOfRevenue: -1")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("trainingBudget.rdComputeShareOfRevenue");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("finalRunShareOfRdCompute: 0.1 ", "finalRunShareOfRdCompute: 0 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("trainingBudget.finalRunShareOfRdCompute");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("expectedGrowthCapPerYear: 2.5", "expectedGrowthCapPerYear: 0.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("trainingBudget.expectedGrowthCapPerYear");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("fixedSchedules: {}", "fixedSchedules: {frontier-closd: [2.0]}")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("trainingBudget.fixedSchedules")
            .hasMessageContaining("frontier-closd");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("fixedSchedules: {}", "fixedSchedules: {frontier-closed: []}")))
            .isInstanceOf(InputException.class).hasMessageContaining("trainingBudget.fixedSchedules.frontier-closed");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("fixedSchedules: {}", "fixedSchedules: {frontier-closed: [4.0, 0]}")))
            .isInstanceOf(InputException.class).hasMessageContaining("trainingBudget.fixedSchedules.frontier-closed");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("mechanisms: {}", "mechanisms: {trainingBudgets: false}")))
            .isInstanceOf(InputException.class).hasMessageContaining("trainingBudget");
    }
}
