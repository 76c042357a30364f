package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import owsim.progress.Progress;

class ProgressBarTest {
    @Test
    void quietForTheFirstSecondThenShowsRateAndTimeLeft() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "user-months");
        bar.onProgress(new Progress("agent run", 10, 100, 500_000_000L));
        assertThat(out.toString()).isEmpty();
        bar.onProgress(new Progress("agent run", 50_000_000, 100_000_000, 2_000_000_000L));
        assertThat(out.toString()).startsWith("\ragent run [############            ]  50%")
            .contains("25.0 M user-months/s").contains("ETA 0:02").doesNotContain("\n");
        bar.onProgress(new Progress("agent run", 100_000_000, 100_000_000, 4_000_000_000L));
        assertThat(out.toString()).contains("done in 0:04").endsWith(System.lineSeparator());
    }

    @Test
    void aQuickJobPrintsNothing() {
        StringWriter out = new StringWriter();
        new ProgressBar(new PrintWriter(out), "x").onProgress(new Progress("t", 5, 5, 300_000_000L));
        assertThat(out.toString()).isEmpty();
    }
}
