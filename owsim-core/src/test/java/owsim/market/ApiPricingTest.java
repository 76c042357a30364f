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
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.scenario.ApiPricingSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism apiPricing: switched off (or the section left out, or every lab on a schedule of its
 * list price) the run is the one before it existed, bit for bit; every decision of the default world
 * is the documented rule worked again; with keepMatching the open labs' prices no longer cycle, and
 * without it the run is the rule's before, bit for bit; a fixed schedule is followed and is what the API offer
 * charges; bad values name the file, line and field.
 */
class ApiPricingTest {
    private static final Scenario ON = Fixtures.FOUR_LABS;
    private static final Scenario OFF = ON.with(MechanismSwitch.API_PRICING, false);
    /**
     * Every series of the default world's 60 months as made by the code before the mechanism existed
     * (the parent of the commit that added it, whose default world had no apiPricing section; the
     * same digest computed over its run): off must give it again.
     * Re-pinned when researchCompute was merged: the default world without apiPricing is now the
     * research-compute branch's default world (its owsim run files equal this code's with the switch off, byte for byte).
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_API_PRICING = "3cfe18bf97824c55bfec7daee82513e8b6c6e8bfc1624e3ed01d2001c431672d";
    /**
     * Re-pinned when enterprise was added (the default world's major players have an enterprise block): {@link #BEFORE_API_PRICING} is the
     * run above with it; with enterprise off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_API_PRICING_WITHOUT_ENTERPRISE = "de817ec104b73b2ce43b2c74183793cd53fb1c91a07ae41039395d984a2de6e4";
    /**
     * Re-pinned when proPlans was added (the default world's frontier lab offers a $200 plan): {@link #BEFORE_API_PRICING} is the
     * run above with it; with proPlans off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_API_PRICING_WITHOUT_PRO_PLANS = "261121ef91d98e4e14cf7b7f088a0bf523cf93219212dceec6f37cdaa9efd517";
    /**
     * Every series of the default world's 60 months with apiPricing on, as made by the code before keepMatching (the
     * parent of the commit that added it, main at 2861665; its owsim run files equal this code's with keepMatching false, byte for byte).
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String RULE_BEFORE_KEEP_MATCHING = "ce3cbd99672ea7fa6b4f6cd0fe0e4c14f5a7228afb6cf03799b43b74b813e6b7";
    /**
     * Re-pinned when enterprise was added (the default world's major players have an enterprise block): {@link #RULE_BEFORE_KEEP_MATCHING} is the
     * run above with it; with enterprise off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String RULE_BEFORE_KEEP_MATCHING_WITHOUT_ENTERPRISE = "c43e7eb19d1b08c9335cdd19cf869b68cd070fe2397c915473e0999059cf03d6";
    /**
     * Re-pinned when proPlans was added (the default world's frontier lab offers a $200 plan): {@link #RULE_BEFORE_KEEP_MATCHING} is the
     * run above with it; with proPlans off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String RULE_BEFORE_KEEP_MATCHING_WITHOUT_PRO_PLANS = "147311fdd0a50513fa92aea8e3e61995eaed4624516dfa0bd9ec2b957ca35858";
    private static final int API = OptionKind.API.ordinal();

    @Test void offIsTheRunBeforeItBitForBit() {
        RunResult off = Fixtures.ENGINE.run(OFF);
        assertThat(RunDigest.of(off)).isEqualTo(BEFORE_API_PRICING);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_API_PRICING_WITHOUT_ENTERPRISE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.PRO_PLANS, false).with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_API_PRICING_WITHOUT_PRO_PLANS);
        assertThat(off.series("frontier-closed", MetricNames.API_USD_PER_MILLION_TOKENS)).isNull();
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.withApiPricing(null)))).isEqualTo(BEFORE_API_PRICING);
        // Every lab with an API on a schedule of its list price: the same run (the price series aside, which RunDigest leaves out).
        Map<String, List<Double>> list = new LinkedHashMap<>();
        for (LabSpec l : ON.labs()) if (l.api() != null) list.put(l.id(), List.of(1.0));
        ApiPricingSpec p = ON.apiPricing();
        RunResult fixed = Fixtures.ENGINE.run(ON.withApiPricing(p.withFixedSchedules(list)));
        assertThat(RunDigest.of(fixed)).isEqualTo(BEFORE_API_PRICING);
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(on.series("frontier-closed", MetricNames.API_USD_PER_MILLION_TOKENS)).isNotNull();
        assertThat(RunDigest.of(on)).isNotEqualTo(BEFORE_API_PRICING);
    }

    /** The rule on numbers worked by hand: target 2.5x, floor 1.25x, step 2x. */
    @Test void theRuleIsTheDocumentedArithmetic() {
        ApiPricingSpec p = new ApiPricingSpec(2.5, 1.25, 2.0, 0.3, 0.1, true, Map.of());
        double inf = Double.POSITIVE_INFINITY;
        // Price $10, cost $1: the target $2.50 is more than a step away, so the price halves.
        assertThat(rule(p, 10, 1, inf)).isEqualTo(5.0);
        // Price $3, cost $1: the target is within a step.
        assertThat(rule(p, 3, 1, inf)).isEqualTo(2.5);
        // Price $1, cost $1 (priced at cost): up toward $2.50 by at most 2x.
        assertThat(rule(p, 1, 1, inf)).isEqualTo(2.0);
        // Losing share, a rival at $2.80 below the price $3: follow it.
        assertThat(rule(p, 3, 1, 2.8)).isEqualTo(2.8);
        // A rival at $0.50: follow it down to the floor $1.25 only.
        assertThat(rule(p, 2, 1, 0.5)).isEqualTo(1.25);
        // A rival dearer than the price: the target again.
        assertThat(rule(p, 2, 1, 2.2)).isEqualTo(2.5);
        // A steep fall is still one step a decision.
        assertThat(rule(p, 8, 1, 0.5)).isEqualTo(4.0);
        // Matching (it followed a rival before), not losing share: it keeps matching the cheapest rival while that
        // rival undercuts its target $2.50, up (a rival now at $1.80 above its $1.50) or down (to the floor), never to the target.
        assertThat(ApiPricing.matches(2.5, p, 1.5, 1, 1.8, false, true)).isTrue();
        assertThat(ApiPricing.decide(2.5, p, 1.5, 1, 1.8, true)).isEqualTo(1.8);
        assertThat(ApiPricing.matches(2.5, p, 1.5, 1, 0.5, false, true)).isTrue();
        assertThat(ApiPricing.decide(2.5, p, 1.5, 1, 0.5, true)).isEqualTo(1.25);
        // No rival undercuts the target any more (the cheapest at $3): it stops matching and aims at its target.
        assertThat(ApiPricing.matches(2.5, p, 1.5, 1, 3.0, false, true)).isFalse();
        assertThat(ApiPricing.decide(2.5, p, 1.5, 1, 3.0, false)).isEqualTo(2.5);
        // Not matching and not losing share: the target, whatever the rivals charge.
        assertThat(ApiPricing.matches(2.5, p, 1.5, 1, 0.5, false, false)).isFalse();
    }

