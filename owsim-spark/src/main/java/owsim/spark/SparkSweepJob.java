package owsim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import owsim.experiment.Experiment;

/**
 * One experiment on a Spark session: run ids 0..total-1 split into partitions, each partition's
 * runs made on an executor ({@link RunPartition}), written as Parquet under {@code out}: table
 * {@code runs} in {@code out/runs}, then table {@code experiment} in {@code out/experiment}
 * (written last, so its presence marks a complete result).
 */
final class SparkSweepJob {
    static final String RUNS = "runs";
    static final String EXPERIMENT = "experiment";

    private final SparkSession spark;

    SparkSweepJob(SparkSession spark) {
        this.spark = spark;
    }

    /** True when {@code out} exists on its file system (local, HDFS, ...): results are never overwritten. */
    boolean exists(String out) {
        try {
            Path p = new Path(out);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes and writes every run.
     *
     * @param e the experiment as loaded on the driver (for the schema and the description)
     * @param source the same experiment as text, for the executors
     * @param totalRuns runs to make (design points times replications)
     * @param partitions how many tasks share them
     */
    void run(Experiment e, ExperimentSource source, int totalRuns, int partitions, String out, String owsimVersion) {
        Dataset<Row> runs = spark.range(0, totalRuns, 1, partitions)
            .mapPartitions(new RunPartition(source, owsimVersion), Encoders.row(RunsTable.runsSchema(e)));
        runs.write().parquet(new Path(out, RUNS).toString());
        spark.createDataFrame(RunsTable.experimentRows(e, owsimVersion), RunsTable.experimentSchema())
            .coalesce(1).write().parquet(new Path(out, EXPERIMENT).toString());
    }
}
