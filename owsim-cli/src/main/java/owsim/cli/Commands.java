package owsim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every top-level subcommand by its name, in the order help lists them. Add a command here. */
final class Commands {
    /**
     * Name (as in the class's {@code @Command}; a test checks they agree) to a maker of the
     * command, so that a command line can build only the command it runs: picocli reads every
     * command's annotations when the command is added, a tenth of a second for the whole tree.
     */
    private static final Map<String, Supplier<Object>> BY_NAME = byName();

    private Commands() {}

    private static Map<String, Supplier<Object>> byName() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("run", RunCommand::new);
        m.put("scenario", ScenarioCommand::new);
        m.put("catalog", CatalogCommand::new);
        m.put("cost", CostCommand::new);
        m.put("equilibrium", EquilibriumCommand::new);
        m.put("compare-engines", CompareEnginesCommand::new);
        m.put("claims", ClaimsCommand::new);
        m.put("sweep", SweepCommand::new);
        m.put("export", ExportCommand::new);
        m.put("analyze", AnalyzeCommand::new);
        m.put("calibrate", CalibrateCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("serve", ServeCommand::new);
        return m;
    }

    static List<Object> all() {
        List<Object> all = new ArrayList<>();
        for (Supplier<Object> s : BY_NAME.values()) all.add(s.get());
        return all;
    }

    /** A new instance of the top-level command of this name, or null if there is none. */
    static Object named(String name) {
        Supplier<Object> s = BY_NAME.get(name);
        return s == null ? null : s.get();
    }

    /** The names, in help order. */
    static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