    /** The rule for a lab that lost share (a finite rival: one was looked for) and was not matching. */
    private static double rule(ApiPricingSpec p, double price, double cost, double rival) {
        return ApiPricing.decide(2.5, p, price, cost, rival, ApiPricing.matches(2.5, p, price, cost, rival, true, false));
    }

    /** What one decision read (before the step) and set: whether it was matching before and is after. */
    private record Decision(int lab, int month, double price, double cost, double share, double shareBefore, double rival,
                            boolean matchingBefore, boolean matching, double next) {}

    /**
     * Steps the default world and, at every decision month, reads what each deciding lab knows
     * before the pricing step (its price, cost, shares, whether it was matching and the cheapest rival) and what the step set.
     */
    private static List<Decision> decisions(Scenario sc) {
        World w = Fixtures.world(sc);
        MarketState s = Runs.start(w);
        ApiPricingSpec p = sc.apiPricing();
        List<Decision> out = new ArrayList<>();
        Fixtures.stepDeciding(w, s, ApiPricing.class, (m, decide) -> {
            double cf = w.costs.costFactor(m);
            double[] price = s.apiUsdPerToken.clone();
            double[] before = s.apiShareAtDecision.clone();
            boolean[] matching = s.apiMatching.clone();
            double[] cost = new double[w.labs];
            double[] rival = new double[w.labs];
            for (int i = 0; i < w.labs; i++) {
                LabSpec l = sc.labs().get(i);
                Release f = s.frontier(i);
                if (l.api() == null || f == null || s.exited[i] || p.schedule(l.id()) != null) continue;
                cost[i] = w.costs.ownApiFleet(f).usdPerToken(l.fleetOwned()) * cf;
                rival[i] = ApiPricing.cheapestRival(w, s, i, f.capability - p.rivalCapabilityBand(), cf);
            }
            decide.run();
            for (int i = 0; i < w.labs; i++) {
                if (cost[i] > 0) {
                    out.add(new Decision(i, m, price[i], cost[i], s.apiShareLastMonth[i], before[i], rival[i], matching[i], s.apiMatching[i], s.apiUsdPerToken[i]));
                }
            }
        }, null);
        return out;
    }

