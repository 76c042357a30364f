package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.PlanPricingSpec;
import owsim.scenario.PlanPricingSpec.Objective;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.SegmentSpec;

/**
 * {@code planPricing.objective: profit}: the field left out is the margin band, bit for bit; a fixed
 * schedule still overrides the rule; the fee a lab takes is the best of three whose profits are
 * worked by hand (the logit summed here over every set of known labs); a plan whose subscribers care
 * little about the fee is raised, one whose subscribers care as much as the four-lab world's is cut.
 */
class PlanProfitTest {
    /** The demonstration's rule (scenarios/plan-profit.yaml): the band's caps, fees for profit on $5 points, 1.34x a step. */
    static final PlanPricingSpec PROFIT = new PlanPricingSpec(0.5, 4.0, 1.5, 0.5, 4.0, 1.34, 5.0, null, Map.of(), Objective.PROFIT);
    private static final Scenario FOUR = Fixtures.FOUR_LABS;

    @Test void leftOutIsTheMarginBandBitForBit() {
        assertThat(PlanPricingTest.RULE.objective()).isEqualTo(Objective.MARGIN_BAND);
        assertThat(PlanPricingTest.RULE.withObjective(Objective.MARGIN_BAND)).isEqualTo(PlanPricingTest.RULE);
        String band = RunDigest.of(Fixtures.ENGINE.run(FOUR.withPlanPricing(PlanPricingTest.RULE)));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(FOUR.withPlanPricing(PlanPricingTest.RULE.withObjective(Objective.MARGIN_BAND))))).isEqualTo(band);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(FOUR.withPlanPricing(PlanPricingTest.RULE.withObjective(Objective.PROFIT))))).isNotEqualTo(band);
        // Switched off, the profit objective is the run without the mechanism.
        assertThat(RunDigest.of(Fixtures.ENGINE.run(FOUR.withPlanPricing(PROFIT).with(MechanismSwitch.PLAN_PRICING, false))))
            .isEqualTo(WageBidsTest.BEFORE_WAGE_BIDS);
    }

    @Test void theFieldReadsFromYamlAndNamesItsErrors() throws java.io.IOException {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("..", "scenarios", "plan-profit.yaml"));
        Scenario demo = Scenarios.parse("x.yaml", yaml);
        assertThat(demo.planPricing()).isEqualTo(PROFIT);
        assertThat(demo.planPricing().forProfit()).isTrue();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("  objective: profit ", "  objective: revenue ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("objective").hasMessageContaining("margin-band, profit");
    }

    /** The frontier lab on a schedule (fee 1x then 1.5x) with the profit objective on: its fees are the schedule's, not the rule's. */
    @Test void aFixedScheduleStillOverrides() {
        Scenario sc = FOUR.withMonths(7).withPlanPricing(PROFIT.withFixedSchedules(
            Map.of("frontier-closed", new PlanPricingSpec.Schedule(List.of(1.0, 1.5), List.of(1.0, 0.5)))));
        RunResult r = Fixtures.ENGINE.run(sc);
        double[] fee = r.series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_MONTH).values();
        double[] proFee = r.series("frontier-closed", MetricNames.PRO_USD_PER_MONTH).values();
        for (int m = 0; m < 7; m++) {
            assertThat(fee[m]).as("month %d", m).isEqualTo(m < 3 ? 20.0 : 30.0);
            assertThat(proFee[m]).as("month %d", m).isEqualTo(m < 3 ? 200.0 : 300.0);
        }
        // Without the schedule the rule moves the fee off $20 by month 6.
        assertThat(Fixtures.ENGINE.run(sc.withPlanPricing(PROFIT)).series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_MONTH).values()[6])
            .isNotEqualTo(20.0);
    }

    @Test void candidatesAreOnePricePointEachWayWithinTheStep() {
        assertThat(PlanPricing.candidates(PROFIT, 20)).containsExactly(15, 25);
        // At 1.25 a step, $15 is 1.33x below $20: out of reach; $25 is exactly the step.
        assertThat(PlanPricing.candidates(PlanPricingTest.RULE, 20)).containsExactly(Double.NaN, 25);
        // Off the grid, onto it: $249.99 -> $245 or $250.
        assertThat(PlanPricing.candidates(PROFIT, 249.99)).containsExactly(245, 250);
        // $5 has no point below it above 0; $10 -> $5 is 2x, beyond the step.
        assertThat(PlanPricing.candidates(PROFIT, 5)).containsExactly(Double.NaN, Double.NaN);
        assertThat(PlanPricing.candidates(PROFIT, 0)).containsExactly(Double.NaN, Double.NaN);
    }

    /**
     * The four-lab world without pro plans, at its first decision (month 3): the frontier lab's
     * profit from its own options at $15, $20 and $25, worked here: for each class it offers the plan
     * to, the people times, for its plan, free tier and API, the logit probability summed over every
     * set of labs a user may know (each known with its segment's awareness), with the plan's exp(V) at
     * a fee F its exp(V) at $20 times exp(-beta (F - 20)), times payment minus serving cost (F minus
     * the plan's tokens' serving cost for the plan; the free tier's ads added). The rule's profits
     * are these, and the fee it takes is the best of the three; the prediction leaves the offers as they were.
     */
    @Test void theFeeIsTheBestOfThreeWorkedByHand() {
        Scenario sc = FOUR.with(MechanismSwitch.PRO_PLANS, false).withMonths(4).withPlanPricing(PROFIT);
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        int i = 0;
        assertThat(sc.labs().get(i).id()).isEqualTo("frontier-closed");
        double[] chosen = {Double.NaN, Double.NaN};
        Fixtures.stepDeciding(w, s, PlanPricing.class, (m, decide) -> {
            double fee = s.planFeeUsd[i];
            assertThat(fee).isEqualTo(20.0);
            double cap = PlanPricing.decide(PROFIT, fee, s.planCapTokens[i], w.labTable.planFeeUsd[i], w.labTable.planCapTokens[i],
                s.planPeriodRevenue[2 * i], s.planPeriodServing[2 * i])[1];
            double keptCap = s.planCapTokens[i];
            double[] pay = s.offerPay.clone();
            double[] serving = s.offerServing.clone();
            double[] shortfall = s.offerShortfallUsd.clone();
            s.planCapTokens[i] = cap;
            double[] fees = {15, 20, 25};
            PlanProfit rule = new PlanProfit(w, s);
            rule.save(i);
            double[] byRule = new double[3];
            for (int k = 0; k < 3; k++) byRule[k] = rule.profit(i, fees[k], s.proFeeUsd[i]);
            rule.profit(i, fee, s.proFeeUsd[i]); // the offers at $20, read below
            double[] byHand = byHand(w, s, i, fees, fee);
            rule.restore(i);
            s.planCapTokens[i] = keptCap;
            assertThat(s.offerPay).containsExactly(pay);
            assertThat(s.offerServing).containsExactly(serving);
            assertThat(s.offerShortfallUsd).containsExactly(shortfall);
            for (int k = 0; k < 3; k++) assertThat(byRule[k]).as("fee %s", fees[k]).isCloseTo(byHand[k], within(1e-9 * Math.abs(byHand[k])));
            int best = 1;
            if (byHand[0] > byHand[best]) best = 0;
            if (byHand[2] > byHand[best]) best = 2;
            chosen[0] = fees[best];
            decide.run();
            chosen[1] = s.planFeeUsd[i];
            assertThat(s.planCapTokens[i]).isEqualTo(cap);
        }, null);
        assertThat(chosen[1]).isEqualTo(chosen[0]);
        assertThat(chosen[1]).isNotEqualTo(20.0); // a move, so the test sees the rule choose
    }

    /** The hand's profits at {@code fees}, the lab's subscription offers priced at {@code at}. */
    private static double[] byHand(World w, MarketState s, int i, double[] fees, double at) {
        int sub = w.optionTable.base(i) + OptionTable.SUB;
        double[] out = new double[fees.length];
        double[] expV = new double[w.options];
        double[] lnD = OptionWeights.lnDerivatives(w, s);
        LastValueCache exp = new LastValueCache(w.options, Math::exp);
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            if (!s.offerAvailable[row + sub]) continue;
            int g = w.userClasses.segment[c];
            SegmentSpec seg = w.scenario.segments().get(g);
            assertThat(s.offerPay[row + sub]).isEqualTo(at);
            OptionWeights.weights(w, s, c, lnD, expV, exp);
            double[] labW = new double[w.labs];
            for (int r = 0; r < s.offeredCount[c]; r++) labW[w.optionTable.lab[s.offered[row + r]]] += expV[s.offered[row + r]];
            double people = s.population[g] * w.userClasses.weight[c];
            // The lab's free tier and API in this class: exp(V) times payment minus serving (plus ads on the free tier).
            double others = 0;
            for (int r = 0; r < s.offeredCount[c]; r++) {
                int o = s.offered[row + r];
                if (o == sub || w.optionTable.lab[o] != i || w.optionTable.kindCode[o] > OptionTable.API_CODE) continue;
                double ads = w.optionTable.kindCode[o] == owsim.scenario.OptionKind.FREE.ordinal() ? Advertising.usdPerFreeUser(w, s.month, i, g) : 0;
                others += expV[o] * (s.offerPay[row + o] - s.offerServing[row + o] + ads);
            }
            for (int k = 0; k < fees.length; k++) {
                double own = expV[sub] * Math.exp(-seg.priceWeightPerUsd() * (fees[k] - at));
                double p = 0;
                double rest = 0;
                for (int set = 0; set < 1 << w.labs; set++) {
                    if ((set & 1 << i) == 0) continue;
                    double prob = 1;
                    double d = 1;
                    for (int l = 0; l < w.labs; l++) {
                        double a = s.awareness(g, l);
                        boolean knows = (set & 1 << l) != 0;
                        prob *= knows ? a : 1 - a;
                        if (knows) d += l == i ? labW[l] - expV[sub] + own : labW[l];
                    }
                    p += prob * own / d;
                    rest += prob * others / d;
                }
                out[k] += people * (p * (fees[k] - s.offerServing[row + sub]) + rest);
            }
        }
        return out;
    }

    /** The frontier lab's fee at the end of a year with the profit rule, every segment's price weight times {@code factor}. */
    private static double feeAfterAYear(double factor) {
        List<SegmentSpec> segs = FOUR.segments().stream().map(g -> g.withPriceWeight(g.priceWeightPerUsd() * factor)).toList();
        RunResult r = Fixtures.ENGINE.run(FOUR.withSegments(segs).withMonths(12).withPlanPricing(PROFIT));
        return r.series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_MONTH).values()[11];
    }

    /**
     * Subscribers who care little about the fee (every price weight a twentieth of the four-lab world's): the fee
     * rises a point a quarter; the world's own (consumers 0.15 utils per USD a month) and three tenths of them: it is cut.
     * (Far more price-sensitive users, 3x, leave mostly heavy users on the plan, who cost more than its fee: then the
     * rule raises the fee to shed them, a selection effect, not a price elasticity; docs/MODEL.md.)
     */
    @Test void inelasticDemandRaisesTheFeeElasticCutsIt() {
        assertThat(feeAfterAYear(0.05)).isEqualTo(35.0);
        assertThat(feeAfterAYear(1)).isEqualTo(15.0);
        assertThat(feeAfterAYear(0.3)).isEqualTo(15.0);
    }
}
