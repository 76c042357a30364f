package owsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import owsim.catalog.Catalog;
import owsim.experiment.Experiment;
import owsim.experiment.ExperimentRunner;
import owsim.experiment.Experiments;
import owsim.experiment.RunOutput;
import owsim.experiment.Sweep;
import owsim.experiment.store.ResultStore;
import owsim.progress.ProgressListener;
import owsim.scenario.Scenarios;

/** Spark's rows against the local runner's, run for run and bit for bit, in local[2]. */
@ExtendWith(LocalSpark.class)
class SparkSweepJobTest {
    private static final String VERSION = "test-version";

    @Test
    void smallGridEqualsTheLocalRunnerForEveryRun(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path exp = Path.of("..", "experiments", "small-grid.yaml");
        Experiment e = Experiments.load(exp);
        assertThat(e.replications()).isGreaterThan(1);
        assertSameAsLocal(spark, exp, null, tmp, 3);
    }

    @Test
    void filesTheExperimentNamesAndTheCatalogTravelToTheExecutors(SparkSession spark, @TempDir Path tmp) throws Exception {
        // The base scenario in a folder below the experiment's (files an experiment names must be
        // inside its folder), the sample next to it, a catalog that makes rented H100s three times
        // dearer: each reaches the executors as text.
        Files.createDirectories(tmp.resolve("exp/scenarios"));
        Files.writeString(tmp.resolve("exp/scenarios/base.yaml"), Scenarios.defaultYaml());
        Path dir = Files.createDirectories(tmp.resolve("exp"));
        Files.writeString(dir.resolve("points.csv"), """
            technology.spilloverPerMonth,labs[open-challenger].researchers
            0.02,100
            0.05,500
            0.12,1000
            0.08,250
            """);
        Path exp = dir.resolve("shipped.yaml");
        Files.writeString(exp, """
            name: shipped-files
            base: scenarios/base.yaml
            months: 12
            replications: 3
            rootSeed: 7
            design: {kind: csv, file: points.csv}
            parameters:
              - {path: technology.spilloverPerMonth, min: 0.02, max: 0.12}
              - {path: "labs[open-challenger].researchers", min: 100, max: 1000}
            metrics:
              - market.openWeightTokenShare
              - market.consumerSurplusUsd
              - labs[open-challenger].payoff
              - labs[open-challenger].servingCostUsd
            """);
        Path catalog = tmp.resolve("dear-h100.yaml");
        Files.writeString(catalog, """
            accelerators:
              - id: h100-sxm
                name: NVIDIA H100 SXM 80GB (dear)
                vendor: NVIDIA
                kind: datacenter
                memoryGB: 80
                memoryBandwidthGBps: 3350
                bf16Tflops: 989
                fp8Tflops: 1979
                int8Tops: 1979
                fp4Tflops: 0
                devicesPerNode: 8
                interconnectGBps: 450
                networkGBps: 50
                powerWatts: 700
                purchaseUsd: 82500
                rentalUsdPerHour: 8.85
                sources: ["test: three times the bundled prices"]
            """);
        ExperimentSource withCatalog = assertSameAsLocal(spark, exp, catalog, tmp.resolve("dear"), 2);
        assertThat(withCatalog.files()).containsOnlyKeys("scenarios/base.yaml", "points.csv");

        // The catalog did travel: the same runs with the bundled catalog differ.
        Experiment e = Experiments.load(exp);
        RunOutput dear = withCatalog.runner().run(0);
        RunOutput bundled = new ExperimentRunner(e, Catalog.bundled()).run(0);
        assertThat(dear.metrics()).isNotEqualTo(bundled.metrics());
    }

    @Test
    void anExecutorRefusesAnExperimentThatDiffersFromTheDriversAndTheJobSaysWhy(SparkSession spark, @TempDir Path tmp) {
        Path exp = Path.of("..", "experiments", "small-grid.yaml");
        Experiment e = Experiments.load(exp);
        ExperimentSource good = ExperimentSource.of(e, exp, null);
        ExperimentSource tampered = new ExperimentSource(good.source(), good.yaml(), good.files(), null, null, null, null, "0".repeat(64), good.baseHash());
        Throwable thrown = catchThrowable(() -> new SparkSweepJob(spark).run(e, tampered, 18, 2, tmp.resolve("x").toString(), VERSION));
        assertThat(thrown).isNotNull();
        assertThat(SparkSweep.failure(thrown)).contains("owsim: cause: java.lang.IllegalStateException: " + good.source()
            + ": the experiment rebuilt on an executor differs from the driver's");
    }

