package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.progress.ProgressListener;
import owsim.web.Outcome;

/**
 * The web app's command runner keeps one command line per thread for the commands answered at once
 * and parses it again for every request: each answer must still be what a new command line prints,
 * whatever the same thread answered before (options given then left out, repeated options, failures).
 */
class WebCommandsTest {
    /** Command lines as the API builds them ({@code --name=value}, JSON), in an order where each leaves state a reset must clear. */
    private static final List<List<String>> LINES = List.of(
        List.of("cost", "serve", "--model=llama-3.1-8b", "--hardware=h100-sxm", "--weights=fp8", "--prompt-tokens=2000", "--gpus=2",
            "--batch=16", "--kv-dtype=fp8", "--cache-hit=0.5", "--utilization=0.9", "--format=json"),
        List.of("cost", "serve", "--model=llama-3.1-8b", "--hardware=h100-sxm", "--format=json"),
        List.of("cost", "serve", "--model=deepseek-v3", "--hardware=h200", "--min-user-tps=20", "--serving=disaggregated", "--format=json"),
        List.of("cost", "serve", "--model=llama-3.1-8b", "--hardware=h100-sxm", "--gpus=0", "--format=json"),
        List.of("cost", "serve", "--model=llama-3.1-8b", "--hardware=h100-sxm", "--gpus=two", "--format=json"),
        List.of("cost", "serve", "--hardware=h100-sxm", "--format=json"),
        List.of("cost", "serve", "--model=qwen3-235b-a22b", "--hardware=rtx-5090", "--gpus=2", "--weights=int4", "--format=json"),
        List.of("cost", "serve", "--model=llama-3.1-70b", "--hardware=b200", "--layout=tp4", "--mtp=0.7", "--format=json"),
        List.of("cost", "serve", "--model=llama-3.1-70b", "--hardware=b200", "--format=json"),
        List.of("cost", "selfhost", "--model=deepseek-v3", "--tokens-per-month=2e9", "--hardware=h200", "--hardware=b200", "--format=json"),
        List.of("cost", "selfhost", "--model=deepseek-v3", "--tokens-per-month=2e9", "--hardware=h200", "--format=json"),
        List.of("cost", "selfhost", "--model=llama-3.1-8b", "--tokens-per-month=1e8", "--format=json"),
        List.of("cost", "selfhost", "--model=deepseek-v3", "--tokens-per-month=-1", "--format=json"),
        List.of("cost", "pareto", "--model=llama-3.1-70b", "--hardware=h100-sxm", "--hardware=h200", "--weights=fp8", "--format=json"),
        List.of("cost", "pareto", "--model=llama-3.1-70b", "--hardware=h100-sxm", "--format=json"),
        List.of("cost", "subscriber", "--model=llama-3.1-70b", "--hardware=h100-sxm", "--tokens-per-month=5e7", "--price=20",
            "--format=json"),
        List.of("catalog", "show", "--format=json", "--", "h200"),
        List.of("catalog", "show", "--format=json", "--", "h2000"),
        List.of("catalog", "list", "--format=json"),
        List.of("catalog", "show", "--format=json", "--", "llama-3.1-8b"));

    @Test void aKeptCommandLineAnswersAsANewOneDoes() {
        WebCommands web = new WebCommands();
        // Twice through, forwards then backwards, on this one thread: every line follows several others.
        List<List<String>> order = new ArrayList<>(LINES);
        for (int i = LINES.size() - 1; i >= 0; i--) order.add(LINES.get(i));
        for (List<String> line : order) {
            Outcome o = web.run(new ArrayList<>(line), ProgressListener.NONE);
            Cli fresh = Cli.run(line.toArray(String[]::new));
            assertThat(o.exitCode()).as("exit of %s", line).isEqualTo(fresh.exit());
            assertThat(o.stdout()).as("output of %s", line).isEqualTo(fresh.out());
            if (fresh.exit() == Main.EXIT_USAGE) {
                String first = fresh.err().lines().findFirst().orElseThrow();
                assertThat("owsim: " + o.problem().error()).as("message of %s", line).isEqualTo(first);
            }
        }
    }
}