    @Test void everyDecisionOfTheDefaultWorldIsTheRuleWorkedAgain() {
        ApiPricingSpec p = ON.apiPricing();
        assertThat(p.keepMatching()).isTrue();
        List<Decision> all = decisions(ON);
        assertThat(all).hasSizeGreaterThan(50);
        int followed = 0;
        int kept = 0;
        int moved = 0;
        for (Decision d : all) {
            String at = ON.labs().get(d.lab).id() + " month " + d.month;
            double target = p.targetFor(ON.labs().get(d.lab).id());
            boolean losing = d.shareBefore > 0 && d.share < d.shareBefore * (1 - p.shareLossToFollow());
            boolean follows = losing && d.rival < d.price;
            boolean keeps = d.matchingBefore && d.rival < target * d.cost;
            assertThat(d.matching).as(at).isEqualTo(follows || keeps);
            double aim = follows || keeps ? Math.max(d.rival, p.floorPriceToCost() * d.cost) : target * d.cost;
            double expected = Math.min(d.price * p.maxStepPerDecision(), Math.max(d.price / p.maxStepPerDecision(), aim));
            assertThat(d.next).as(at).isCloseTo(expected, within(expected * 1e-12));
            // Never more than a step, and never below the floor unless it came from further below (a step up at most).
            assertThat(d.next).as(at).isBetween(d.price / p.maxStepPerDecision() * (1 - 1e-12), d.price * p.maxStepPerDecision() * (1 + 1e-12));
            if (d.next < d.price) assertThat(d.next).as(at).isGreaterThanOrEqualTo(p.floorPriceToCost() * d.cost * (1 - 1e-12));
            // While matching, never above its target.
            if (d.matching && d.next > d.price) assertThat(d.next).as(at).isLessThanOrEqualTo(target * d.cost * (1 + 1e-12));
            if (follows) followed++;
            if (keeps && !follows) kept++;
            if (d.next != d.price) moved++;
        }
        assertThat(moved).as("prices move in the default world").isPositive();
        assertThat(followed).as("some lab follows a cheaper rival in the default world").isPositive();
        assertThat(kept).as("some lab keeps matching a rival without losing share in the default world").isPositive();
    }

    /**
     * Swings of a price series at the decision months: a move by more than {@code factor} followed, at the next
     * decision, by a move by more than {@code factor} the other way.
     */
    static int swings(double[] series, int every, double factor) {
        int n = 0;
        double last = 0; // log of the last move, 0 when it was within the factor
        for (int m = every; m < series.length; m += every) {
            double move = series[m - every] > 0 && series[m] > 0 ? Math.log(series[m] / series[m - every]) : 0;
            if (Math.abs(move) <= Math.log(factor)) move = 0;
            if (move != 0 && last != 0 && Math.signum(move) != Math.signum(last)) n++;
            last = move;
        }
        return n;
    }

