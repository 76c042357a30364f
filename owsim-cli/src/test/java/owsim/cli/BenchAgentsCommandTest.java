package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class BenchAgentsCommandTest {

    @Test
    void printsBothLayoutsAndTheRatio() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"bench", "agents", "--users", "20000", "--months", "1", "--warmup-months", "1"},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("arrays, ").contains("objects, 1 thread").contains("ratio arrays/objects");
    }

    @Test
    void rejectsANonPositiveUserCountAsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"bench", "agents", "--users", "0"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("--users");
    }
}
