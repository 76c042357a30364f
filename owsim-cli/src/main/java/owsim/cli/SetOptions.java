package owsim.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.Scenarios;

/**
 * The {@code --set PATH=VALUE} options of {@code owsim run}: scenario fields named by the paths
 * experiment files use ({@link ScenarioOverrides}), so one design point of a sweep can be rerun.
 */
final class SetOptions {
    private SetOptions() {}

    /** The option's name, which every error starts with. */
    static final String OPTION = "--set";

    /**
     * The scenario with every assignment applied together (a later one to the same path wins), each
     * path checked first so a mistake names the path and what is allowed.
     */
    static Scenario apply(Scenario base, List<String> assignments, Catalog catalog) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw InputException.ofField(OPTION, "'" + a + "' is not PATH=VALUE; for example labs[open-challenger].researchers=400"
                    + " (paths as in experiment files, see docs/EXPERIMENTS.md)");
            }
            String path = a.substring(0, eq).trim();
            String value = a.substring(eq + 1).trim();
            if (path.isEmpty()) throw InputException.ofField(OPTION, "'" + a + "' has no path before '='");
            if (value.isEmpty()) throw InputException.ofField(OPTION, "'" + a + "' has no value after '='");
            values.remove(path); // keeps the order of the last assignment, as one at a time would
            values.put(path, value);
        }
        ScenarioOverrides overrides = new ScenarioOverrides();
        try {
            for (String path : values.keySet()) overrides.check(base, path);
            Scenario s = overrides.apply(base, values);
            // A model or accelerator id set here is checked against the catalog, as in a file.
            Scenarios.checkCatalog(s, catalog);
            return s;
        } catch (InputException e) {
            throw InputException.ofField(OPTION, e.getMessage());
        }
    }
}
