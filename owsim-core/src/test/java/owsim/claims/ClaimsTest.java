package owsim.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import owsim.catalog.Catalog;
import owsim.claims.uncertainty.CommittedTable;
import owsim.claims.uncertainty.OutcomeTable;
import owsim.claims.uncertainty.UncertaintyReport;
import owsim.market.aggregate.AggregateEngine;
import owsim.report.ClaimsHtml;
import owsim.report.ClaimsMarkdown;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.TestWorlds;

/**
 * The claims on the default scenario: the committed docs/CLAIMS.md and docs/claims.html are what
 * the code produces now from the default world and the committed outcome table
 * (docs/claims-uncertainty.csv; {@code CommittedOutcomesTest} re-runs some of its worlds), and
 * every margin agrees with its verdict. On the four-lab world (about a third of the default's run time),
 * every verdict is reproducible and each claim's effect vanishes when its mechanism is switched off
 * (the default switches two mechanisms off, so not every claim has an effect to remove there). To
 * regenerate the docs and the table: {@code owsim claims default --out docs --uncertainty
 * experiments/claims-uncertainty.yaml}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsTest {
    static final String COMMAND = CommittedTable.COMMAND;
    private static final Path DOCS = CommittedTable.DOCS;

    private final Catalog catalog = Catalog.bundled();
    private final Scenario base = Scenarios.defaultScenario();
    private final Scenario fourLabs = TestWorlds.fourLabs();
    /** The claims on the default world. */
    private List<ClaimResult> first;
    /** The claims on the four-lab world. */
    private List<ClaimResult> firstFourLabs;

    @BeforeAll void evaluateOnce() {
        first = Claims.evaluateAll(base, new AggregateEngine(catalog));
        firstFourLabs = Claims.evaluateAll(fourLabs, new AggregateEngine(catalog));
    }

    @Test void committedClaimsDocsAreUpToDate() throws IOException {
        OutcomeTable table = CommittedTable.table(CommittedTable.set());
        // The table's base-world outcomes are those of the code now; if not, the model changed since it was made.
        for (ClaimResult r : first) {
            double[] stored = table.defaults().get(r.id());
            assertThat(stored).as("claim %s has no base outcome in docs/%s: run %s", r.id(), OutcomeTable.FILE, COMMAND).isNotNull();
            assertThat(stored[0] > 0).as("docs/%s is stale (claim %s's verdict in the default world changed): run %s", OutcomeTable.FILE, r.id(), COMMAND)
                .isEqualTo(r.holdsHere());
            assertThat(Double.toString(stored[1])).as("docs/%s is stale (claim %s's margin in the default world changed): run %s", OutcomeTable.FILE, r.id(),
                COMMAND).isEqualTo(Double.toString(r.margin()));
        }
        UncertaintyReport report = CommittedTable.report();
        String md = ClaimsMarkdown.render(base.name(), COMMAND, first, report);
        String html = ClaimsHtml.render(base.name(), COMMAND, first, report);
        assertThat(read("CLAIMS.md")).as("docs/CLAIMS.md is stale: run " + COMMAND).isEqualTo(md);
        assertThat(read("claims.html")).as("docs/claims.html is stale: run " + COMMAND).isEqualTo(html);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script").doesNotContain(" src=");
        // Numbers for people: magnitudes (131M, -2.287B), never an exponent such as 1.31e+08.
        assertThat(md).doesNotContainPattern("[0-9][eE][+-]?[0-9]");
    }

    @Test void everyVerdictIsReproducibleFromTheScenario() {
        // A fresh engine, so no cache carries over from the first evaluation.
        List<ClaimResult> again = Claims.evaluateAll(fourLabs, new AggregateEngine(catalog));
        assertThat(ClaimsMarkdown.render(fourLabs.name(), COMMAND, again)).isEqualTo(ClaimsMarkdown.render(fourLabs.name(), COMMAND, firstFourLabs));
        for (int i = 0; i < firstFourLabs.size(); i++) {
            assertThat(again.get(i).verdict()).isEqualTo(firstFourLabs.get(i).verdict());
            assertThat(again.get(i).effect()).isEqualTo(firstFourLabs.get(i).effect());
        }
    }

    @Test void switchingAClaimsMechanismOffRemovesItsEffect() {
        AggregateEngine engine = new AggregateEngine(catalog);
        int checked = 0;
        for (int i = 0; i < Claims.all().size(); i++) {
            Claim c = Claims.all().get(i);
            if (c.mechanism() == null) continue;
            // k's effect is 0 where the entry of researchers covers the labs' openings (its HOLDS_WHEN threshold is below
            // the four-lab world's 150 a month since labs pay their R&D compute): nothing to remove there.
            if (firstFourLabs.get(i).effect() == 0 && c.id().equals("k")) continue;
            ClaimResult off = c.evaluate(Experiments.with(fourLabs, c.mechanism(), false), engine);
            double scale = Math.max(1e-12, Math.abs(firstFourLabs.get(i).effect()));
            assertThat(Math.abs(firstFourLabs.get(i).effect())).as("claim %s has an effect with its mechanism on", c.id()).isGreaterThan(0);
            assertThat(Math.abs(off.effect()) / scale).as("claim %s effect with %s off (%s vs %s on)", c.id(), c.mechanism(),
                off.effect(), firstFourLabs.get(i).effect()).isLessThan(1e-6);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(9);
    }

    @Test void claimsAreTheTwelveLettersInOrderAndEachHasChartData() {
        assertThat(first).extracting(ClaimResult::id).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        for (ClaimResult r : first) {
            assertThat(r.chart().lines()).as(r.id()).isNotEmpty();
            assertThat(r.finding()).as(r.id()).isNotBlank();
        }
    }

    /**
     * Every claim gives a margin, and its sign agrees with the verdict where the verdict is plain
     * (HOLDS or FAILS); a HOLDS_WHEN verdict is a condition this world does not meet, except for c, j
     * and k, whose claims are themselves conditional (c: a delayed release relieves the burden when the
     * delay is below the threshold, and its margin is taken at a 6-month delay, so it is positive
     * exactly when the threshold is above 6 months; a tipping point inside the swept range means j
     * holds; k holds while the world's entry of researchers is below the threshold where the
     * attraction ends).
     */
    @Test void everyMarginAgreesWithItsVerdict() {
        for (ClaimResult r : first) {
            assertThat(r.margin()).as(r.id()).isFinite();
            assertThat(r.marginUnit()).as(r.id()).isNotBlank();
            if (r.verdict().kind() == Verdict.Kind.HOLDS) assertThat(r.holdsHere()).as(r.id()).isTrue();
            if (r.verdict().kind() == Verdict.Kind.FAILS) assertThat(r.holdsHere()).as(r.id()).isFalse();
            if (r.verdict().kind() == Verdict.Kind.HOLDS_WHEN && !List.of("c", "j", "k").contains(r.id())) assertThat(r.holdsHere()).as(r.id()).isFalse();
            if (r.id().equals("c") && r.verdict().kind() == Verdict.Kind.HOLDS_WHEN) {
                assertThat(r.holdsHere()).as("c: margin at a 6-month delay vs threshold %s", r.verdict().threshold()).isEqualTo(r.verdict().threshold() > 6);
            }
        }
    }

    @Test void bisectionFindsTheCrossingOfAStep() {
        double x = Experiments.bisectLog(1, 1e6, v -> v >= 1234, 40);
        assertThat(x).isCloseTo(1234, org.assertj.core.data.Offset.offset(1e-3));
    }

    private static String read(String name) throws IOException {
        return Files.readString(DOCS.resolve(name), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
