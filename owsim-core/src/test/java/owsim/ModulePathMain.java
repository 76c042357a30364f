package owsim;

import owsim.catalog.Catalog;
import owsim.market.Engine;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Run by {@link ModulePathTest} in a JVM of its own, from the class path, with owsim-core on the
 * module path: the README's example through exported packages only, then a look at an internal
 * package from outside the module.
 */
final class ModulePathMain {
    private ModulePathMain() {}

    public static void main(String[] args) throws Exception {
        Catalog catalog = Catalog.bundled();
        Scenario scenario = Scenarios.defaultScenario();
        Engine engine = new AggregateEngine(catalog);
        RunResult run = engine.run(scenario);
        for (LabSummary lab : run.labs()) {
            System.out.printf("%s: payoff %.3g USD%n", lab.id(), lab.payoff());
        }
        Module core = Engine.class.getModule();
        System.out.println("module " + core.getName());
        System.out.println("network exported " + core.isExported("owsim.market.network"));
        try {
            Class.forName("owsim.market.network.Networks").getMethod("fullyMixed", int.class).invoke(null, 10);
            System.out.println("network reached");
        } catch (IllegalAccessException e) {
            System.out.println("network refused");
        }
    }
}
