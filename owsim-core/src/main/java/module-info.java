/**
 * The owsim library: the model catalog, the serving engine, scenarios, the market model and its two
 * engines, experiments, calibration, release-policy games, claims and report writers.
 *
 * <p>A library user reads the exported packages only; {@code ModuleTest} pins their list. Start
 * with {@link owsim.scenario.Scenarios}, {@link owsim.catalog.Catalog} and
 * {@link owsim.market.Engine} (the README's example). Not exported: {@code owsim.market.network}
 * (the agent engine's social networks) and {@code owsim.format} (the number formatting of the
 * command and the reports). The mechanisms of {@code owsim.market}, its world, state, step list,
 * metrics and serving prices are package-private: both engines, in their own packages, step a run
 * through {@link owsim.market.MarketRun} alone.
 *
 * <p>The packages whose records and enums Jackson reads or writes by reflection (scenario,
 * catalog, experiment and calibration files, serving answers) are open to Jackson's data binding.
 *
 * <p>DuckDB's JDBC driver and Commons Math are automatic modules (jars without a module
 * descriptor), hence the suppressed warning on their {@code requires}.
 */
@SuppressWarnings("requires-automatic")
module owsim.core {
    requires transitive java.sql;
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires duckdb.jdbc;
    // Commons Math 3.6.1 names no module: this is the name Java derives from its jar's file name.
    requires commons.math3;

    exports owsim.calibration;
    exports owsim.catalog;
    exports owsim.claims;
    exports owsim.claims.uncertainty;
    exports owsim.experiment;
    exports owsim.experiment.analysis;
    exports owsim.experiment.design;
    exports owsim.experiment.discovery;
    exports owsim.experiment.store;
    exports owsim.io;
    exports owsim.market;
    exports owsim.market.agent;
    exports owsim.market.aggregate;
    exports owsim.market.engines;
    exports owsim.policy;
    exports owsim.progress;
    exports owsim.random;
    exports owsim.report;
    exports owsim.report.chart;
    exports owsim.scenario;
    exports owsim.serving;
    exports owsim.strategy;
    exports owsim.strategy.games;

    opens owsim.calibration to com.fasterxml.jackson.databind;
    opens owsim.catalog to com.fasterxml.jackson.databind;
    opens owsim.experiment to com.fasterxml.jackson.databind;
    opens owsim.policy to com.fasterxml.jackson.databind;
    opens owsim.scenario to com.fasterxml.jackson.databind;
    opens owsim.serving to com.fasterxml.jackson.databind;
}
