package owsim.cli;

import java.nio.file.Path;
import java.util.function.Supplier;
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
        return load(argument, catalog, null);
    }

    /**
     * As {@link #load(String, Catalog)}, with the bundled default already parsed ({@code parsedDefault}, null: parse it
     * now): a scenario is immutable, and the web app's runs of the default world parsed the same YAML on every request
     * (a tenth of a fresh run's time). It is still checked against this catalog.
     */
    static Scenario load(String argument, Catalog catalog, Supplier<Scenario> parsedDefault) {
        if (argument != null && !argument.equals(DEFAULT)) return Scenarios.load(Path.of(argument), catalog);
        Scenario s = parsedDefault == null ? Scenarios.defaultScenario() : parsedDefault.get();
        try {
            Scenarios.checkCatalog(s, catalog);
        } catch (InputException e) {
            throw new InputException("(bundled default scenario)", 0, 0, null, e.getMessage());
        }
        return s;
    }
}
