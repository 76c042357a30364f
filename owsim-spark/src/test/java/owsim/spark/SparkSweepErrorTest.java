package owsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** An Error in the Spark driver ends the command with one line and exit 1, no stack trace (no Spark is started). */
class SparkSweepErrorTest {
    private static String[] run(Supplier<Error> error) {
        SessionProvider failing = new SessionProvider() {
            @Override public SparkSession start(SparkConf conf) {
                throw error.get();
            }

            @Override public void release(SparkSession spark) {
            }
        };
        StringWriter err = new StringWriter();
        int exit = SparkSweep.execute(new SparkSweep(failing), new String[] {"../experiments/small-grid.yaml", "--master", "local[2]"},
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new String[] {Integer.toString(exit), err.toString()};
    }

    @Test void outOfMemoryAndOtherErrorsAreOneLine() {
        String[] oom = run(() -> new OutOfMemoryError("Java heap space"));
        assertThat(oom[0]).isEqualTo("1");
        assertThat(oom[1]).startsWith("owsim: out of memory in the Spark driver").doesNotContain("\tat ").hasLineCount(1);
        String[] so = run(StackOverflowError::new);
        assertThat(so[0]).isEqualTo("1");
        assertThat(so[1]).contains("ran out of stack").doesNotContain("\tat ").doesNotContain("java.lang").hasLineCount(1);
    }
}
