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
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "user-months", true);
        bar.onProgress(new Progress("agent run", 10, 100, 500_000_000L));
        assertThat(out.toString()).isEmpty();
        bar.onProgress(new Progress("agent run", 50_000_000, 100_000_000, 2_000_000_000L));
        assertThat(out.toString()).startsWith("\ragent run [############            ]  50%  50.0M/100.0M")
            .contains("25.0 M user-months/s").contains("ETA 0:02").doesNotContain("\n");
        bar.onProgress(new Progress("agent run", 100_000_000, 100_000_000, 4_000_000_000L));
        assertThat(out.toString()).contains("done in 0:04").endsWith(System.lineSeparator());
    }

    @Test
    void aQuickJobPrintsNothing() {
        StringWriter out = new StringWriter();
        new ProgressBar(new PrintWriter(out), "x", true).onProgress(new Progress("t", 5, 5, 300_000_000L));
        assertThat(out.toString()).isEmpty();
    }

    /** Into a file or pipe: whole lines now and then, never a carriage-return frame. */
    @Test
    void notOnATerminalItWritesAPlainLineEveryTenSeconds() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "runs", false);
        for (long ms = 0; ms <= 25_000; ms += 200) bar.onProgress(new Progress("runs", ms / 200, 1000, ms * 1_000_000L));
        bar.onProgress(new Progress("runs", 1000, 1000, 26_000_000_000L));
        assertThat(out.toString()).doesNotContain("\r");
        // first after the quiet second, then at 11 s and 21 s, then done
        assertThat(out.toString().lines()).hasSize(4).first().asString().startsWith("runs [").contains("  5/1000  ");
        assertThat(out.toString().lines().reduce((a, b) -> b).orElseThrow()).contains("100%").contains("done in 0:26");
    }
}