    /** Runs the experiment on Spark and checks every run against the runner and the local DuckDB sweep. */
    private static ExperimentSource assertSameAsLocal(SparkSession spark, Path exp, Path catalogFile, Path tmp, int partitions) throws Exception {
        Experiment e = Experiments.load(exp);
        ExperimentSource source = ExperimentSource.of(e, exp, catalogFile);
        Catalog catalog = Catalog.bundledPlus(catalogFile);
        ExperimentRunner runner = new ExperimentRunner(e, catalog);
        int total = runner.totalRuns();
        String out = tmp.resolve("spark").toString();
        new SparkSweepJob(spark).run(e, source, total, partitions, out, VERSION);

        // The local runner's sweep into a DuckDB store, keeping each run's output: checks 1 and 2 compare with these runs
        // (made once; a run depends on its id alone, on any thread).
        Path db = tmp.resolve("local.duckdb");
        RunOutput[] made = new RunOutput[total];
        try (ResultStore store = ResultStore.open(db)) {
            store.begin(e, VERSION);
            Sweep.run(runner, new BitSet(), 2, batch -> {
                store.write(batch);
                for (RunOutput r : batch) made[r.runId()] = r;
            }, ProgressListener.NONE);
        }

        // 1. Every run id, read back through Spark, equals the runner's run bit for bit.
        List<Row> rows = spark.read().parquet(out + "/runs").orderBy("run_id").collectAsList();
        assertThat(rows).hasSize(total);
        int p = e.paths().size();
        for (int id = 0; id < total; id++) {
            RunOutput r = made[id];
            assertThat(r).as("run %d made by the local sweep", id).isNotNull();
            assertThat(r.runId()).isEqualTo(id);
            Row row = rows.get(id);
            assertThat(List.of(row.getInt(0), row.getInt(1), row.getInt(2))).as("run %d", id).containsExactly(id, r.row(), r.replication());
            assertThat(row.getLong(3)).as("seed of run %d", id).isEqualTo(r.seed());
            for (int k = 0; k < p; k++) assertThat(bits(row.getDouble(4 + k))).as("run %d parameter %d", id, k).isEqualTo(bits(r.parameters()[k]));
            for (int k = 0; k < r.metrics().length; k++) {
                double m = r.metrics()[k];
                if (Double.isFinite(m)) assertThat(bits(row.getDouble(4 + p + k))).as("run %d metric %d", id, k).isEqualTo(bits(m));
                else assertThat(row.isNullAt(4 + p + k)).isTrue();
            }
            assertThat(row.getString(row.length() - 2)).isEqualTo(VERSION);
            assertThat(row.getString(row.length() - 1)).isEqualTo(e.baseHash());
        }

        // 2. The local runner's DuckDB store and the Parquet tables, both read by DuckDB: same
        // column names and types, same rows, same experiment description.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("ATTACH '" + db + "' AS local (READ_ONLY)");
            String parquetRuns = "read_parquet('" + out + "/runs/*.parquet')";
            assertThat(columns(st, "SELECT * FROM " + parquetRuns)).isEqualTo(columns(st, "SELECT * FROM local.runs"))
                .startsWith("run_id INTEGER", "design_row INTEGER", "replication INTEGER", "seed BIGINT");
            assertThat(rows(st, "SELECT * FROM " + parquetRuns + " ORDER BY run_id")).hasSize(total)
                .isEqualTo(rows(st, "SELECT * FROM local.runs ORDER BY run_id"));
            assertThat(keyValues(st, "SELECT key, value FROM read_parquet('" + out + "/experiment/*.parquet')"))
                .isEqualTo(keyValues(st, "SELECT key, value FROM local.experiment"))
                .containsEntry("file_hash", e.fileHash());
        }
        // 3. owsim analyze reads the output directory as it reads the DuckDB file: the same report.
        String fromParquet;
        String fromDuckDb;
        try (ResultStore parquet = ResultStore.openExisting(Path.of(out))) {
            fromParquet = owsim.report.ExperimentReport.text(owsim.experiment.store.ResultsAnalysis.of(parquet));
        }
        try (ResultStore local = ResultStore.openExisting(db)) {
            fromDuckDb = owsim.report.ExperimentReport.text(owsim.experiment.store.ResultsAnalysis.of(local));
        }
        assertThat(fromParquet).isEqualTo(fromDuckDb).contains(total + " of " + total + " runs stored");
        return source;
    }

    private static long bits(double d) { return Double.doubleToRawLongBits(d); }

    private static List<String> columns(Statement st, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE " + query)) {
            while (rs.next()) out.add(rs.getString("column_name") + " " + rs.getString("column_type"));
        }
        return out;
    }

    /** Rows as lists of Java values (Double compares by its bits). */
    /** Every row a query returns, as lists of column values. */
    static List<List<Object>> rows(Statement st, String query) throws Exception {
        List<List<Object>> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    private static Map<String, String> keyValues(Statement st, String query) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }
}