    /**
     * The known artefact of the rule without {@code keepMatching}: the open labs' prices swing by up to a step a quarter
     * (follow a rival down, regain share, step back up to the target, lose share, ...). With it, each open lab swings at
     * most once over the 60 months (its first decision raises its list price toward its target, the share it then loses
     * makes it follow a rival, and it keeps matching). A swing is two successive quarterly moves the opposite way, each by
     * more than a factor 1.25: a quarter's fall in the cost per FLOP is a factor 1.09, so a swing is a decision, not the cost.
     * When written: 5 and 10 swings without it, 1 and 0 with it (the tolerances: at most 1 each with, at least 4 each and
     * 10 together without).
     */
    @Test void theOpenLabsNoLongerCycle() {
        int every = ON.financing().decisionEveryMonths();
        RunResult on = Fixtures.ENGINE.run(ON);
        RunResult cycling = Fixtures.ENGINE.run(ON.withApiPricing(ON.apiPricing().withKeepMatching(false)));
        int before = 0;
        for (String lab : List.of("open-challenger", "small-open")) {
            double[] now = on.series(lab, MetricNames.API_USD_PER_MILLION_TOKENS).values();
            double[] then = cycling.series(lab, MetricNames.API_USD_PER_MILLION_TOKENS).values();
            assertThat(swings(now, every, 1.25)).as(lab + " with keepMatching").isLessThanOrEqualTo(1);
            assertThat(swings(then, every, 1.25)).as(lab + " without keepMatching: the artefact").isGreaterThanOrEqualTo(4);
            before += swings(then, every, 1.25);
            // Reversals of any size remain (its cost and the rival it matches still move), but fewer: 13 -> 7 and 11 -> 3 when written.
            assertThat(reversals(now, every)).as(lab + " reversals with keepMatching").isLessThan(reversals(then, every));
        }
        assertThat(before).as("swings of the open labs' prices without keepMatching").isGreaterThanOrEqualTo(10);
    }

    /** Direction reversals of any size of a price series at the decision months. */
    static int reversals(double[] series, int every) {
        int n = 0;
        double last = 0;
        for (int m = every; m < series.length; m += every) {
            double move = Math.signum(series[m] - series[m - every]);
            if (move != 0 && last != 0 && move != last) n++;
            if (move != 0) last = move;
        }
        return n;
    }

