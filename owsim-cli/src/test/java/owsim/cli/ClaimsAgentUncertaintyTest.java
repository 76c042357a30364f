package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * owsim claims --uncertainty --engine agent --replications R: the same seed gives the same bytes
 * for any thread count, a store is not resumed with another engine or number of replications, and
 * bad option combinations are refused naming the option.
 */
class ClaimsAgentUncertaintyTest {
    // Three worlds of 6 months at 300 users: each world's claims take well under a second.
    private static final String WORLDS = ClaimsUncertaintyCommandTest.worlds("agent-claims", 9, 3);

    @Test
    void theSameSeedGivesTheSameBytesOnOneThreadAndOnTwo(@TempDir Path tmp) throws Exception {
        Path file = ClaimsUncertaintyCommandTest.writeWorlds(tmp, WORLDS);
        Cli one = Cli.run("claims", "--uncertainty", file.toString(), "--engine", "agent", "--users", "300", "--replications", "2",
            "--threads", "1", "--store", tmp.resolve("one.duckdb").toString(), "--out", tmp.resolve("one").toString());
        assertThat(one.exit()).as(one.err()).isZero();
        Cli two = Cli.run("claims", "--uncertainty", file.toString(), "--engine", "agent", "--users", "300", "--replications", "2",
            "--threads", "2", "--store", tmp.resolve("two.duckdb").toString(), "--out", tmp.resolve("two").toString());
        assertThat(two.exit()).as(two.err()).isZero();
        int claims = owsim.claims.Claims.all().size();
        assertThat(one.err()).contains("3 worlds x 2 replications (agent engine, 300 users) x " + claims + " claims = " + 3 * 2 * claims + " evaluations");
        assertThat(one.out()).isEqualTo(two.out()).contains("Under uncertainty (3 worlds, latin-hypercube)").contains("agree");
        for (String f : new String[] {"claims-uncertainty.csv", "CLAIMS.md", "claims.html"}) {
            String a = Files.readString(tmp.resolve("one").resolve(f)).replace(tmp.resolve("one").toString(), "OUT");
            String b = Files.readString(tmp.resolve("two").resolve(f)).replace(tmp.resolve("two").toString(), "OUT");
            assertThat(b).as(f).isEqualTo(a);
        }
        String csv = Files.readString(tmp.resolve("one").resolve("claims-uncertainty.csv"));
        assertThat(csv).contains("--engine agent --users 300").contains("--replications 2").contains("# replications: 2\n")
            .contains("\nworld,replication,seed,");
        assertThat(csv.lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(1 + 3 * 2 * claims);
        // The seeds are those of (root seed, world, replication) alone.
        assertThat(csv).contains("\n2,1," + owsim.random.Seeds.replication(9, 2, 1) + ",");
        assertThat(Files.readString(tmp.resolve("one").resolve("CLAIMS.md"))).contains("mean within-world agreement");

        // Resuming the agent store with the aggregate engine, or with another number of replications: refused, naming the file.
        Cli aggregate = Cli.run("claims", "--uncertainty", file.toString(), "--store", tmp.resolve("one.duckdb").toString());
        assertThat(aggregate.exit()).isEqualTo(2);
        assertThat(aggregate.err()).contains(tmp.resolve("one.duckdb").toString())
            .contains("holds outcomes made with the agent engine, 300 users, 2 replications, not the aggregate engine, 1 replication")
            .contains("engine: stored agent, now aggregate");
        Cli three = Cli.run("claims", "--uncertainty", file.toString(), "--engine", "agent", "--users", "300", "--replications", "3",
            "--store", tmp.resolve("one.duckdb").toString());
        assertThat(three.exit()).isEqualTo(2);
        assertThat(three.err()).contains("replications: stored 2, now 3");
        // The same options resume with nothing left to do.
        Cli again = Cli.run("claims", "--uncertainty", file.toString(), "--engine", "agent", "--users", "300", "--replications", "2",
            "--store", tmp.resolve("one.duckdb").toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains(String.format("%,d already stored", 3 * 2 * claims));
        assertThat(again.out()).isEqualTo(one.out());
    }

    @Test
    void badOptionCombinationsNameTheOption(@TempDir Path tmp) throws Exception {
        Path file = ClaimsUncertaintyCommandTest.writeWorlds(tmp, WORLDS);
        Cli noFile = Cli.run("claims", "--replications", "2");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("--replications: only with --uncertainty FILE");

        Cli aggregate = Cli.run("claims", "--uncertainty", file.toString(), "--replications", "2");
        assertThat(aggregate.exit()).isEqualTo(2);
        assertThat(aggregate.err()).contains("--replications: only with --engine agent: the aggregate engine is deterministic");

        Cli zero = Cli.run("claims", "--uncertainty", file.toString(), "--engine", "agent", "--replications", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--replications: must be a whole number from 1 to 1000, was 0");

        Cli users = Cli.run("claims", "--uncertainty", file.toString(), "--users", "300");
        assertThat(users.exit()).isEqualTo(2);
        assertThat(users.err()).contains("--users: only for --engine agent");

        Files.writeString(tmp.resolve("reps.yaml"), WORLDS + "replications: 2\n");
        Cli inFile = Cli.run("claims", "--uncertainty", tmp.resolve("reps.yaml").toString());
        assertThat(inFile.exit()).isEqualTo(2);
        assertThat(inFile.err()).contains("replications: replications are chosen on the command line (--engine agent --replications R");
        assertThat(tmp.resolve("worlds.duckdb")).doesNotExist();
    }
}
