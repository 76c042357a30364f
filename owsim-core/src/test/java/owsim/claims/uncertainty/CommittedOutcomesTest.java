package owsim.claims.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.claims.Claims;

/**
 * Keeps the committed outcome table (docs/claims-uncertainty.csv) honest without re-running all its
 * worlds: every claim of the first world, each flip world the report names for a claim that holds
 * in some worlds and fails in others (for that claim), and in the last world each claim that has no
 * flip world, are run again with the real {@link WorldRunner}, so every claim is re-run in two worlds
 * and the last world's sampled values are checked. Every row run must equal the committed one
 * character for character (values, seed, verdict, holds and margin to the last bit). A table edited
 * by hand, or made by other code, fails here; so does a stale one (the reader names the command that
 * regenerates it).
 */
class CommittedOutcomesTest {
    @Test void rerunWorldsGiveTheCommittedRows() {
        UncertaintySet set = CommittedTable.set();
        OutcomeTable table = CommittedTable.table(set);
        // The analysis is a function of the table alone: the one made for this JVM (ClaimsTest and UncertaintyAnalysisTest read it too).
        UncertaintyReport report = CommittedTable.report();
        List<String> ids = Claims.all().stream().map(x -> x.id()).toList();
        int n = ids.size();
        int last = set.worlds() - 1;
        List<String> flipping = new ArrayList<>();
        // Each flip world is run for the claim it flips (every claim of it would be 12 times the work for rows of the same kind).
        TreeSet<Integer> runIds = new TreeSet<>();
        for (ClaimUncertainty c : report.claims()) {
            if (c.holding() == 0 || c.holding() == c.worlds()) continue;
            flipping.add(c.claim());
            // A claim that varies has worlds on both sides, so one differs from the base world's verdict.
            assertThat(c.flip()).as("claim %s holds in %d of %d worlds but names no flip world", c.claim(), c.holding(), c.worlds()).isNotNull();
            runIds.add(c.flip().world() * n + ids.indexOf(c.claim()));
        }
        // The committed run has claims that vary; if none did, this test would check only two worlds.
        assertThat(flipping).as("claims that hold in some worlds and fail in others").isNotEmpty();
        // Every claim in the first world; in the last world each claim not yet re-run in a second world (a claim with a flip
        // world is re-run there: the whole last world repeated those rows' kind, and j's and k's evaluations, both claims with
        // flip worlds, were three quarters of its time).
        for (int c = 0; c < n; c++) {
            runIds.add(c);
            if (!runIds.contains(last * n + c) && !hasRowBeyondWorld0(runIds, n, c)) runIds.add(last * n + c);
        }
        if (runIds.stream().noneMatch(id -> id / n == last)) runIds.add(last * n);

        WorldRunner runner = new WorldRunner(set, Claims.all(), Catalog.bundled());
        assertThat(table.claims()).isEqualTo(runner.claims().stream().map(c -> c.id()).toList());
        // In parallel, as the command runs them (the runner is thread-safe and an outcome depends on its id alone).
        List<WorldOutcome> rerun = runIds.parallelStream().map(runner::run).toList();
        for (WorldOutcome now : rerun) {
            WorldOutcome committed = table.outcome(now.world(), now.claim());
            assertThat(OutcomeTable.row(now)).as("world %d, claim %s: docs/%s is stale or was edited; run %s", now.world(), now.claim(),
                OutcomeTable.FILE, CommittedTable.COMMAND).isEqualTo(OutcomeTable.row(committed));
        }
        assertThat(rerun).hasSize(runIds.size());
        // Every claim re-run in two worlds, and the last world's sampled values checked by at least one row.
        for (String claim : ids) {
            assertThat(rerun.stream().filter(o -> o.claim().equals(claim)).map(WorldOutcome::world).distinct().count()).as("worlds re-run for %s", claim)
                .isGreaterThanOrEqualTo(2);
        }
        assertThat(rerun).anySatisfy(o -> assertThat(o.world()).isEqualTo(last));
    }

    /** Whether {@code runIds} holds a row of claim {@code c} in a world other than the first. */
    private static boolean hasRowBeyondWorld0(TreeSet<Integer> runIds, int n, int c) {
        return runIds.stream().anyMatch(id -> id % n == c && id / n > 0);
    }
}
