package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * Market runs as the web app makes them (a fresh seed per slider change): through one runner whose aggregate engine
     * is shared and warm, through one that replaces its engine before every run (a bound of 0), and on the command line
     * (a new engine, the default scenario parsed again, the files written at once), the JSON is the same bytes, and the
     * files made on demand are the bytes the command line wrote.
     */
    @Test void aSharedEngineAndFilesMadeLaterGiveTheCommandLinesBytes(@TempDir Path tmp) throws Exception {
        WebCommands shared = new WebCommands();
        WebCommands uncached = new WebCommands(0);
        List<List<String>> runs = List.of(
            List.of("run", "--months=12", "--seed=5"),
            List.of("run", "--months=12", "--seed=6"),
            List.of("run", "--months=12", "--seed=6", "--set=technology.spilloverPerMonth=0.05"),
            List.of("run", "--months=6", "--seed=6", "--engine=agent", "--users=2000", "--threads=1"),
            List.of("run", "--months=12", "--seed=7"));
        int n = 0;
        for (List<String> line : runs) {
            Path cliOut = tmp.resolve("cli" + n);
            Path webOut = tmp.resolve("web" + n++);
            Files.createDirectories(webOut);
            List<String> cliLine = new ArrayList<>(line);
            cliLine.addAll(List.of("--out=" + cliOut, "--format=json", "--", "default"));
            Cli cli = Cli.run(cliLine.toArray(String[]::new));
            assertThat(cli.exit()).as(cli.err()).isZero();
            List<String> webLine = new ArrayList<>(line);
            webLine.addAll(List.of("--out=" + webOut, "--format=json", "--", "default"));
            Outcome warm = shared.run(new ArrayList<>(webLine), ProgressListener.NONE);
            Outcome cold = uncached.run(new ArrayList<>(webLine), ProgressListener.NONE);
            assertThat(warm.stdout()).as("shared engine, %s", line).isEqualTo(cli.out());
            assertThat(cold.stdout()).as("new engine, %s", line).isEqualTo(cli.out());
            if (line.contains("--engine=agent")) {
                // An agent run writes its files at its end, as on the command line.
                assertThat(warm.files()).isNull();
                assertThat(Files.readAllBytes(webOut.resolve("timeseries.csv"))).isEqualTo(Files.readAllBytes(cliOut.resolve("timeseries.csv")));
                continue;
            }
            // Nothing written yet: the files are made when asked for.
            try (var files = Files.list(webOut)) {
                assertThat(files.toList()).as("files written by %s", line).isEmpty();
            }
            for (String f : List.of("timeseries.csv", "summary.json", "report.html")) {
                byte[] expected = Files.readAllBytes(cliOut.resolve(f));
                assertThat(warm.files().render(f)).as("%s of %s", f, line).isEqualTo(expected);
                assertThat(cold.files().render(f)).as("%s of %s, new engine", f, line).isEqualTo(expected);
            }
            assertThat(warm.files().render("scenario.yaml")).isNull();
        }
        // The engine was kept (it remembers the runs' serving prices), and the bounded one started afresh each time.
        assertThat(shared.memoised()).isPositive();
        WebCommands bounded = new WebCommands(1);
        Outcome first = bounded.run(new ArrayList<>(List.of("run", "--months=12", "--seed=5", "--out=" + tmp.resolve("b"), "--format=json")),
            ProgressListener.NONE);
        assertThat(bounded.memoised()).isGreaterThan(1);
        Outcome second = bounded.run(new ArrayList<>(List.of("run", "--months=12", "--seed=5", "--out=" + tmp.resolve("b"), "--format=json")),
            ProgressListener.NONE);
        assertThat(second.stdout()).isEqualTo(first.stdout());
    }
}
