package owsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's usage errors, found before Spark starts, and the JVM options it is started with. */
class SparkSweepTest {
    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SparkSweep.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aMissingExperimentFileIsAUsageErrorNamingIt() {
        Result r = run("no-such-experiment.yaml", "--master", "local[2]");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no-such-experiment.yaml").contains("no such file");
    }

    @Test
    void aBrokenExperimentFileIsAUsageErrorWithLineAndField(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("x.yaml");
        Files.writeString(exp, "name: x\nrootSeed: 1\ndesign: {kind: gird, levels: 2}\nparameters: []\n");
        Result r = run(exp.toString(), "--master", "local[2]");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("x.yaml:3").contains("unknown design 'gird'");
    }

    @Test
    void withoutSparkSubmitTheMasterIsRequired() {
        Result r = run("../experiments/small-grid.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--master: required when not started by spark-submit, e.g. --master local[2]; allowed: local, local[N]");
    }

    @Test
    void partitionsMustBePositive() {
        Result r = run("../experiments/small-grid.yaml", "--master", "local[2]", "--partitions", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--partitions: must be at least 1, was 0");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result r = run("../experiments/small-grid.yaml", "--threads", "2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown options: '--threads'");
    }

    @Test
    void defaultOutputIsBesideTheExperiment() {
        assertThat(SparkSweep.defaultOut(Path.of("/x/experiments/small-grid.yaml"))).isEqualTo("/x/experiments/small-grid-spark");
    }

    @Test
    void theJvmOptionsGivenToSparkIncludeEveryOneSparkSubmitUses() throws Exception {
        // The list lives in this module's pom; the build writes it to target/ for the owsim command.
        List<String> ours = Arrays.asList(Files.readString(Path.of("target", "spark-jvm-options.txt")).trim().split("\\s+"));
        assertThat(ours).containsAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
    }
}
