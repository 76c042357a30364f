package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports that R reads as written, and analyze on a Spark sweep's Parquet output. */
class ExportCommandTest {
    private static final String EXPERIMENT = """
        name: export-test
        months: 6
        rootSeed: 7
        replications: 2
        design: {kind: grid, levels: 2}
        parameters:
          - path: labs[open-challenger].researchers
            min: 200
            max: 400
        metrics:
          - market.openWeightTokenShare
          - labs[open-challenger].revenueUsd
        """;

    @TempDir static Path tmp;
    static Path db;

    @BeforeAll
    static void sweep() throws Exception {
        Path exp = Files.writeString(tmp.resolve("e.yaml"), EXPERIMENT);
        db = tmp.resolve("e.duckdb");
        Cli r = Cli.run("sweep", exp.toString(), "--out", db.toString(), "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void csvColumnsAreRSafeAndTheSeedIsQuotedText() throws Exception {
        Path csv = tmp.resolve("e.csv");
        Cli r = Cli.run("export", db.toString(), "--csv", "--out", csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        // DuckDB quotes the forced column's header as well as its values.
        assertThat(lines.get(0)).isEqualTo("run_id,design_row,replication,\"seed\",in_labs_open_challenger_researchers,"
            + "out_market_openWeightTokenShare,out_labs_open_challenger_revenueUsd,owsim_version,base_hash");
        // Every name is what R's make.names leaves unchanged: letters, digits, _ and no leading digit.
        for (String name : lines.get(0).replace("\"", "").split(",")) assertThat(name).matches("[A-Za-z][A-Za-z0-9_]*");
        List<Long> seeds = storeSeeds();
        assertThat(lines).hasSize(seeds.size() + 1);
        for (int i = 0; i < seeds.size(); i++) {
            assertThat(lines.get(i + 1).split(",")[3]).isEqualTo("\"" + seeds.get(i) + "\"");
        }
        assertThat(seeds).anyMatch(s -> Math.abs(s) > (1L << 53)); // a seed a double could not hold
    }

    @Test
    void parquetKeepsTheSeedExactAsText() throws Exception {
        Path pq = tmp.resolve("e.parquet");
        assertThat(Cli.run("export", db.toString(), "--parquet", "--out", pq.toString()).exit()).isZero();
        List<String> seeds = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT typeof(seed), seed, in_labs_open_challenger_researchers FROM read_parquet('"
                 + pq + "') ORDER BY run_id")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).isEqualTo("VARCHAR");
                seeds.add(rs.getString(2));
                assertThat(rs.getDouble(3)).isIn(200.0, 400.0);
            }
        }
        assertThat(seeds).isEqualTo(storeSeeds().stream().map(String::valueOf).toList());
    }

    @Test
    void originalNamesKeepTheStoresColumns() throws Exception {
        Path csv = tmp.resolve("orig.csv");
        assertThat(Cli.run("export", db.toString(), "--csv", "--original-names", "--out", csv.toString()).exit()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).startsWith("run_id,design_row,replication,\"seed\",in:labs[open-challenger].researchers,");
    }

    @Test
    void analyzeReadsASparkSweepsParquetDirectory() throws Exception {
        // The layout SparkSweepJob writes: DIR/runs and DIR/experiment, Parquet part files, same columns.
        Path dir = tmp.resolve("spark-out");
        Files.createDirectories(dir.resolve("runs"));
        Files.createDirectories(dir.resolve("experiment"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM runs WHERE run_id % 2 = 0) TO '" + dir.resolve("runs/part-00000.parquet") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT * FROM runs WHERE run_id % 2 = 1) TO '" + dir.resolve("runs/part-00001.parquet") + "' (FORMAT PARQUET)");
            st.execute("COPY experiment TO '" + dir.resolve("experiment/part-00000.parquet") + "' (FORMAT PARQUET)");
        }
        Files.writeString(dir.resolve("runs/_SUCCESS"), "");
        Cli fromDuckDb = Cli.run("analyze", db.toString());
        Cli fromParquet = Cli.run("analyze", dir.toString());
        assertThat(fromParquet.exit()).as(fromParquet.err()).isZero();
        assertThat(fromParquet.out()).contains("export-test: grid design, 4 of 4 runs stored").isEqualTo(fromDuckDb.out());

        Path csv = tmp.resolve("spark.csv");
        assertThat(Cli.run("export", dir.toString(), "--csv", "--out", csv.toString()).exit()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(5);
    }

    @Test
    void aDirectoryWithoutParquetIsAUsageError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty-out/runs"));
        Cli r = Cli.run("analyze", dir.getParent().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not a Spark sweep's output").contains("no Parquet files");
    }

    private static List<Long> storeSeeds() throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT seed FROM runs ORDER BY run_id")) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }
}
