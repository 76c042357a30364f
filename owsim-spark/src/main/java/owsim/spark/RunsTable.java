package owsim.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import owsim.experiment.Experiment;
import owsim.experiment.OutputMetric;
import owsim.experiment.RunOutput;
import owsim.experiment.store.ResultStore;

/**
 * The two tables of a Spark sweep, with the names and types of the local runner's DuckDB store
 * ({@link ResultStore}) so that one reader serves both: {@code runs} (one row per run) and
 * {@code experiment} (key, value). Column names keep their ':' and brackets
 * ({@code in:technology.spilloverPerMonth}, {@code out:labs[open-challenger].payoff}): Parquet and
 * Spark accept them; Spark SQL needs backticks around a name with dots.
 */
final class RunsTable {
    private RunsTable() {}

    /** Schema of {@code runs}: run_id, design_row, replication, seed, in:PATH..., out:METRIC..., owsim_version, base_hash. */
    static StructType runsSchema(Experiment e) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("run_id", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("design_row", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("replication", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        for (String p : e.paths()) f.add(DataTypes.createStructField(ResultStore.inColumn(p), DataTypes.DoubleType, false));
        // Metrics are null when not finite, as in the DuckDB store.
        for (OutputMetric m : e.metrics()) f.add(DataTypes.createStructField(ResultStore.outColumn(m.name()), DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("owsim_version", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("base_hash", DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    /** One run as a row of {@code runs}. */
    static Row row(RunOutput r, String owsimVersion, String baseHash) {
        Object[] v = new Object[4 + r.parameters().length + r.metrics().length + 2];
        int c = 0;
        v[c++] = r.runId();
        v[c++] = r.row();
        v[c++] = r.replication();
        v[c++] = r.seed();
        for (double x : r.parameters()) v[c++] = x;
        for (double x : r.metrics()) v[c++] = Double.isFinite(x) ? x : null;
        v[c++] = owsimVersion;
        v[c] = baseHash;
        return RowFactory.create(v);
    }

    /** Schema of {@code experiment}: key, value. */
    static StructType experimentSchema() {
        return DataTypes.createStructType(List.of(
            DataTypes.createStructField("key", DataTypes.StringType, false),
            DataTypes.createStructField("value", DataTypes.StringType, false)));
    }

    /** The rows of {@code experiment}, those of the DuckDB store. */
    static List<Row> experimentRows(Experiment e, String owsimVersion) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> m : ResultStore.metadata(e, owsimVersion).entrySet()) rows.add(RowFactory.create(m.getKey(), m.getValue()));
        return rows;
    }
}
