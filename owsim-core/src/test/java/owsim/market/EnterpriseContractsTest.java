package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.EnterpriseContractsSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism enterpriseContracts: switched off, or the section left out or listing no lab, the run is
 * the one without it, bit for bit; a month's revenue is seats x price; a contract moves only at its
 * renewal, by the logit the hand gives; the seats follow the section's logistic total; bad values
 * name the file, line and field.
 */
class EnterpriseContractsTest {
    private static final Scenario BEFORE = Fixtures.FOUR_LABS;
    private static final String A = "frontier-closed";
    private static final String B = "open-challenger";
    /** Term 3 months; no growth; utilities ln 3 (A) and 0 (B): capability and price weigh nothing, the premium cancels the brand; incumbent + ln 2. */
    private static final int TERM = 3;
    private static final double SWITCHING = Math.log(2);

    private static EnterpriseContractsSpec spec(double growth, double maxSeats) {
        Map<String, EnterpriseContractsSpec.Lab> labs = new LinkedHashMap<>();
        double brandA = BEFORE.labs().get(BEFORE.labIndex(A)).brandUtility();
        double brandB = BEFORE.labs().get(BEFORE.labIndex(B)).brandUtility();
        labs.put(A, new EnterpriseContractsSpec.Lab(30, 300, Math.log(3) - brandA, 6));
        labs.put(B, new EnterpriseContractsSpec.Lab(10, 600, -brandB, 1));
        return new EnterpriseContractsSpec(TERM, growth, maxSeats, 0, 0, SWITCHING, 0, labs);
    }

    private static final Scenario ON = BEFORE.withEnterpriseContracts(spec(1, 900));

