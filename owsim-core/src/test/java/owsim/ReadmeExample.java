package owsim;

import java.io.PrintStream;
import owsim.catalog.Catalog;
import owsim.market.Engine;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * The README's Java example, compiled once: ReadmeExampleTest runs it on the class path and
 * ModulePathMain with owsim-core on the module path. It uses no test library, so the module-path
 * JVM (which has none) can load it.
 */
final class ReadmeExample {
    private ReadmeExample() {}

    /** The README's lines, with System.out taken as {@code out}. */
    static void print(PrintStream out) {
        PrintStream system = System.out;
        System.setOut(out);
        try {
            Catalog catalog = Catalog.bundled();
            Scenario scenario = Scenarios.defaultScenario();
            Engine engine = new AggregateEngine(catalog);
            RunResult run = engine.run(scenario);
            for (LabSummary lab : run.labs()) {
                System.out.printf("%s: payoff %.3g USD%n", lab.id(), lab.payoff());
            }
        } finally {
            System.setOut(system);
        }
    }
}
