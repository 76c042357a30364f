package owsim.claims.uncertainty;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import owsim.claims.ClaimResult;
import owsim.experiment.ExperimentSpec;
import owsim.experiment.ParameterSpec;
import owsim.experiment.design.Parameter;
import owsim.io.StrictYaml;
import owsim.experiment.store.ResultStore;
import owsim.io.InputException;

/**
 * The outcomes of a claims-under-uncertainty run in the sweep's DuckDB results file: table
 * {@code experiment} (the sweep's keys, plus {@code kind = claims-uncertainty}, the claims, the
 * number of worlds, each claim's outcome in the base world, and how the worlds were run: keys
 * {@code engine}, {@code users} and {@code replications}) and table {@code runs}, one row per
 * world x replication x claim: run_id, world, claim, seed, one {@code in:PATH} column per
 * parameter, verdict, holds, margin, margin_unit, owsim_version, base_hash, replication (last, so
 * that a file written before replications existed gains it with its rows at 0 when it is resumed
 * on the aggregate engine). Written by one thread in small
 * transactions as the sweep's store is, so a killed run loses only uncommitted rows and the same
 * command resumes it.
 */
public final class OutcomeStore implements AutoCloseable {
    /** The value of key {@code kind} that marks such a file (a sweep's file has no kind). */
    public static final String KIND = "claims-uncertainty";

    private final ResultStore store;
    private DuckDBAppender runs;
    private String version;
    private String baseHash;

    private OutcomeStore(ResultStore store) {
        this.store = store;
    }

    public static OutcomeStore open(Path file) {
        return new OutcomeStore(ResultStore.open(file));
    }

    /** Wraps an opened results file (for reading, as owsim analyze does). */
    public static OutcomeStore of(ResultStore store) {
        return new OutcomeStore(store);
    }

    /** Whether a results file holds claims outcomes rather than a sweep's runs. */
    public static boolean isOutcomes(Map<String, String> meta) {
        return KIND.equals(meta.get("kind"));
    }

    public Path file() { return store.file(); }

    public Map<String, String> meta() throws SQLException { return store.meta(); }

    /** Run ids already stored. */
    public BitSet storedRunIds() throws SQLException { return store.storedRunIds(); }

    /**
     * Prepares the file: a new one gets the description and the runs table; one written by the
     * same file, worlds, claims, engine, users and replications is resumed; any other is refused.
     *
     * @param defaults each claim's result in the base world (for the flip worlds)
     */
    public void begin(UncertaintySet set, List<String> claims, List<ClaimResult> defaults, String owsimVersion) throws SQLException {
        begin(set, claims, defaults, owsimVersion, WorldRunner.Runs.AGGREGATE);
    }

    /** As {@link #begin(UncertaintySet, List, List, String)}, for worlds run as {@code how} says. */
    public void begin(UncertaintySet set, List<String> claims, List<ClaimResult> defaults, String owsimVersion, WorldRunner.Runs how)
        throws SQLException {
        this.version = owsimVersion;
        this.baseHash = set.experiment().baseHash();
        Connection db = store.connection();
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS experiment (key VARCHAR PRIMARY KEY, value VARCHAR)");
        }
        Map<String, String> meta = store.meta();
        if (meta.isEmpty()) {
            db.setAutoCommit(false);
            Map<String, String> m = new LinkedHashMap<>(ResultStore.metadata(set.experiment(), owsimVersion));
            m.put("kind", KIND);
            m.put("claims", String.join("\n", claims));
            m.put("worlds", Integer.toString(set.worlds()));
            m.put("design", set.experiment().design().name());
            m.put("default_outcomes", defaults(defaults));
            m.putAll(runsMeta(how));
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO experiment VALUES (?, ?)")) {
                for (Map.Entry<String, String> x : m.entrySet()) {
                    ps.setString(1, x.getKey());
                    ps.setString(2, x.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            StringBuilder sql = new StringBuilder("CREATE TABLE runs (run_id INTEGER PRIMARY KEY, world INTEGER, claim VARCHAR, seed BIGINT");
            for (String p : set.paths()) sql.append(", ").append(ResultStore.quote(ResultStore.inColumn(p))).append(" DOUBLE");
            sql.append(", verdict VARCHAR, holds BOOLEAN, margin DOUBLE, margin_unit VARCHAR, owsim_version VARCHAR, base_hash VARCHAR, replication INTEGER)");
            try (Statement st = db.createStatement()) {
                st.execute(sql.toString());
            }
            db.commit();
        } else if (!isOutcomes(meta)) {
            throw InputException.ofField("results", store.file() + " holds a sweep's results, not claims outcomes: write to another --store file");
        } else if (!set.experiment().fileHash().equals(meta.get("file_hash"))) {
            throw InputException.ofField("results", store.file() + " holds outcomes of a different uncertainty file, number of worlds or set of claims ('"
                + meta.get("name") + "', " + meta.get("worlds") + " worlds, claims " + meta.get("claims").replace('\n', ',')
                + "): write to another --store file, or delete it to start again");
        } else if (!baseHash.equals(meta.get("base_hash"))) {
            throw InputException.ofField("results", store.file() + " was written with a different base scenario: delete it to start again, or write to another --store file");
        } else if (!runs(meta).equals(how)) {
            // Before the base world's outcomes: another engine or scale also changes those, and this says why.
            refuseRuns(runs(meta), how);
        } else if (!defaults(defaults).equals(meta.get("default_outcomes"))) {
            // Same files, other outcomes in the base world: the code changed, so the stored worlds
            // would mix two models' verdicts in one analysis.
            throw InputException.ofField("results", store.file() + " holds outcomes of another version of the model: the claims' outcomes in the"
                + " base world differ from those stored (" + changed(meta.get("default_outcomes"), defaults(defaults))
                + "); delete the file to start again, or write to another --store file");
        } else if (!meta.containsKey("engine")) {
            addRuns(how);
        }
        db.setAutoCommit(false);
        runs = db.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "runs");
    }