    @Test void offOrLeftOutIsTheRunWithoutItBitForBit() {
        String before = RunDigest.of(Fixtures.ENGINE.run(BEFORE));
        assertThat(BEFORE.enterpriseContracts()).as("the default world has no enterpriseContracts section").isNull();
        RunResult off = Fixtures.ENGINE.run(ON.with(MechanismSwitch.ENTERPRISE_CONTRACTS, false));
        assertThat(RunDigest.of(off)).isEqualTo(before);
        assertThat(off.series(A, MetricNames.ENTERPRISE_SEATS)).isNull();
        assertThat(off.series(A, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD)).isNull();
        Scenario none = BEFORE.withEnterpriseContracts(new EnterpriseContractsSpec(TERM, 1, 0, 0, 0, 0, 0, Map.of()));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(none))).as("no lab listed").isEqualTo(before);
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(on.series(A, MetricNames.ENTERPRISE_SEATS).at(0)).isEqualTo(300);
        assertThat(on.series(A, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD).at(0)).isCloseTo(300 * 30, within(1e-9));
        assertThat(RunDigest.of(on)).isNotEqualTo(before);
    }

    /**
     * Month 0: each lab's initial seats, a third in each cohort (A 100, B 200 a cohort); revenue seats x price, serving
     * seats x cost. Month 1 renews cohort 1 only: A's 100 seats stay at A with 3x2 / (3x2 + 1) = 6/7, B's 200 move to A
     * with 3 / (3 + 2) = 3/5; cohorts 0 and 2 do not move, however much the utilities favour A.
     */
    @Test void aMonthIsSeatsTimesPriceAndOnlyTheRenewingCohortMoves() {
        Fixtures.Stepped x = Fixtures.steppedTo(ON, 1);
        World w = x.world();
        MarketState s = x.state();
        int a = ON.labIndex(A);
        int b = ON.labIndex(B);
        int labs = w.labs;
        for (int k = 0; k < TERM; k++) {
            assertThat(s.contractSeats[k * labs + a]).as("A's seats in cohort %d after month 0", k).isCloseTo(100, within(1e-9));
            assertThat(s.contractSeats[k * labs + b]).as("B's seats in cohort %d after month 0", k).isCloseTo(200, within(1e-9));
        }
        s.clearFlows();
        s.revenue[a] = 7;
        new EnterpriseContracts().apply(w, s);
        double renewedA = 100 * 6.0 / 7 + 200 * 3.0 / 5;
        double renewedB = 100 * 1.0 / 7 + 200 * 2.0 / 5;
        assertThat(s.contractSeats[labs + a]).isCloseTo(renewedA, within(1e-9));
        assertThat(s.contractSeats[labs + b]).isCloseTo(renewedB, within(1e-9));
        for (int k : new int[] {0, 2}) {
            assertThat(s.contractSeats[k * labs + a]).as("cohort %d is not up for renewal", k).isEqualTo(100, within(1e-9));
            assertThat(s.contractSeats[k * labs + b]).as("cohort %d is not up for renewal", k).isEqualTo(200, within(1e-9));
        }
        assertThat(s.enterpriseSeats[a]).isCloseTo(200 + renewedA, within(1e-9));
        assertThat(s.enterpriseSeats[b]).isCloseTo(400 + renewedB, within(1e-9));
        assertThat(s.enterpriseSeats[a] + s.enterpriseSeats[b]).as("no growth: the seats are kept").isCloseTo(900, within(1e-9));
        assertThat(s.enterpriseContractsRevenue[a]).isCloseTo((200 + renewedA) * 30, within(1e-9));
        assertThat(s.revenue[a]).isCloseTo(7 + (200 + renewedA) * 30, within(1e-9));
        assertThat(s.enterpriseContractsRevenue[b]).isCloseTo((400 + renewedB) * 10, within(1e-9));
        assertThat(s.servingCost[b]).isCloseTo((400 + renewedB) * 1, within(1e-9));
        int other = ON.labIndex("small-open");
        assertThat(s.enterpriseSeats[other]).as("a lab not listed").isZero();
        assertThat(s.enterpriseContractsRevenue[other]).isZero();
    }

    /**
     * With growth (4x a year early, ceiling 9,000) the month's new seats join the renewing cohort by the logit
     * without an incumbent (3/4 to A, 1/4 to B); over a run the labs' seats are the logistic total every month.
     */
    @Test void withGrowthTheNewSeatsJoinTheRenewingCohortByTheLogit() {
        Scenario grows = BEFORE.withEnterpriseContracts(spec(4, 9000));
        EnterpriseContractsSpec c = grows.enterpriseContracts();
        assertThat(c.seats(0)).isCloseTo(900, within(1e-9));
        assertThat(c.seats(12)).as("logistic: 9000 / (1 + 9 / 4)").isCloseTo(9000 / (1 + 9.0 / 4), within(1e-9));
        Fixtures.Stepped x = Fixtures.steppedTo(grows, 1);
        World w = x.world();
        MarketState s = x.state();
        int a = grows.labIndex(A);
        int b = grows.labIndex(B);
        new EnterpriseContracts().apply(w, s);
        double added = c.seats(1) - c.seats(0);
        double renewedA = 100 * 6.0 / 7 + 200 * 3.0 / 5 + added * 3.0 / 4;
        double renewedB = 100 * 1.0 / 7 + 200 * 2.0 / 5 + added * 1.0 / 4;
        assertThat(s.contractSeats[w.labs + a]).isCloseTo(renewedA, within(1e-9));
        assertThat(s.contractSeats[w.labs + b]).isCloseTo(renewedB, within(1e-9));
        assertThat(s.enterpriseSeats[a] + s.enterpriseSeats[b]).isCloseTo(c.seats(1), within(1e-9));
        RunResult r = Fixtures.ENGINE.run(grows);
        for (int m = 0; m < grows.months(); m++) {
            double seats = r.series(A, MetricNames.ENTERPRISE_SEATS).at(m) + r.series(B, MetricNames.ENTERPRISE_SEATS).at(m);
            assertThat(seats).as("month %d: the logistic total", m).isCloseTo(c.seats(m), within(1e-9 * c.seats(m)));
        }
    }

    @Test void anExitedLabsSeatsMoveAtOnce() {
        Fixtures.Stepped x = Fixtures.steppedTo(ON, 1);
        World w = x.world();
        MarketState s = x.state();
        int a = ON.labIndex(A);
        int b = ON.labIndex(B);
        s.exited[b] = true;
        new EnterpriseContracts().apply(w, s);
        assertThat(s.enterpriseSeats[b]).isZero();
        assertThat(s.enterpriseSeats[a]).as("the only lab on offer takes every seat").isCloseTo(900, within(1e-9));
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml() + "\nenterpriseContracts:\n  termMonths: 12\n  seatGrowthPerYear: 3\n  maxSeats: 1.0e8\n"
            + "  capabilityWeightPerDecade: 2\n  priceWeightPerUsd: 0.02\n  switchingCostUtils: 1\n  procurementLagMonths: 3\n  labs:\n"
            + "    frontier-closed: {usdPerSeatMonth: 35, initialSeats: 1.8e6, premiumUtils: 0.5, servingUsdPerSeatMonth: 10}\n";
        EnterpriseContractsSpec c = Scenarios.parse("x.yaml", yaml).enterpriseContracts();
        assertThat(c.initialSeats()).isEqualTo(1.8e6);
        assertThat(c.labs().get(A).usdPerSeatMonth()).isEqualTo(35);
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("termMonths: 12", "termMonths: 0")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("termMonths");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("usdPerSeatMonth: 35", "usdPerSeatMonth: -1")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("usdPerSeatMonth");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("maxSeats: 1.0e8", "maxSeats: 1.0e6")))
            .isInstanceOf(InputException.class).hasMessageContaining("maxSeats");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("    frontier-closed: {usd", "    frontier-closedd: {usd")))
            .isInstanceOf(InputException.class).hasMessageContaining("enterpriseContracts.labs").hasMessageContaining("frontier-closedd");
    }
}
