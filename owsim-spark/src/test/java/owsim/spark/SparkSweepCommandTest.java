package owsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole command in-process on the tests' shared local[2] session. */
@ExtendWith(LocalSpark.class)
class SparkSweepCommandTest {
    private record Result(int exit, String out, String err) {}

    private static Result run(SparkSession spark, String... args) {
        SessionProvider lent = new SessionProvider() {
            @Override public SparkSession start(SparkConf conf) { return spark; }

            @Override public void release(SparkSession s) { }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SparkSweep.execute(new SparkSweep(lent), args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void writesTheTablesOnceAndRefusesToOverwriteThem(SparkSession spark, @TempDir Path tmp) {
        String out = tmp.resolve("r").toString();
        Result first = run(spark, "../experiments/small-grid.yaml", "--master", "local[2]", "--out", out, "--partitions", "2");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("small-grid: 18 runs (grid design, 2 replications), master local[2], 2 partitions -> " + out);
        assertThat(first.out()).startsWith("18 runs made in ").contains(" -> " + out);
        assertThat(spark.read().parquet(out + "/runs").count()).isEqualTo(18);
        assertThat(spark.read().parquet(out + "/experiment").count()).isEqualTo(11);

        Result again = run(spark, "../experiments/small-grid.yaml", "--master", "local[2]", "--out", out);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("owsim: --out: " + out + " already exists; a Spark sweep writes its results once");
    }

    @Test
    void localModeStaysOnLoopbackWithoutAWebUiUnlessConfigured() {
        SparkConf local = SweepSession.conf("local[2]", "x");
        assertThat(local.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(local.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
        assertThat(local.get("spark.ui.enabled")).isEqualTo("false");
        assertThat(local.get("spark.app.name")).isEqualTo("owsim sweep x");
        SparkConf cluster = SweepSession.conf("spark://127.0.0.1:7077", "x");
        assertThat(cluster.contains("spark.driver.host")).isFalse();
        assertThat(cluster.contains("spark.ui.enabled")).isFalse();
    }
}
