package owsim.spark;

import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import owsim.experiment.ExperimentRunner;

/**
 * Makes the runs of one partition of run ids: one {@link ExperimentRunner} per partition (parsing
 * the experiment and warming the engine's caches once), then each run as its id comes. A run's
 * seed and design point follow from its id alone, so rows equal the local runner's whatever the
 * partitioning.
 */
final class RunPartition implements MapPartitionsFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    private final ExperimentSource source;
    private final String owsimVersion;

    RunPartition(ExperimentSource source, String owsimVersion) {
        this.source = source;
        this.owsimVersion = owsimVersion;
    }

    @Override public Iterator<Row> call(Iterator<Long> ids) {
        if (!ids.hasNext()) return Collections.emptyIterator();
        ExperimentRunner runner = source.runner();
        String baseHash = runner.experiment().baseHash();
        return new Iterator<>() {
            @Override public boolean hasNext() { return ids.hasNext(); }

            @Override public Row next() {
                int id = Math.toIntExact(ids.next());
                try {
                    return RunsTable.row(runner.run(id), owsimVersion, baseHash);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("run " + id + " failed: " + e.getMessage(), e);
                }
            }
        };
    }
}
