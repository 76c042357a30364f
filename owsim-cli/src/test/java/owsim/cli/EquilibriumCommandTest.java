package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EquilibriumCommandTest {
    @Test void twoLabsTwoPoliciesGiveFourCellsAndEquilibriaAreMutualBestResponses() throws Exception {
        Cli r = Cli.run("equilibrium", "default", "--labs", "frontier-closed,open-challenger", "--policies", "closed,open", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode cells = j.get("cells");
        assertThat(cells.size()).isEqualTo(4);
        Map<String, double[]> pay = new HashMap<>();
        for (JsonNode c : cells) {
            pay.put(c.get("profile").get(0).asText() + "/" + c.get("profile").get(1).asText(),
                new double[] {c.get("payoffsUsd").get(0).asDouble(), c.get("payoffsUsd").get(1).asDouble()});
        }
        List<String> ps = List.of("closed", "open");
        // Check the solver's pure equilibria against the printed payoffs by brute force.
        int expected = 0;
        for (String a : ps) {
            for (String b : ps) {
                double[] here = pay.get(a + "/" + b);
                boolean stable = true;
                for (String a2 : ps) stable &= pay.get(a2 + "/" + b)[0] <= here[0] + 1e-6;
                for (String b2 : ps) stable &= pay.get(a + "/" + b2)[1] <= here[1] + 1e-6;
                if (stable) expected++;
            }
        }
        assertThat(j.get("pureEquilibria").size()).isEqualTo(expected);
        for (JsonNode e : j.get("pureEquilibria")) {
            String a = e.get("profile").get(0).asText();
            String b = e.get("profile").get(1).asText();
            for (String a2 : ps) assertThat(pay.get(a2 + "/" + b)[0]).isLessThanOrEqualTo(pay.get(a + "/" + b)[0] + 1e-6);
            for (String b2 : ps) assertThat(pay.get(a + "/" + b2)[1]).isLessThanOrEqualTo(pay.get(a + "/" + b)[1] + 1e-6);
        }
        assertThat(j.get("equilibria").size()).isGreaterThanOrEqualTo(1);
    }

    @Test void tableOutputNamesThePlayersAndTheEquilibria() {
        Cli r = Cli.run("equilibrium", "--labs", "frontier-closed,open-challenger", "--policies", "closed,open,open-delayed(6)");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("frontier-closed").contains("open-challenger").contains("open-delayed(6)");
    }

    @Test void moneyPayoffsPrintAsDollarsWithMagnitudesLikeRun() {
        Cli r = Cli.run("equilibrium", "--labs", "open-challenger,frontier-closed", "--policies", "closed,open");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(", USD;").doesNotContain("USD millions");
        String closedRow = r.out().lines().filter(l -> l.startsWith("closed ")).findFirst().orElseThrow();
        // Four payoffs in the closed row, each like "-$92.9B" (three significant digits), none like -92851.9.
        assertThat(closedRow).containsPattern("-?\\$[0-9.,]+[kMBT]?, -?\\$[0-9.,]+[kMBT]?\\s+-?\\$[0-9.,]+[kMBT]?, -?\\$[0-9.,]+[kMBT]?");
        assertThat(r.out()).doesNotContainPattern("-?[0-9]{4,}\\.[0-9]");
    }

    @Test void payoffCanBeTheTokenShareAndABadMeasureIsAUsageError() throws Exception {
        Cli r = Cli.run("equilibrium", "--labs", "frontier-closed,open-challenger", "--payoff", "token-share", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("payoff").asText()).isEqualTo("token-share");
        for (JsonNode c : j.get("cells")) {
            for (JsonNode p : c.get("payoffsUsd")) assertThat(p.asDouble()).isBetween(0.0, 1.0);
        }
        Cli bad = Cli.run("equilibrium", "--labs", "frontier-closed,open-challenger", "--payoff", "fame");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--payoff").contains("token-share");
    }

    // On the four-lab world: twelve agent runs of eight labs took half a minute, for nothing the property needs.
    @Test void agentEngineRunsReplicationsAndJudgesEachDeviationAgainstTheNoise() throws Exception {
        Cli r = Cli.run("equilibrium", Cli.FOUR_LABS.toString(), "--labs", "frontier-closed,open-challenger", "--engine", "agent", "--replications", "3",
            "--users", "3000", "--threads", "2", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("engine").asText()).isEqualTo("agent");
        assertThat(j.get("replications").asInt()).isEqualTo(3);
        for (JsonNode c : j.get("cells")) {
            assertThat(c.get("halfWidth95").size()).isEqualTo(2);
            for (JsonNode h : c.get("halfWidth95")) assertThat(h.asDouble()).isPositive();
        }
        assertThat(j.get("noise").size()).isEqualTo(j.get("pureEquilibria").size());
        for (JsonNode e : j.get("noise")) {
            // Two players with two policies: one deviation each.
            assertThat(e.get("deviations").size()).isEqualTo(2);
            for (JsonNode d : e.get("deviations")) {
                assertThat(d.get("significant").asBoolean()).isEqualTo(d.get("lossMean").asDouble() - d.get("halfWidth95").asDouble() > 0);
            }
        }
        Cli table = Cli.run("equilibrium", Cli.FOUR_LABS.toString(), "--labs", "frontier-closed,open-challenger", "--engine", "agent", "--replications", "3",
            "--users", "3000");
        assertThat(table.out()).contains("3 runs per profile").contains("95% intervals over 3 replications");
    }

    @Test void agentOptionsWithoutTheAgentEngineAndUnknownLabAreUsageErrors() {
        Cli reps = Cli.run("equilibrium", "--labs", "frontier-closed,open-challenger", "--replications", "5");
        assertThat(reps.exit()).isEqualTo(2);
        assertThat(reps.err()).contains("--replications").contains("agent");
        assertThat(Cli.run("equilibrium", "--labs", "frontier-closed,open-challenger", "--users", "100").exit()).isEqualTo(2);
        assertThat(Cli.run("equilibrium", "--labs", "frontier-closed,open-challenger", "--engine", "agents").exit()).isEqualTo(2);
        Cli zero = Cli.run("equilibrium", "--labs", "frontier-closed,open-challenger", "--engine", "agent", "--replications", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--replications");
        Cli r = Cli.run("equilibrium", "--labs", "frontier-closed,nobody");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--labs").contains("nobody").contains("open-challenger");
    }
}