    /** {@code keepMatching: false} is the rule before it, bit for bit: the default world's run as the code before made it. */
    @Test void withoutKeepMatchingTheRuleBefore() {
        RunResult r = Fixtures.ENGINE.run(ON.withApiPricing(ON.apiPricing().withKeepMatching(false)));
        assertThat(RunDigest.of(r)).isEqualTo(RULE_BEFORE_KEEP_MATCHING);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.withApiPricing(ON.apiPricing().withKeepMatching(false)).with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(RULE_BEFORE_KEEP_MATCHING_WITHOUT_ENTERPRISE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.withApiPricing(ON.apiPricing().withKeepMatching(false)).with(MechanismSwitch.PRO_PLANS, false).with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(RULE_BEFORE_KEEP_MATCHING_WITHOUT_PRO_PLANS);
    }

    /** A lab on a fixed schedule charges its list price times the period's factor; its API offers charge that. */
    @Test void aFixedScheduleIsFollowedAndCharged() {
        ApiPricingSpec p = ON.apiPricing();
        Scenario sc = ON.withApiPricing(p.withFixedSchedules(Map.of("frontier-closed", List.of(1.0, 0.5, 0.25))));
        int lab = sc.labIndex("frontier-closed");
        double list = sc.labs().get(lab).api().usdPerToken(sc.technology().inputTokenShare());
        int every = sc.financing().decisionEveryMonths();
        List<double[]> seen = new ArrayList<>();
        RunResult r = Fixtures.run(sc, (w, s) -> {
            int period = s.month() / every;
            double factor = period == 0 ? 1.0 : period == 1 ? 0.5 : 0.25;
            assertThat(s.apiUsdPerToken[lab]).as("month %d", s.month()).isEqualTo(list * factor);
            int o = w.optionTable.base(lab) + OptionTable.API;
            for (int c = 0; c < w.classes; c++) {
                int idx = c * w.options + o;
                if (s.offerAvailable[idx]) seen.add(new double[] {s.offerPay[idx], s.offerTokens[idx] * s.apiUsdPerToken[lab]});
            }
        });
        assertThat(seen).isNotEmpty();
        for (double[] x : seen) assertThat(x[0]).isCloseTo(x[1], within(x[1] * 1e-12));
        double[] series = r.series("frontier-closed", MetricNames.API_USD_PER_MILLION_TOKENS).values();
        assertThat(series[0]).isCloseTo(list * 1e6, within(1e-9));
        assertThat(series[every]).isCloseTo(list * 0.5e6, within(1e-9));
        assertThat(series[series.length - 1]).isCloseTo(list * 0.25e6, within(1e-9)); // the last value holds
    }

    /** The agent engine takes the mechanism from the same step list: its runs differ with the switch, and record the prices. */
    @Test void theAgentEngineDecidesToo() {
        Scenario sc = ON.withMonths(12);
        AgentEngine agent = new AgentEngine(Fixtures.CATALOG);
        RunResult on = agent.run(sc, new AgentOptions(20_000, 1, null, null));
        RunResult off = agent.run(sc.with(MechanismSwitch.API_PRICING, false), new AgentOptions(20_000, 1, null, null));
        double[] price = on.series("frontier-closed", MetricNames.API_USD_PER_MILLION_TOKENS).values();
        assertThat(price[11]).isNotEqualTo(price[0]);
        assertThat(off.series("frontier-closed", MetricNames.API_USD_PER_MILLION_TOKENS)).isNull();
        assertThat(on.series("frontier-closed", MetricNames.REVENUE_USD).values()).isNotEqualTo(off.series("frontier-closed", MetricNames.REVENUE_USD).values());
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("targetPriceToCost: 3.2", "targetPriceToCost: 0.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("apiPricing.targetPriceToCost");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("floorPriceToCost: 1.25", "floorPriceToCost: 4")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("apiPricing.floorPriceToCost")
            .hasMessageContaining("targetPriceToCost");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("maxStepPerDecision: 2.0", "maxStepPerDecision: 0.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("apiPricing.maxStepPerDecision");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("shareLossToFollow: 0.1", "shareLossToFollow: 1.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("apiPricing.shareLossToFollow");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("rivalCapabilityBand: 0.3", "rivalCapabilityBand: -1")))
            .isInstanceOf(InputException.class).hasMessageContaining("apiPricing.rivalCapabilityBand");
        String keep = "  keepMatching: true ";
        assertThat(yaml).contains(keep);
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(keep, "  keepMatchin: true ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("keepMatching");
        String target = "    frontier-closed: 2.3 ";
        assertThat(yaml).contains(target);
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(target, "    frontier-closed: 1.1 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("apiPricing.targetPriceToCostByLab.frontier-closed")
            .hasMessageContaining("floorPriceToCost");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(target, "    frontier-closd: 2.3 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("apiPricing.targetPriceToCostByLab")
            .hasMessageContaining("frontier-closd");
        String schedule = "    app-giant: [1.0] ";
        assertThat(yaml).contains(schedule);
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(schedule, "    app-gaint: [1.0] ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("apiPricing.fixedSchedules")
            .hasMessageContaining("app-gaint");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(schedule, "    app-giant: [] ")))
            .isInstanceOf(InputException.class).hasMessageContaining("apiPricing.fixedSchedules.app-giant");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace(schedule, "    app-giant: [1.0, 0] ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("apiPricing.fixedSchedules.app-giant");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("targetPriceToCost: 3.2", "targetPriceToCosts: 3.2")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("targetPriceToCost");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("mechanisms: {}", "mechanisms: {apiPrice: false}")))
            .isInstanceOf(InputException.class).hasMessageContaining("apiPricing");
    }
}
