package owsim.claims.uncertainty;

import java.nio.file.Path;
import owsim.claims.Claim;
import owsim.claims.Claims;
import owsim.scenario.Scenarios;

/** The committed outcome table next to docs/CLAIMS.md, and the uncertainty file and base world it was made from (as the command makes them). */
public final class CommittedTable {
    /** The command that regenerates docs/CLAIMS.md, docs/claims.html and the table (run from the repository's root). */
    public static final String COMMAND = "owsim claims default --out docs --uncertainty experiments/claims-uncertainty.yaml";
    public static final Path DOCS = Path.of("..", "docs");
    private static final Path FILE = Path.of("..", "experiments", "claims-uncertainty.yaml");

    private CommittedTable() {}

    /** The worlds as {@link #COMMAND} samples them: the shipped file around the embedded default world. */
    public static UncertaintySet set() {
        return UncertaintySet.load(FILE, null, Claims.all().stream().map(Claim::id).toList())
            .withBase(Scenarios.defaultScenario(), Scenarios.defaultYaml());
    }

    private static UncertaintyReport report;

    /**
     * The analysis of the committed table (PRIM, CART and the rest over its 256 worlds, seconds of
     * CPU), made once per test JVM: {@code ClaimsTest} renders the docs from it and
     * {@code UncertaintyAnalysisTest} checks its boxes. It is a function of the table alone.
     */
    public static synchronized UncertaintyReport report() {
        if (report == null) report = UncertaintyAnalysis.of(table(set()));
        return report;
    }

    /** The committed table, read strictly (a stale one fails here, naming the command). */
    public static OutcomeTable table(UncertaintySet set) {
        return OutcomeTable.read(DOCS.resolve(OutcomeTable.FILE), set);
    }
}