    /** Stores finished outcomes in one transaction. */
    public void write(List<WorldOutcome> done) throws SQLException {
        for (WorldOutcome o : done) {
            runs.beginRow().append(o.runId()).append(o.world()).append(o.claim()).append(o.seed());
            for (double v : o.parameters()) runs.append(v);
            runs.append(o.verdict()).append(o.holds());
            if (Double.isFinite(o.margin())) runs.append(o.margin());
            else runs.appendNull();
            runs.append(o.marginUnit()).append(version).append(baseHash).append(o.replication()).endRow();
        }
        runs.flush();
        store.connection().commit();
    }

    /** Every stored outcome, in run id order. */
    public List<WorldOutcome> outcomes() throws SQLException {
        List<String> paths = paths();
        // A file written before replications existed has no such column until it is resumed: its rows are replication 0.
        boolean legacy = !store.meta().containsKey("engine");
        StringBuilder sql = new StringBuilder("SELECT run_id, world, claim, seed, verdict, holds, margin, margin_unit, "
            + (legacy ? "0 AS replication" : "replication"));
        for (String p : paths) sql.append(", ").append(ResultStore.quote(ResultStore.inColumn(p)));
        sql.append(" FROM runs ORDER BY run_id");
        List<WorldOutcome> out = new ArrayList<>();
        try (Statement st = store.connection().createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                double margin = rs.getDouble(7);
                if (rs.wasNull()) margin = Double.NaN;
                double[] params = new double[paths.size()];
                for (int k = 0; k < params.length; k++) params[k] = rs.getDouble(10 + k);
                out.add(new WorldOutcome(rs.getInt(1), rs.getInt(2), rs.getInt(9), rs.getString(3), rs.getLong(4), params, rs.getString(5),
                    rs.getBoolean(6), margin, rs.getString(8)));
            }
        }
        return out;
    }

    /** The parameter paths, in order. */
    public List<String> paths() throws SQLException {
        String p = store.meta().get("parameters");
        return p == null || p.isEmpty() ? List.of() : List.of(p.split("\n"));
    }

    /** Each claim's outcome in the base world: claim -> {holds (1/0), margin}. */
    public Map<String, double[]> defaultOutcomes() throws SQLException {
        Map<String, double[]> out = new LinkedHashMap<>();
        String text = store.meta().get("default_outcomes");
        if (text == null || text.isEmpty()) return out;
        for (String line : text.split("\n")) {
            String[] f = line.split("\t");
            out.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return out;
    }

    /** The first claims whose stored base outcome differs from the current one, for the message. */
    private static String changed(String stored, String now) {
        List<String> was = stored == null ? List.of() : List.of(stored.split("\n"));
        List<String> is = List.of(now.split("\n"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(was.size(), is.size()); i++) {
            String a = i < was.size() ? was.get(i) : "none";
            String b = i < is.size() ? is.get(i) : "none";
            if (!a.equals(b)) out.add("claim " + (b.equals("none") ? a : b).split("\t")[0] + ": stored " + describe(a) + ", now " + describe(b));
        }
        return String.join("; ", out.subList(0, Math.min(3, out.size()))) + (out.size() > 3 ? "; ..." : "");
    }

    private static String describe(String line) {
        String[] f = line.split("\t");
        return f.length < 3 ? line : (f[1].equals("1") ? "holds" : "fails") + " with margin " + f[2];
    }

    /**
     * Everything the analysis reads, as an {@link OutcomeTable}: the description from the
     * {@code experiment} table, the rows in run id order.
     */
    public OutcomeTable table() throws SQLException {
        Map<String, String> meta = store.meta();
        ExperimentSpec spec = new StrictYaml().read(meta.get("source") + " (as stored)", meta.get("experiment_yaml"), ExperimentSpec.class);
        List<Parameter> params = owsim.experiment.Experiments.storedParameters(spec, meta.get(ResultStore.SHARE_CONCENTRATIONS));
        return new OutcomeTable(spec.name(), meta.get("design"), Integer.parseInt(meta.get("worlds")), spec.rootSeed(), params,
            List.of(meta.get("claims").split("\n")), defaultOutcomes(), outcomes(), meta.get("file_hash"), meta.get("base_hash"), runs(meta));
    }

    /** How the stored worlds were run: the keys engine, users and replications (a file without them was written on the aggregate engine). */
    static WorldRunner.Runs runs(Map<String, String> meta) {
        if (!meta.containsKey("engine")) return WorldRunner.Runs.AGGREGATE;
        return new WorldRunner.Runs(owsim.market.EngineKind.parse(meta.get("engine")), Integer.parseInt(meta.get("users")),
            Integer.parseInt(meta.get("replications")));
    }

    private static Map<String, String> runsMeta(WorldRunner.Runs how) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("engine", how.engine().id());
        m.put("users", Integer.toString(how.users()));
        m.put("replications", Integer.toString(how.replications()));
        return m;
    }

    /**
     * Refuses to resume a file whose worlds were run with another engine, number of users or of
     * replications: its outcomes and the new ones would be different experiments in one analysis.
     */
    private void refuseRuns(WorldRunner.Runs stored, WorldRunner.Runs how) {
        List<String> differ = new ArrayList<>();
        if (stored.engine() != how.engine()) differ.add("engine: stored " + stored.engine().id() + ", now " + how.engine().id());
        if (stored.users() != how.users()) differ.add("users: stored " + stored.users() + ", now " + how.users());
        if (stored.replications() != how.replications()) differ.add("replications: stored " + stored.replications() + ", now " + how.replications());
        throw InputException.ofField("results", store.file() + " holds outcomes made with the " + stored.describe() + ", not the " + how.describe()
            + " (" + String.join("; ", differ) + "): run with the same --engine, --users and --replications to resume it, write to another"
            + " --store file, or delete it to start again");
    }

    /**
     * A file written before the keys engine, users and replications existed was run on the
     * aggregate engine; resumed on it, it gains the keys and the replication column (0 on its rows).
     */
    private void addRuns(WorldRunner.Runs how) throws SQLException {
        Connection db = store.connection();
        db.setAutoCommit(false);
        try (Statement st = db.createStatement()) {
            st.execute("ALTER TABLE runs ADD COLUMN replication INTEGER DEFAULT 0");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT OR REPLACE INTO experiment VALUES (?, ?)")) {
            for (Map.Entry<String, String> x : runsMeta(how).entrySet()) {
                ps.setString(1, x.getKey());
                ps.setString(2, x.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        db.commit();
    }

    private static String defaults(List<ClaimResult> results) {
        List<String> lines = new ArrayList<>();
        for (ClaimResult r : results) lines.add(String.format(Locale.ROOT, "%s\t%d\t%s", r.id(), r.holdsHere() ? 1 : 0, Double.toString(r.margin())));
        return String.join("\n", lines);
    }

    @Override public void close() {
        try {
            if (runs != null) runs.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + store.file() + ": " + e.getMessage(), e);
        } finally {
            store.close();
        }
    }
}
