package owsim.experiment.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import owsim.experiment.Experiment;
import owsim.experiment.Experiments;
import owsim.experiment.RunOutput;
import owsim.io.InputException;

/**
 * An experiment's results in one embedded DuckDB file: table {@code experiment} (key, value: the
 * experiment file's text and hash, base scenario hash, design, parameter and metric names, owsim
 * version) and table {@code runs}, one row per finished run (run_id, design_row, replication,
 * seed, one column per parameter "in:PATH", one per metric "out:METRIC", owsim_version,
 * base_hash). Rows are written in small transactions by one thread, so a killed sweep loses only
 * the runs not yet committed; reopening the file resumes.
 */
public final class ResultStore implements AutoCloseable {
    /** Prefix of parameter columns in {@code runs}. */
    public static final String IN = "in:";
    /** Prefix of metric columns in {@code runs}. */
    public static final String OUT = "out:";

    private final Path file;
    private final Connection db;
    private DuckDBAppender runs;
    private String version;
    private String baseHash;

    private ResultStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating when absent) a results file. */
    public static ResultStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            return new ResultStore(file, c);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open results file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing results file, or the output directory of a Spark sweep (read through views
     * on its Parquet files); refuses a missing one or one without runs.
     */
    public static ResultStore openExisting(Path file) {
        if (Files.isDirectory(file)) return openSparkOutput(file);
        if (!Files.isRegularFile(file)) throw InputException.ofField("results", "no results file " + file);
        ResultStore s = open(file);
        try {
            if (s.meta().isEmpty()) {
                s.close();
                throw InputException.ofField("results", file + " holds no experiment (write it with owsim sweep)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    /**
     * A Spark sweep's output, {@code DIR/runs} and {@code DIR/experiment} with the columns of the
     * tables of the same names, as views in an in-memory database: DuckDB reads Parquet itself.
     */
    private static ResultStore openSparkOutput(Path dir) {
        for (String table : List.of("runs", "experiment")) {
            if (!hasParquet(dir.resolve(table))) {
                throw InputException.ofField("results", dir + " is a directory but not a Spark sweep's output: " + dir.resolve(table)
                    + " holds no Parquet files (the experiment table is written last, so a sweep that did not finish has none)");
            }
        }
        ResultStore s;
        try {
            s = new ResultStore(dir, DriverManager.getConnection("jdbc:duckdb:"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start DuckDB to read " + dir + ": " + e.getMessage(), e);
        }
        try (Statement st = s.db.createStatement()) {
            for (String table : List.of("runs", "experiment")) {
                String glob = dir.toAbsolutePath().resolve(table).resolve("*.parquet").toString().replace("'", "''");
                st.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + glob + "')");
            }
            if (s.meta().isEmpty()) throw InputException.ofField("results", dir + " holds no experiment description in experiment/");
        } catch (SQLException e) {
            s.close();
            throw InputException.ofField("results", "cannot read the Parquet files of " + dir + ": " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String firstLine(String m) {
        if (m == null) return "unknown error";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public Connection connection() { return db; }

    public Path file() { return file; }

    /**
     * Prepares the store for this experiment: a new file gets the experiment's description and
     * runs table; a file written by the same experiment file is resumed; any other is refused.
     */
    public void begin(Experiment e, String owsimVersion) throws SQLException {
        this.version = owsimVersion;
        this.baseHash = e.baseHash();
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS experiment (key VARCHAR PRIMARY KEY, value VARCHAR)");
        }
        Map<String, String> meta = meta();
        if (meta.isEmpty()) {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO experiment VALUES (?, ?)")) {
                for (Map.Entry<String, String> x : metadata(e, owsimVersion).entrySet()) {
                    ps.setString(1, x.getKey());
                    ps.setString(2, x.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            StringBuilder sql = new StringBuilder("CREATE TABLE runs (run_id INTEGER PRIMARY KEY, design_row INTEGER, replication INTEGER, seed BIGINT");
            for (String p : e.paths()) sql.append(", ").append(quote(inColumn(p))).append(" DOUBLE");
            for (var mt : e.metrics()) sql.append(", ").append(quote(outColumn(mt.name()))).append(" DOUBLE");
            sql.append(", owsim_version VARCHAR, base_hash VARCHAR)");
            try (Statement st = db.createStatement()) {
                st.execute(sql.toString());
            }
            db.commit();
        } else if (!e.fileHash().equals(meta.get("file_hash"))) {
            throw InputException.ofField("results", file + " holds results of a different experiment file ('" + meta.get("name") + "', "
                + meta.get("source") + ", hash " + abbrev(meta.get("file_hash")) + "; this file's hash is " + abbrev(e.fileHash())
                + "): write to another --out file, or delete it to start again");
        } else if (!e.baseHash().equals(meta.get("base_hash"))) {
            throw InputException.ofField("results", file + " was written with a different base scenario (hash " + abbrev(meta.get("base_hash"))
                + ", now " + abbrev(e.baseHash()) + "): resume with the base it was written with (the same --base, if one was given),"
                + " or write to another --out file");
        }
        db.setAutoCommit(false);
        // The appender (DuckDB's bulk path) instead of an INSERT per row: 1.6 s of CPU instead of 8.5 s
        // for the 22,528 rows of a large sweep. Its rows join the open transaction on flush.
        runs = db.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "runs");
    }

    /**
     * Key of the {@code experiment} table's row with each group of shares' Dirichlet
     * concentrations as resolved on the base scenario, one line per group (present only when the
     * experiment has groups): a group centred on the base values cannot be rebuilt from the file alone.
     */
    public static final String SHARE_CONCENTRATIONS = "share_concentrations";

    /**
     * The rows of table {@code experiment} for this experiment, in order. Public so that other
     * writers of results (the Spark runner) describe an experiment with exactly the same keys.
     */
    public static Map<String, String> metadata(Experiment e, String owsimVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("source", e.source());
        m.put("file_hash", e.fileHash());
        m.put("base_hash", e.baseHash());
        m.put("design", e.design().name());
        m.put("replications", Integer.toString(e.replications()));
        m.put("root_seed", Long.toString(e.rootSeed()));
        m.put("parameters", String.join("\n", e.paths()));
        m.put("metrics", String.join("\n", e.metrics().stream().map(x -> x.name()).toList()));
        m.put("owsim_version", owsimVersion);
        m.put("experiment_yaml", e.yamlText());
        String shares = Experiments.shareConcentrations(e.parameters());
        if (!shares.isEmpty()) m.put(SHARE_CONCENTRATIONS, shares);
        return m;
    }

    /** The {@code runs} column of a parameter path. */
    public static String inColumn(String path) { return IN + path; }

    /** The {@code runs} column of a metric. */
    public static String outColumn(String metric) { return OUT + metric; }

    private static String abbrev(String h) { return h == null ? "?" : h.substring(0, Math.min(12, h.length())); }

    /** Ids of the runs already stored. */
    public BitSet storedRunIds() throws SQLException {
        BitSet b = new BitSet();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT run_id FROM runs")) {
            while (rs.next()) b.set(rs.getInt(1));
        }
        return b;
    }

    /** Stores finished runs in one transaction. */
    public void write(List<RunOutput> finished) throws SQLException {
        for (RunOutput r : finished) {
            runs.beginRow().append(r.runId()).append(r.row()).append(r.replication()).append(r.seed());
            for (double v : r.parameters()) runs.append(v);
            for (double v : r.metrics()) {
                if (Double.isFinite(v)) runs.append(v);
                else runs.appendNull();
            }
            runs.append(version).append(baseHash).endRow();
        }
        runs.flush();
        db.commit();
    }

    /** The experiment table as a map (empty when the file is new). */
    public Map<String, String> meta() throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (Statement st = db.createStatement()) {
            try (ResultSet t = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'experiment'")) {
                t.next();
                if (t.getInt(1) == 0) return m;
            }
            try (ResultSet rs = st.executeQuery("SELECT key, value FROM experiment")) {
                while (rs.next()) m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    /** One column of the runs table ordered by run id (NULL as NaN). */
    public double[] column(String name) throws SQLException {
        List<Double> v = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT " + quote(name) + " FROM runs ORDER BY run_id")) {
            while (rs.next()) {
                double d = rs.getDouble(1);
                v.add(rs.wasNull() ? Double.NaN : d);
            }
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }

    /** Number of stored runs. */
    public int runCount() throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM runs")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Writes the runs table to a CSV or Parquet file with DuckDB's COPY, ordered by run id. The seed
     * is written as text: it uses all 64 bits, and R (and a spreadsheet) read numbers as doubles,
     * which keep 53. With {@code safeNames} each column gets its {@link #alias}, a name R, pandas
     * and SQL read as written; otherwise the store's names ({@code in:PATH}, {@code out:METRIC}).
     */
    public void export(Path out, boolean parquet, boolean safeNames) throws SQLException {
        List<String> columns = columns();
        List<String> names = safeNames ? aliases(columns) : columns;
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) select.append(", ");
            String c = quote(columns.get(i));
            select.append(columns.get(i).equals("seed") ? "CAST(" + c + " AS VARCHAR)" : c).append(" AS ").append(quote(names.get(i)));
        }
        String target = out.toAbsolutePath().toString().replace("'", "''");
        try (Statement st = db.createStatement()) {
            // In CSV the seed is also quoted, so a reader that keeps quoted fields as text does.
            st.execute("COPY (" + select + " FROM runs ORDER BY run_id) TO '" + target + "' (FORMAT "
                + (parquet ? "PARQUET" : "CSV, HEADER, FORCE_QUOTE (" + quote(names.get(columns.indexOf("seed"))) + ")") + ")");
        }
    }

    /** The columns of the runs table, in order. */
    public List<String> columns() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM runs LIMIT 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) out.add(md.getColumnName(i));
        }
        return out;
    }

    /**
     * A column name that R ({@code read.csv}), pandas and SQL take as written: every run of
     * characters other than ASCII letters and digits becomes one underscore, none at either end
     * ({@code in:labs[open-challenger].researchers} is {@code in_labs_open_challenger_researchers},
     * {@code out:market.openWeightTokenShare} is {@code out_market_openWeightTokenShare}).
     */
    public static String alias(String column) {
        String a = column.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (a.isEmpty() || Character.isDigit(a.charAt(0))) a = "x_" + a;
        return a;
    }

    /** The aliases of the columns; a name taken by an earlier column gets _2, _3, ... so every name is distinct. */
    public static List<String> aliases(List<String> columns) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String c : columns) {
            String a = alias(c);
            String name = a;
            // DuckDB (and SQL) compare names without case: so does the check.
            for (int k = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); k++) name = a + "_" + k;
            out.add(name);
        }
        return out;
    }

    /** A double-quoted SQL identifier. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override public void close() {
        try {
            if (runs != null) runs.close();
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
