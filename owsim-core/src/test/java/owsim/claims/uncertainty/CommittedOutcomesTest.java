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
 * worlds: the first and the last world, and each flip world the report names for a claim that holds
 * in some worlds and fails in others (for that claim), are run again with the real {@link WorldRunner}, and every
 * row run must equal the committed one character for character (values, seed, verdict, holds
 * and margin to the last bit). A table edited by hand, or made by other code, fails here; so does a
 * stale one (the reader names the command that regenerates it).
 */
class CommittedOutcomesTest {
    @Test void rerunWorldsGiveTheCommittedRows() {
        UncertaintySet set = CommittedTable.set();
        OutcomeTable table = CommittedTable.table(set);
        UncertaintyReport report = UncertaintyAnalysis.of(table);
        TreeSet<Integer> worlds = new TreeSet<>(List.of(0, set.worlds() - 1));
        List<String> flipping = new ArrayList<>();
        // Each flip world is run for the claim it flips (every claim of it would be 12 times the work for rows of the same kind).
        TreeSet<Integer> flipRows = new TreeSet<>();
        for (ClaimUncertainty c : report.claims()) {
            if (c.holding() == 0 || c.holding() == c.worlds()) continue;
            flipping.add(c.claim());
            // A claim that varies has worlds on both sides, so one differs from the base world's verdict.
            assertThat(c.flip()).as("claim %s holds in %d of %d worlds but names no flip world", c.claim(), c.holding(), c.worlds()).isNotNull();
            flipRows.add(c.flip().world() * Claims.all().size() + Claims.all().stream().map(x -> x.id()).toList().indexOf(c.claim()));
        }
        // The committed run has claims that vary; if none did, this test would check only two worlds.
        assertThat(flipping).as("claims that hold in some worlds and fail in others").isNotEmpty();

        WorldRunner runner = new WorldRunner(set, Claims.all(), Catalog.bundled());
        int n = runner.claims().size();
        assertThat(table.claims()).isEqualTo(runner.claims().stream().map(c -> c.id()).toList());
        TreeSet<Integer> ids = new TreeSet<>(flipRows);
        for (int w : worlds) for (int c = 0; c < n; c++) ids.add(w * n + c);
        // In parallel, as the command runs them (the runner is thread-safe and an outcome depends on its id alone).
        List<WorldOutcome> rerun = ids.parallelStream().map(runner::run).toList();
        for (WorldOutcome now : rerun) {
            WorldOutcome committed = table.outcome(now.world(), now.claim());
            assertThat(OutcomeTable.row(now)).as("world %d, claim %s: docs/%s is stale or was edited; run %s", now.world(), now.claim(),
                OutcomeTable.FILE, CommittedTable.COMMAND).isEqualTo(OutcomeTable.row(committed));
        }
        assertThat(rerun).hasSize(ids.size()).hasSizeGreaterThanOrEqualTo(worlds.size() * n + 1);
    }
}
