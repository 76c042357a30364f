package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.EnterpriseContractsSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code enterpriseContracts} in the agent engine, which applies the same lab-level step
 * after its users: switched off, or the section left out, the agent run is the one before, bit for
 * bit; on, each month's contract revenue is the lab's seats times its price, and the seats agree with
 * the aggregate engine's within {@link #TOLERANCE} (they read only releases, which both engines make
 * alike in this world; the tolerance allows a release or exit that drawn users would move).
 */
class EnterpriseContractsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);
    /** Relative difference allowed between the engines' seats and contract revenue, each lab and month. */
    static final double TOLERANCE = 0.01;
    private static final Scenario BEFORE = TestScenarios.FOUR_LABS.withMonths(14);
    private static final Scenario ON = BEFORE.withEnterpriseContracts(contracts());

    /** Term 6 months, 3x a year early growth to a 5M-seat ceiling, three labs, capability and price weighed. */
    private static EnterpriseContractsSpec contracts() {
        Map<String, EnterpriseContractsSpec.Lab> labs = new LinkedHashMap<>();
        labs.put("frontier-closed", new EnterpriseContractsSpec.Lab(35, 1.0e6, 0.5, 10));
        labs.put("app-giant", new EnterpriseContractsSpec.Lab(10, 2.0e5, 0, 3));
        labs.put("open-challenger", new EnterpriseContractsSpec.Lab(5, 1.0e5, 0, 2));
        return new EnterpriseContractsSpec(6, 3, 5.0e6, 2, 0.02, 1, 0, labs);
    }

    @Test void offOrLeftOutIsTheAgentRunBefore() {
        String before = RunDigest.of(new AgentEngine(CATALOG).run(BEFORE, OPTIONS));
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(ON.with(MechanismSwitch.ENTERPRISE_CONTRACTS, false), OPTIONS))).isEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(ON, OPTIONS))).isNotEqualTo(before);
    }

    @Test void revenueIsSeatsTimesPriceAndTheEnginesAgree() {
        RunResult agent = new AgentEngine(CATALOG).run(ON, OPTIONS);
        RunResult aggregate = new AggregateEngine(CATALOG).run(ON);
        EnterpriseContractsSpec c = ON.enterpriseContracts();
        double moved = 0;
        for (int m = 0; m < ON.months(); m++) {
            double total = 0;
            for (var e : c.labs().entrySet()) {
                String lab = e.getKey();
                double seats = agent.series(lab, MetricNames.ENTERPRISE_SEATS).at(m);
                total += seats;
                assertThat(agent.series(lab, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD).at(m))
                    .as("%s, month %d", lab, m).isCloseTo(seats * e.getValue().usdPerSeatMonth(), within(1e-9 * seats * e.getValue().usdPerSeatMonth()));
                double other = aggregate.series(lab, MetricNames.ENTERPRISE_SEATS).at(m);
                assertThat(seats).as("%s's seats, month %d: agent against aggregate", lab, m).isCloseTo(other, within(TOLERANCE * other));
                assertThat(agent.series(lab, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD).at(m))
                    .isCloseTo(aggregate.series(lab, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD).at(m),
                        within(TOLERANCE * aggregate.series(lab, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD).at(m)));
                if (m == ON.months() - 1) moved += Math.abs(seats - e.getValue().initialSeats() * c.seats(m) / c.initialSeats());
            }
            assertThat(total).as("month %d: the logistic total", m).isCloseTo(c.seats(m), within(1e-9 * c.seats(m)));
        }
        assertThat(moved).as("renewals moved seats away from the initial split").isPositive();
    }
}
