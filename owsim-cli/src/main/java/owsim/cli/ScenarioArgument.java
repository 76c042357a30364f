package owsim.cli;

import java.nio.file.Path;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/** A SCENARIO argument: a YAML file, or "default" (or nothing) for the embedded default world. */
final class ScenarioArgument {
    private ScenarioArgument() {}

    /** The word that names the embedded default scenario on the command line. */
    static final String DEFAULT = "default";

    /** Loads and validates the scenario, including its references into the catalog. */
    static Scenario load(String argument, Catalog catalog) {
        boolean embedded = argument == null || argument.equals(DEFAULT);
        Scenario s = embedded ? Scenarios.defaultScenario() : Scenarios.load(Path.of(argument));
        try {
            Scenarios.checkCatalog(s, catalog);
        } catch (InputException e) {
            // The catalog check knows the field, not the file: put the file in front so the user knows where.
            throw new InputException(embedded ? "(bundled default scenario)" : argument, 0, 0, null, e.getMessage());
        }
        return s;
    }
}
