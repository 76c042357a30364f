package owsim.cli;

import java.util.List;

/** Every top-level subcommand, in the order help lists them. Add a command here. */
final class Commands {
    private Commands() {}

    static List<Object> all() {
        return List.of(
            new RunCommand(),
            new ScenarioCommand(),
            new CatalogCommand(),
            new CostCommand(),
            new EquilibriumCommand(),
            new ClaimsCommand(),
            new SweepCommand(),
            new ExportCommand(),
            new AnalyzeCommand(),
            new BenchCommand());
    }
}
