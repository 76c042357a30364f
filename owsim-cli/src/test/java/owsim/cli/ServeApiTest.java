package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.scenario.Scenarios;
import owsim.web.ServerOptions;
import owsim.web.WebServer;

/**
 * Every API endpoint of {@code owsim serve} against a server on a free loopback port: the same
 * bytes as the command's --format json, bad and oversized input refused naming the field, never a
 * stack trace, nothing outside the data directory.
 */
class ServeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path data;
    @TempDir static Path scratch;
    private static WebServer server;
    private static HttpClient http;
    private static String base;

    @BeforeAll static void start() throws IOException {
        // One small store for the experiments endpoints (18 short runs).
        Cli sweep = Cli.run("sweep", "../experiments/small-grid.yaml", "--out", data.resolve("grid.duckdb").toString(), "--threads", "1");
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        // 120 s per run, the server's default: on a loaded machine the claims of 4 sixty-month worlds took more than 60 s.
        // Bodies up to 128 KiB (the server's default is 256 KiB): the default scenario, posted back, is about 66 KB.
        ServerOptions o = ServerOptions.defaults(ServerOptions.LOOPBACK, 0, data).withLimits(128 * 1024, 2, 8, 600, 300_000);
        server = WebServer.start(o, new WebCommands());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        base = server.url();
    }

    @AfterAll static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 4xx with a JSON problem naming {@code field}, and no trace of Java in it. */
    static JsonNode problem(HttpResponse<String> r, int status, String field) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("owsim.");
        JsonNode n = JSON.readTree(r.body());
        assertThat(n.get("status").asInt()).isEqualTo(status);
        assertThat(n.get("error").asText()).isNotBlank();
        if (field != null) assertThat(n.path("field").asText()).isEqualTo(field);
        return n;
    }

    @Test void costServeIsTheCommandsJsonByteForByte() throws Exception {
        HttpResponse<String> r = get("api/cost/serve?model=llama-3.1-8b&hardware=h100-sxm&weights=fp8&prompt-tokens=2000");
        Cli cli = Cli.run("cost", "serve", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--weights", "fp8", "--prompt-tokens", "2000",
            "--format", "json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(cli.out());
        assertThat(JSON.readTree(r.body()).get("command").asText()).isEqualTo("cost serve");
    }

    @Test void costServeRefusesBadValuesNamingTheParameter() throws Exception {
        JsonNode n = problem(get("api/cost/serve?model=llama-3.1-8b&hardware=h100-sxm&gpus=0"), 400, "gpus");
        assertThat(n.get("error").asText()).isEqualTo(Cli.run("cost", "serve", "--model", "llama-3.1-8b", "--hardware", "h100-sxm",
            "--gpus", "0").err().lines().findFirst().orElseThrow().substring("owsim: ".length()));
        problem(get("api/cost/serve?model=llama-3.1-8b&hardware=h100-sxm&gpus=two"), 400, "gpus");
        problem(get("api/cost/serve?hardware=h100-sxm"), 400, "model");
        problem(get("api/cost/serve?model=llama-3.1-8b&hardware=h100-sxm&utilization=1.5"), 400, "utilization");
        problem(get("api/cost/serve?model=llama-3.1-8b&hardware=h100-sxm&colour=red"), 400, "colour");
        problem(get("api/cost/serve?model=llama-3.1-8b&hardware=h100-sxm&gpus=1&gpus=2"), 400, "gpus");
        // A value that looks like an option or a file stays a value.
        problem(get("api/cost/serve?model=--format&hardware=h100-sxm"), 400, null);
        problem(get("api/cost/serve?model=%40%2Fetc%2Fpasswd&hardware=h100-sxm"), 400, null);
        problem(get("api/cost/serve?model=llama-3.1-8b&hardware=h100-sxm&catalog=%2Fetc%2Fpasswd"), 400, "catalog");
        problem(get("api/cost/serve?model=" + "x".repeat(17_000) + "&hardware=h100-sxm"), 414, "query");
    }

    @Test void aModelThatDoesNotFitIsAnAnswerNotAnError() throws Exception {
        HttpResponse<String> r = get("api/cost/serve?model=qwen3-235b-a22b&hardware=rtx-5090&gpus=2&weights=int4");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Owsim-Exit")).hasValue("1");
        assertThat(JSON.readTree(r.body()).get("fits").asBoolean()).isFalse();
    }

    @Test void selfhostParetoSubscriberAndCatalogAreTheCommandsJson() throws Exception {
        assertThat(get("api/cost/selfhost?model=deepseek-v3&tokens-per-month=2e9&hardware=h200&hardware=b200").body())
            .isEqualTo(Cli.run("cost", "selfhost", "--model", "deepseek-v3", "--tokens-per-month", "2e9", "--hardware", "h200",
                "--hardware", "b200", "--format", "json").out());
        assertThat(get("api/cost/pareto?model=llama-3.1-70b&hardware=h100-sxm").body())
            .isEqualTo(Cli.run("cost", "pareto", "--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--format", "json").out());
        assertThat(get("api/cost/subscriber?model=llama-3.1-70b&hardware=h100-sxm&tokens-per-month=5e7&price=20").body())
            .isEqualTo(Cli.run("cost", "subscriber", "--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--tokens-per-month", "5e7",
                "--price", "20", "--format", "json").out());
        assertThat(get("api/catalog").body()).isEqualTo(Cli.run("catalog", "list", "--format", "json").out());
        assertThat(get("api/catalog/h200").body()).isEqualTo(Cli.run("catalog", "show", "h200", "--format", "json").out());
        problem(get("api/catalog/h2000"), 400, "ID");
        problem(get("api/cost/selfhost?model=deepseek-v3&tokens-per-month=-1"), 400, "tokens-per-month");
        problem(get("api/cost/pareto?model=llama-3.1-70b&hardware=nope"), 400, null);
    }

    @Test void aDefaultRunIsTheCommandsJsonAndItsFiles() throws Exception {
        HttpResponse<String> r = get("api/run?months=12&seed=7");
        Path out = scratch.resolve("run");
        Cli cli = Cli.run("run", "--months", "12", "--seed", "7", "--out", out.toString(), "--format", "json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(cli.out());
        String run = r.headers().firstValue("X-Owsim-Run").orElseThrow();
        for (String f : List.of("timeseries.csv", "summary.json", "report.html")) {
            HttpResponse<String> file = get("api/runs/" + run + "/" + f);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).as(f).isEqualTo(Files.readString(out.resolve(f)));
        }
        // Asked again: the same bytes, from the cache (the same run's files).
        HttpResponse<String> again = get("api/run?months=12&seed=7");
        assertThat(again.body()).isEqualTo(r.body());
        assertThat(again.headers().firstValue("X-Owsim-Run")).hasValue(run);
    }

    /**
     * Runs with new seeds and slider values, as the market page makes them, on the server's shared engine: each is the
     * command's JSON byte for byte, and its files are made only when a client asks for one (then kept).
     */
    @Test void freshRunsOnTheSharedEngineAreTheCommandsJsonAndTheirFilesAreMadeWhenAsked() throws Exception {
        int n = 0;
        for (String q : List.of("months=12&seed=31", "months=12&seed=32&set=technology.spilloverPerMonth%3D0.05", "months=12&seed=33")) {
            HttpResponse<String> r = get("api/run?" + q);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Path out = scratch.resolve("fresh" + n++);
            List<String> args = new java.util.ArrayList<>(List.of("run", "--out", out.toString(), "--format", "json"));
            for (String p : q.split("&")) {
                String[] kv = java.net.URLDecoder.decode(p, java.nio.charset.StandardCharsets.UTF_8).split("=", 2);
                args.add("--" + kv[0]);
                args.add(kv[1]);
            }
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertThat(r.body()).as(q).isEqualTo(cli.out());
            String run = r.headers().firstValue("X-Owsim-Run").orElseThrow();
            Path dir = data.resolve("runs").resolve(run);
            assertThat(dir.resolve("report.html")).as("made before it was asked for").doesNotExist();
            assertThat(dir.resolve("timeseries.csv")).doesNotExist();
            HttpResponse<String> csv = get("api/runs/" + run + "/timeseries.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).isEqualTo(Files.readString(out.resolve("timeseries.csv")));
            assertThat(dir.resolve("timeseries.csv")).exists();
            assertThat(dir.resolve("report.html")).doesNotExist();
            assertThat(get("api/runs/" + run + "/report.html").body()).isEqualTo(Files.readString(out.resolve("report.html")));
            assertThat(get("api/runs/" + run + "/summary.json").body()).isEqualTo(Files.readString(out.resolve("summary.json")));
            problem(get("api/runs/" + run + "/scenario.yaml"), 404, "run");
        }
    }

    @Test void aPostedScenarioRunsAndItsMistakesNameLineAndField() throws Exception {
        String yaml = Scenarios.defaultYaml();
        HttpResponse<String> r = post("api/run?months=6", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String run = r.headers().firstValue("X-Owsim-Run").orElseThrow();
        assertThat(get("api/runs/" + run + "/scenario.yaml").body()).isEqualTo(yaml);

        String bad = yaml.replaceFirst("spilloverPerMonth: [0-9.]+", "spilloverPerMonth: lots");
        JsonNode n = problem(post("api/run", bad), 400, null);
        assertThat(n.get("line").asInt()).isPositive();
        assertThat(n.get("error").asText()).startsWith("scenario.yaml:").contains("spilloverPerMonth").doesNotContain(data.toString());
        problem(post("api/scenario/check", bad), 400, null);
        assertThat(post("api/scenario/check", yaml).statusCode()).isEqualTo(200);
        problem(post("api/scenario/check", ""), 400, "body");
        problem(get("api/run?set=technology.spilloverPerMonth%3D-3"), 400, "set");
        problem(get("api/run?set=nonsense"), 400, "set");
        problem(get("api/run?months=0"), 400, "months");
    }

    @Test void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        problem(post("api/run", "#".repeat(128 * 1024 + 1)), 413, "body");
        problem(post("api/jobs", "#".repeat(200_000)), 413, "body");
        byte[] latin1 = "name: caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        problem(http.send(HttpRequest.newBuilder(URI.create(base + "api/scenario/check")).POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
            .build(), HttpResponse.BodyHandlers.ofString()), 400, "body");
    }

    @Test void claimsAreTheCommandsJson() throws Exception {
        // The four-lab world for two years rather than the default for five: the same code, in a fraction of the time.
        String yaml = Files.readString(Cli.FOUR_LABS).replaceFirst("\n  months: 60", "\n  months: 24");
        Path file = Files.writeString(scratch.resolve("claims.yaml"), yaml);
        HttpResponse<String> r = post("api/claims", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Cli.run("claims", file.toString(), "--format", "json").out());
        problem(get("api/claims?months=3"), 400, "months");
    }

    // One world of the bundled file (the fixed cost, the base world's claims, is most of it); the
    // uploaded file below runs three. The eight-lab check of the web app against the command: the
    // command runs on this thread while the job runs on the server's, as two users would start them.
    @Test void claimsUnderUncertaintyAreAJobWhoseResultIsTheCommands() throws Exception {
        HttpResponse<String> started = post("api/claims/uncertainty?worlds=1", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = JSON.readTree(started.body()).get("job").asText();
        // Its events followed from now (the stream ends with the job), so the progress it reports while running is seen.
        CompletableFuture<HttpResponse<String>> events = events(job);
        Cli cli = Cli.run("claims", "default", "--uncertainty", "../experiments/claims-uncertainty.yaml", "--worlds", "1",
            "--store", scratch.resolve("uncertainty.duckdb").toString(), "--format", "json");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(events.get(300, TimeUnit.SECONDS).body()).contains("event: progress").contains("event: end").contains("\"state\":\"done\"");
        HttpResponse<String> result = get("api/jobs/" + job + "/result");
        assertThat(result.body()).isEqualTo(cli.out());
        assertThat(JSON.readTree(result.body()).at("/uncertainty/worlds").asInt()).isEqualTo(1);
        problem(post("api/claims/uncertainty?worlds=257", ""), 400, "worlds");
        problem(post("api/claims/uncertainty?worlds=0", ""), 400, "worlds");
        problem(post("api/claims/uncertainty?worlds=many", ""), 400, "worlds");
        // The file is the bundled one or the posted text: the request cannot name another.
        problem(post("api/claims/uncertainty?uncertainty=..%2Fsecret.yaml", ""), 400, "uncertainty");
        problem(get("api/claims/uncertainty"), 405, null);
        // A scenario posted here is read as an uncertainty file, and refused as one, naming its line and field.
        JsonNode scenario = problem(post("api/claims/uncertainty", Scenarios.defaultYaml()), 400, null);
        assertThat(scenario.get("error").asText()).startsWith("uncertainty.yaml:");
        assertThat(scenario.path("line").asInt()).isPositive();
        assertThat(get("api/claims/uncertainty/default").body()).isEqualTo(Files.readString(Path.of("../experiments/claims-uncertainty.yaml")));
    }

    /** A job's event stream, read to its end (the job's) on the client's threads. */
    private static CompletableFuture<HttpResponse<String>> events(String job) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "api/jobs/" + job + "/events")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test void anUploadedUncertaintyFileIsAJobWhoseResultIsTheCommandsOnThatFile() throws Exception {
        String yaml = ClaimsUncertaintyCommandTest.worlds("uploaded", 11, 40);
        Path file = Files.writeString(scratch.resolve("uploaded.yaml"), yaml);
        HttpResponse<String> started = post("api/claims/uncertainty?worlds=3", yaml);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = JSON.readTree(started.body()).get("job").asText();
        CompletableFuture<HttpResponse<String>> events = events(job);
        // The command runs while the job does (they share nothing but the file's text).
        Cli cli = Cli.run("claims", "default", "--uncertainty", file.toString(), "--worlds", "3",
            "--store", scratch.resolve("uploaded.duckdb").toString(), "--format", "json");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(events.get(300, TimeUnit.SECONDS).body()).contains("event: progress").contains("event: end").contains("\"state\":\"done\"");
        HttpResponse<String> r = get("api/jobs/" + job + "/result");
        assertThat(r.body()).isEqualTo(cli.out());
        assertThat(JSON.readTree(r.body()).at("/uncertainty/worlds").asInt()).isEqualTo(3);
    }

    @Test void aBadUploadedFileIsRefusedWithTheCommandsMessageAndNothingRuns() throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("bad"));
        String good = ClaimsUncertaintyCommandTest.worlds("bad", 3, 8);
        List<String[]> cases = List.of(
            new String[] {good.replace("technology.spilloverPerMonth", "technology.spilloverPerMonthh"), "parameters[1].path"},
            new String[] {good.replace("max: 0.12", "max: 0.01"), "parameters[1]"},
            new String[] {good.replace("latin-hypercube, runs: 8", "grid, levels: 2"), "design.kind"},
            new String[] {good.replace("rootSeed: 3", "rootSeed: 3\ncolour: red"), "colour"});
        long runsBefore = runDirectories();
        for (String[] c : cases) {
            JsonNode n = problem(post("api/claims/uncertainty?worlds=2", c[0]), 400, null);
            assertThat(n.path("field").asText()).as(n.toString()).startsWith(c[1]);
            assertThat(n.path("line").asInt()).as(n.toString()).isPositive();
            // The command's own message on the same file, its path written as the server writes it.
            Path file = Files.writeString(dir.resolve("uncertainty.yaml"), c[0]);
            Cli cli = Cli.run("claims", "default", "--uncertainty", file.toString(), "--worlds", "2", "--store",
                dir.resolve("x.duckdb").toString(), "--format", "json");
            assertThat(cli.exit()).isEqualTo(2);
            assertThat(n.get("error").asText()).isEqualTo(cli.err().lines().findFirst().orElseThrow().substring("owsim: ".length())
                .replace(file.toString(), "uncertainty.yaml"));
        }
        // Worlds a Sobol file cannot make are the worlds parameter's fault.
        problem(post("api/claims/uncertainty?worlds=5", good.replace("latin-hypercube, runs: 8", "sobol, baseRuns: 4")), 400, "worlds");
        // Nothing was queued, and each refused upload went with its scratch directory.
        assertThat(runDirectories()).isEqualTo(runsBefore);
    }

    @Test void anOversizedUploadIsRefused() throws Exception {
        problem(post("api/claims/uncertainty?worlds=2", "# padding\n".repeat(20_000)), 413, "body");
    }

    @Test void aBodyNamingAPathIsReadAsYamlNotOpened() throws Exception {
        Path valid = Path.of("../experiments/claims-uncertainty.yaml").toAbsolutePath().normalize();
        for (String path : List.of(valid.toString(), "../experiments/claims-uncertainty.yaml", "/etc/passwd", "@" + valid)) {
            JsonNode n = problem(post("api/claims/uncertainty?worlds=2", path), 400, null);
            // Read as YAML text (a lone string, not a file of parameters): the file it names was never read.
            assertThat(n.get("error").asText()).startsWith("uncertainty.yaml").doesNotContain("ecosystemWeight").doesNotContain("root:");
        }
    }

    private static long runDirectories() throws IOException {
        try (var s = Files.list(data.resolve("runs"))) {
            return s.count();
        }
    }

    @Test void theParetoSvgIsTheCommandsFile() throws Exception {
        HttpResponse<String> r = get("api/cost/pareto.svg?model=llama-3.1-70b&hardware=h100-sxm&hardware=h200&weights=fp8");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        Path svg = scratch.resolve("pareto.svg");
        Cli cli = Cli.run("cost", "pareto", "--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--hardware", "h200", "--weights", "fp8",
            "--svg", svg.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(r.body()).isEqualTo(Files.readString(svg));
        problem(get("api/cost/pareto.svg?model=llama-3.1-70b&hardware=h201"), 400, "hardware");
        problem(get("api/cost/pareto.svg?model=llama-3.1-70b&svg=%2Ftmp%2Fx.svg"), 400, "svg");
    }

    @Test void claimsUnderUncertaintyCanBeCancelled() throws Exception {
        String job = JSON.readTree(post("api/claims/uncertainty?worlds=256", "").body()).get("job").asText();
        assertThat(delete("api/jobs/" + job).statusCode()).isEqualTo(202);
        assertThat(get("api/jobs/" + job + "/events").body()).contains("event: end").contains("\"state\":\"cancelled\"");
        problem(get("api/jobs/" + job + "/result"), 409, null);
    }

    @Test void anAgentRunReportsProgressAndItsResultIsTheCommands() throws Exception {
        HttpResponse<String> started = post("api/jobs?users=20000&months=6&seed=3", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = JSON.readTree(started.body()).get("job").asText();
        HttpResponse<String> events = get("api/jobs/" + job + "/events");
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(events.body()).contains("event: end").contains("\"state\":\"done\"").contains("event: progress");
        HttpResponse<String> result = get("api/jobs/" + job + "/result");
        Cli cli = Cli.run("run", "--engine", "agent", "--users", "20000", "--months", "6", "--seed", "3", "--threads", "1",
            "--out", scratch.resolve("agent").toString(), "--format", "json");
        assertThat(result.body()).isEqualTo(cli.out());
        assertThat(get("api/runs/" + job + "/summary.json").body()).isEqualTo(Files.readString(scratch.resolve("agent/summary.json")));
        problem(post("api/jobs?users=300001", ""), 400, "users");
        // Checked by the command when the job starts: the job ends failed, naming the option.
        String bad = JSON.readTree(post("api/jobs?users=0", "").body()).get("job").asText();
        assertThat(get("api/jobs/" + bad + "/events").body()).contains("\"state\":\"failed\"").contains("\"field\":\"users\"");
        problem(get("api/jobs/0123456789abcdef"), 404, "job");
    }

    @Test void anAgentRunCanBeCancelled() throws Exception {
        HttpResponse<String> started = post("api/jobs?users=300000&months=120", "");
        String job = JSON.readTree(started.body()).get("job").asText();
        HttpResponse<String> cancel = delete("api/jobs/" + job);
        assertThat(cancel.statusCode()).isEqualTo(202);
        HttpResponse<String> events = get("api/jobs/" + job + "/events");
        assertThat(events.body()).contains("event: end").contains("\"state\":\"cancelled\"");
        problem(get("api/jobs/" + job + "/result"), 409, null);
    }

    @Test void experimentsAreListedAndAnalysedByNameOnly() throws Exception {
        JsonNode list = JSON.readTree(get("api/experiments").body());
        assertThat(list.get("stores").toString()).isEqualTo("[\"grid.duckdb\"]");
        assertThat(get("api/experiments/grid.duckdb/analysis").body())
            .isEqualTo(Cli.run("analyze", data.resolve("grid.duckdb").toString(), "--format", "json").out());
        HttpResponse<String> csv = get("api/experiments/grid.duckdb/runs.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(19);
        problem(get("api/experiments/..%2F..%2Fetc%2Fpasswd/analysis"), 404, "store");
        problem(get("api/experiments/other.duckdb/analysis"), 404, "store");
    }

    @Test void nothingOutsideTheDataDirectoryAndNoStackTraces() throws Exception {
        problem(get("api/runs/..%2F..%2F/summary.json"), 404, null);
        problem(get("api/runs/0123456789abcdef/..%2F..%2Fetc%2Fpasswd"), 404, "file");
        problem(get("api/runs/0123456789abcdef/summary.json"), 404, "run");
        problem(get("api/nope"), 404, null);
        problem(get("nope.html"), 404, null);
        problem(http.send(HttpRequest.newBuilder(URI.create(base + "api/cost/serve")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
            HttpResponse.BodyHandlers.ofString()), 405, null);
    }

    @Test void aLoopbackServerRefusesOtherHostNames() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /api/catalog HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403").contains("\"field\" : \"Host\"");
        }
    }

    @Test void theOpenApiDocumentDescribesEveryEndpoint() throws Exception {
        JsonNode doc = JSON.readTree(get("api/openapi.json").body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        for (String p : List.of("/api/cost/serve", "/api/cost/selfhost", "/api/cost/pareto", "/api/cost/subscriber", "/api/catalog",
            "/api/catalog/{id}", "/api/run", "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/events", "/api/claims", "/api/claims/uncertainty", "/api/claims/uncertainty/default", "/api/cost/pareto.svg", "/api/scenario/check",
            "/api/scenario/default", "/api/runs/{run}/{file}", "/api/experiments", "/api/experiments/{store}/analysis")) {
            assertThat(doc.get("paths").has(p)).as(p).isTrue();
        }
        JsonNode gpus = null;
        for (JsonNode q : doc.at("/paths/~1api~1cost~1serve/get/parameters")) if (q.get("name").asText().equals("gpus")) gpus = q;
        assertThat(gpus).isNotNull();
        assertThat(gpus.at("/schema/type").asText()).isEqualTo("integer");
        assertThat(doc.at("/paths/~1api~1claims~1uncertainty/post/requestBody/content/text~1yaml/schema/type").asText()).isEqualTo("string");
        assertThat(doc.at("/paths/~1api~1claims~1uncertainty/post/requestBody/required").asBoolean()).isFalse();
        assertThat(get("api/scenario/default").body()).isEqualTo(Scenarios.defaultYaml().isEmpty() ? "" : Cli.run("scenario", "show", "default").out());
    }
}
