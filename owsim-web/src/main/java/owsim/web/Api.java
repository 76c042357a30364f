package owsim.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import owsim.progress.Progress;
import owsim.progress.ProgressListener;

/**
 * The routes under {@code /api/}. Each command endpoint turns its query parameters into the
 * command's options and answers with exactly what {@code owsim ... --format json} prints; bad
 * input is a 400 naming the parameter (or the scenario's line and field), as the command's
 * message does.
 */
final class Api {
    static final String RUN_HEADER = "X-Owsim-Run";
    static final String EXIT_HEADER = "X-Owsim-Exit";
    private static final int CACHED_RESULTS = 32;
    private static final long SSE_POLL_MILLIS = 200;
    /** Worlds when the request names none: a verdict in seconds, enough for a first look at the shares. */
    static final int DEFAULT_WORLDS = 16;
    static final String UNCERTAINTY_FILE = "claims-uncertainty.yaml";
    static final String PARETO_SVG = "pareto.svg";
    private static final String UNCERTAINTY_RESOURCE = "/owsim/web/experiments/" + UNCERTAINTY_FILE;

    private final CommandRunner runner;
    private final ServerOptions options;
    private final DataDir data;
    private final RunQueue queue;
    private final ResultCache cache;
    private final Map<String, Job> inFlight = new HashMap<>();
    private final String openApi;
    /** The bundled uncertainty file, read from the jar once: it is served and copied for every default claims job. */
    private final byte[] bundledUncertainty;

    Api(CommandRunner runner, ServerOptions options, DataDir data, RunQueue queue) {
        this.runner = runner;
        this.options = options;
        this.data = data;
        this.queue = queue;
        this.cache = new ResultCache(CACHED_RESULTS, data::deleteRun);
        this.openApi = OpenApi.document(Endpoints.all());
        this.bundledUncertainty = bundledUncertainty();
    }

    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        if (rawQuery != null && rawQuery.length() > 16_384) {
            throw new BadRequest(414, Problem.ofField("query", "is longer than the server's limit of 16384 characters"));
        }
        Query query = Query.parse(rawQuery);
        List<String> seg = segments(path);
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        // seg[0] is "api"
        String first = seg.size() > 1 ? seg.get(1) : "";
        switch (first) {
            case "openapi.json" -> {
                requireMethod(get, method, "GET");
                Exchanges.json(ex, 200, openApi);
            }
            case "cost" -> {
                requireMethod(get, method, "GET");
                String what = seg.size() == 3 ? seg.get(2) : "";
                if (what.equals(PARETO_SVG)) {
                    paretoSvg(ex, query);
                    return;
                }
                Endpoint e = switch (what) {
                    case "serve" -> Endpoints.COST_SERVE;
                    case "selfhost" -> Endpoints.COST_SELFHOST;
                    case "pareto" -> Endpoints.COST_PARETO;
                    case "subscriber" -> Endpoints.COST_SUBSCRIBER;
                    default -> throw notFound(path);
                };
                answer(ex, now(query.arguments(e)));
            }
            case "catalog" -> {
                requireMethod(get, method, "GET");
                if (seg.size() == 2) {
                    answer(ex, now(query.arguments(Endpoints.CATALOG_LIST)));
                } else if (seg.size() == 3) {
                    List<String> args = query.arguments(Endpoints.CATALOG_SHOW);
                    args.add("--format=json");
                    args.add("--");
                    args.add(seg.get(2));
                    answer(ex, runner.run(args, ProgressListener.NONE));
                } else {
                    throw notFound(path);
                }
            }
            case "scenario" -> scenario(ex, seg, method, query);
            case "run" -> {
                requireMethod(get || post, method, "GET, POST");
                String body = post ? Exchanges.body(ex, options.maxBodyBytes()) : null;
                queued(ex, Endpoints.RUN, query, body, "run");
            }
            case "claims" -> {
                if (seg.size() == 3 && seg.get(2).equals("uncertainty")) {
                    requireMethod(post, method, "POST");
                    claimsUnderUncertainty(ex, query);
                    return;
                }
                if (seg.size() == 4 && seg.get(2).equals("uncertainty") && seg.get(3).equals("default")) {
                    requireMethod(get, method, "GET");
                    query.arguments(new Endpoint("/api/claims/uncertainty/default", List.of(), List.of(), false, false, ""));
                    Exchanges.send(ex, 200, "text/yaml; charset=utf-8", bundledUncertainty);
                    return;
                }
                if (seg.size() != 2) throw notFound(path);
                requireMethod(get || post, method, "GET, POST");
                String body = post ? Exchanges.body(ex, options.maxBodyBytes()) : null;
                queued(ex, Endpoints.CLAIMS, query, body, "claims");
            }
            case "runs" -> {
                requireMethod(get, method, "GET");
                if (seg.size() != 4) throw notFound(path);
                Path f = runFile(seg.get(2), seg.get(3));
                Exchanges.send(ex, 200, contentType(f.getFileName().toString()), Files.readAllBytes(f));
            }
            case "jobs" -> jobs(ex, seg, method, query);
            case "experiments" -> experiments(ex, seg, method, query);
            default -> throw notFound(path);
        }
    }

    // ---- commands answered at once (cost, catalog)

    private Outcome now(List<String> args) {
        args.add("--format=json");
        return runner.run(args, ProgressListener.NONE);
    }

    /** The frontier's SVG: the file {@code cost pareto --svg} writes, made in a scratch run directory and gone after the answer. */
    private void paretoSvg(HttpExchange ex, Query query) throws IOException {
        List<String> args = query.arguments(Endpoints.COST_PARETO_SVG);
        String id = queue.newId();
        Path dir = data.newRun(id, null);
        try {
            Path svg = dir.resolve(PARETO_SVG);
            args.add("--svg=" + svg);
            args.add("--format=json");
            Outcome o = runner.run(args, ProgressListener.NONE);
            ex.getResponseHeaders().set(EXIT_HEADER, Integer.toString(o.exitCode()));
            if (o.exitCode() == Outcome.OK) {
                Exchanges.send(ex, 200, "image/svg+xml; charset=utf-8", Files.readAllBytes(svg));
            } else {
                Exchanges.problem(ex, o.exitCode() == Outcome.USAGE ? 400 : 500, clean(o.problem(), dir));
            }
        } finally {
            data.deleteRun(id);
        }
    }

    /** 200 with the command's output; 400 with its message for bad input; 500 otherwise. */
    private void answer(HttpExchange ex, Outcome o) throws IOException {
        ex.getResponseHeaders().set(EXIT_HEADER, Integer.toString(o.exitCode()));
        if (o.exitCode() == Outcome.OK || (o.exitCode() == Outcome.FAILURE && !o.stdout().isEmpty())) {
            // cost serve's "does not fit" is an answer (exit 1 with its JSON), not a server failure.
            Exchanges.json(ex, 200, o.stdout());
        } else {
            Exchanges.problem(ex, o.exitCode() == Outcome.USAGE ? 400 : 500, clean(o.problem(), null));
        }
    }

    // ---- scenario

    private void scenario(HttpExchange ex, List<String> seg, String method, Query query) throws IOException {
        String what = seg.size() == 3 ? seg.get(2) : "";
        if (what.equals("default")) {
            requireMethod(method.equals("GET") || method.equals("HEAD"), method, "GET");
            query.arguments(new Endpoint("/api/scenario/default", List.of(), List.of(), false, false, ""));
            Outcome o = runner.run(new ArrayList<>(List.of("scenario", "show", "default")), ProgressListener.NONE);
            if (o.exitCode() != Outcome.OK) {
                Exchanges.problem(ex, 500, clean(o.problem(), null));
                return;
            }
            Exchanges.send(ex, 200, "text/yaml; charset=utf-8", o.stdout().getBytes(StandardCharsets.UTF_8));
        } else if (what.equals("check")) {
            requireMethod(method.equals("POST"), method, "POST");
            String body = requireScenario(Exchanges.body(ex, options.maxBodyBytes()));
            List<String> args = query.arguments(Endpoints.SCENARIO_CHECK);
            String id = queue.newId();
            Path dir = data.newRun(id, body);
            try {
                args.add("--format=json");
                args.add("--");
                args.add(dir.resolve(DataDir.SCENARIO_FILE).toString());
                Outcome o = runner.run(args, ProgressListener.NONE);
                if (o.exitCode() == Outcome.OK) Exchanges.json(ex, 200, o.stdout());
                else Exchanges.problem(ex, o.exitCode() == Outcome.USAGE ? 400 : 500, clean(o.problem(), dir));
            } finally {
                data.deleteRun(id);
            }
        } else {
            throw notFound(String.join("/", seg));
        }
    }

    private static String requireScenario(String body) {
        if (body == null) throw BadRequest.field("body", "is empty; post a scenario's YAML");
        return body;
    }

    // ---- queued commands: run, claims (synchronous for the client), agent jobs

    /** Runs (or finds in the cache) a queued command and answers with its output when it ends. */
    private void queued(HttpExchange ex, Endpoint endpoint, Query query, String scenarioYaml, String kind) throws IOException {
        List<String> base = query.arguments(endpoint);
        String key = kind + "\n" + String.join("\n", base) + "\n" + (scenarioYaml == null ? "default" : sha256(scenarioYaml));
        ResultCache.Entry hit = cache.get(key);
        if (hit != null) {
            sendResult(ex, hit);
            return;
        }
        Job job;
        String id;
        boolean mine = false;
        synchronized (inFlight) {
            job = inFlight.get(key);
            if (job == null) {
                id = queue.newId();
                Path dir = data.newRun(id, scenarioYaml);
                List<String> args = new ArrayList<>(base);
                if (kind.equals("run")) args.add("--out=" + dir);
                args.add("--format=json");
                args.add("--");
                args.add(scenarioYaml == null ? "default" : dir.resolve(DataDir.SCENARIO_FILE).toString());
                try {
                    job = queue.submitWithId(id, kind, args);
                } catch (BadRequest e) {
                    data.deleteRun(id);
                    throw e;
                }
                inFlight.put(key, job);
                mine = true;
            }
        }
        try {
            if (!job.await(TimeUnit.SECONDS.toNanos(queue.timeoutSeconds() + 5))) {
                job.cancel();
                throw new BadRequest(503, Problem.of("the run did not end within the server's limit of " + queue.timeoutSeconds() + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel();
            throw new BadRequest(503, Problem.of("the server is stopping"));
        } finally {
            if (mine) {
                synchronized (inFlight) {
                    inFlight.remove(key);
                }
            }
        }
        Outcome o = job.outcome();
        String runId = job.id();
        if (o.exitCode() == Outcome.OK) {
            ResultCache.Entry e = new ResultCache.Entry(runId, o.stdout(), o.files());
            if (mine) {
                cache.put(key, e);
                job.releaseFiles();
            }
            sendResult(ex, e);
        } else {
            if (mine) data.deleteRun(runId);
            int status = switch (job.state()) {
                case TIMED_OUT -> 503;
                case CANCELLED -> 409;
                default -> o.exitCode() == Outcome.USAGE ? 400 : 500;
            };
            Exchanges.problem(ex, status, clean(o.problem(), data.runDir(runId)));
        }
    }

    /**
     * A run's file, made now if the run left its files for later and this one is not made yet (then kept for the next
     * download). The files of a run no longer cached or remembered by the queue went with it: 404, as before.
     */
    private Path runFile(String id, String name) throws IOException {
        Path dir = data.runDir(id);
        LazyFiles files = lazyFiles(id);
        if (files != null && DataDir.RUN_FILES.contains(name) && !Files.isRegularFile(dir.resolve(name))) {
            // One render per file and run, however many clients ask at once.
            synchronized (files) {
                if (!Files.isRegularFile(dir.resolve(name))) {
                    byte[] content = files.render(name);
                    if (content != null) data.writeRunFile(id, name, content);
                }
            }
        }
        return data.runFile(id, name);
    }

    /** The files a run left for later: from the result cache, else from the queue's job (an answer not cached yet). */
    private LazyFiles lazyFiles(String id) {
        ResultCache.Entry e = cache.ofRun(id);
        if (e != null) return e.files();
        Job job = queue.job(id);
        if (job == null || !job.ended() || job.outcome() == null || job.outcome().exitCode() != Outcome.OK) return null;
        return job.outcome().files();
    }

    private void sendResult(HttpExchange ex, ResultCache.Entry e) throws IOException {
        ex.getResponseHeaders().set(RUN_HEADER, e.runId());
        ex.getResponseHeaders().set(EXIT_HEADER, "0");
        Exchanges.json(ex, 200, e.stdout());
    }

    private void jobs(HttpExchange ex, List<String> seg, String method, Query query) throws IOException {
        if (seg.size() == 2) {
            requireMethod(method.equals("POST"), method, "POST");
            String body = Exchanges.body(ex, options.maxBodyBytes());
            List<String> args = query.arguments(Endpoints.AGENT_JOB);
            String users = query.first("users");
            if (users != null) {
                try {
                    if (Long.parseLong(users.trim()) > options.maxAgentUsers()) {
                        throw BadRequest.field("users", "must be at most " + options.maxAgentUsers() + " on this server, was " + users);
                    }
                } catch (NumberFormatException e) {
                    // the command names it
                }
            }
            String id = queue.newId();
            Path dir = data.newRun(id, body);
            args.add("--threads=" + Math.max(1, Runtime.getRuntime().availableProcessors()));
            args.add("--out=" + dir);
            args.add("--format=json");
            args.add("--");
            args.add(body == null ? "default" : dir.resolve(DataDir.SCENARIO_FILE).toString());
            Job job;
            try {
                job = queue.submitWithId(id, "agent run", args);
            } catch (BadRequest e) {
                data.deleteRun(id);
                throw e;
            }
            ex.getResponseHeaders().set("Location", "/api/jobs/" + job.id());
            Exchanges.json(ex, 202, status(job));
            return;
        }
        Job job = queue.job(seg.get(2));
        if (job == null) throw new BadRequest(404, Problem.ofField("job", "no job '" + seg.get(2) + "'"));
        String what = seg.size() == 4 ? seg.get(3) : seg.size() == 3 ? "" : null;
        if (what == null) throw notFound(String.join("/", seg));
        switch (what) {
            case "" -> {
                if (method.equals("DELETE")) {
                    job.cancel();
                    Exchanges.json(ex, 202, status(job));
                } else {
                    requireMethod(method.equals("GET") || method.equals("HEAD"), method, "GET, DELETE");
                    Exchanges.json(ex, 200, status(job));
                }
            }
            case "result" -> {
                requireMethod(method.equals("GET"), method, "GET");
                if (!job.ended()) throw new BadRequest(409, Problem.ofField("job", "job '" + job.id() + "' has not ended"));
                Outcome o = job.outcome();
                if (o.exitCode() == Outcome.OK) {
                    ex.getResponseHeaders().set(RUN_HEADER, job.id());
                    Exchanges.json(ex, 200, o.stdout());
                } else {
                    Exchanges.problem(ex, o.exitCode() == Outcome.USAGE ? 400 : 409, clean(o.problem(), data.runDir(job.id())));
                }
            }
            case "events" -> {
                requireMethod(method.equals("GET"), method, "GET");
                events(ex, job);
            }
            default -> throw notFound(String.join("/", seg));
        }
    }

    /**
     * The claims under uncertainty as a job. The uncertainty file is the posted body, the user's own file as YAML text
     * (never a path to open), or with no body the bundled one. Either is written into the job's run directory (so its
     * outcomes store, named after it, is the job's own and goes with the run); a posted file is first checked as the
     * command checks its file, and refused with the command's message, naming its line and field, before anything is
     * queued.
     */
    private void claimsUnderUncertainty(HttpExchange ex, Query query) throws IOException {
        String upload = Exchanges.body(ex, options.maxBodyBytes());
        List<String> args = query.arguments(Endpoints.CLAIMS_UNCERTAINTY);
        String raw = query.first("worlds");
        int worlds = DEFAULT_WORLDS;
        if (raw != null) {
            // Checked here, not by the command, so that a bad value is the request's 400 rather than a failed job.
            try {
                worlds = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw BadRequest.field("worlds", "must be a whole number from 1 to " + Endpoints.MAX_WORLDS + ", was '" + raw + "'");
            }
            if (worlds < 1 || worlds > Endpoints.MAX_WORLDS) {
                throw BadRequest.field("worlds", "must be from 1 to " + Endpoints.MAX_WORLDS + " on this server, was " + raw.trim());
            }
            args.removeIf(a -> a.startsWith("--worlds="));
        }
        String id = queue.newId();
        Path dir = data.newRun(id, null);
        Path file;
        if (upload == null) {
            file = dir.resolve(UNCERTAINTY_FILE);
            Files.write(file, bundledUncertainty);
        } else {
            file = dir.resolve(DataDir.UNCERTAINTY_UPLOAD);
            Files.writeString(file, upload, StandardCharsets.UTF_8);
            try {
                UncertaintyUpload.check(file, worlds);
            } catch (RuntimeException e) {
                // Nothing is queued for a refused file, and its scratch directory goes with it.
                data.deleteRun(id);
                if (e instanceof BadRequest bad) throw new BadRequest(bad.status(), clean(bad.problem(), dir));
                throw e;
            }
        }
        args.add("--uncertainty=" + file);
        args.add("--worlds=" + worlds);
        args.add("--format=json");
        args.add("--");
        args.add("default");
        Job job;
        try {
            job = queue.submitWithId(id, "claims under uncertainty", args);
        } catch (BadRequest e) {
            data.deleteRun(id);
            throw e;
        }
        ex.getResponseHeaders().set("Location", "/api/jobs/" + job.id());
        Exchanges.json(ex, 202, status(job));
    }

    /** The bundled experiments/claims-uncertainty.yaml, as committed. */
    private static byte[] bundledUncertainty() {
        try (InputStream in = Api.class.getResourceAsStream(UNCERTAINTY_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the bundled " + UNCERTAINTY_FILE + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server-sent events: "progress" while the job runs (5 a second at most), then one "end". */
    private void events(HttpExchange ex, Job job) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            Progress last = null;
            Job.State lastState = null;
            while (true) {
                boolean ended = job.ended();
                Progress p = job.progress();
                if (p != last || job.state() != lastState || ended) {
                    String event = ended ? "end" : "progress";
                    out.write(("event: " + event + "\ndata: " + Exchanges.COMPACT.writeValueAsString(status(job))
                        + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    last = p;
                    lastState = job.state();
                }
                if (ended) break;
                try {
                    job.await(TimeUnit.MILLISECONDS.toNanos(SSE_POLL_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } catch (IOException e) {
            // The client went away; the job goes on until it ends or is cancelled.
        }
    }

    private ObjectNode status(Job job) {
        ObjectNode o = Exchanges.JSON.createObjectNode();
        o.put("job", job.id());
        o.put("kind", job.kind());
        o.put("state", job.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        Progress p = job.progress();
        o.put("done", p == null ? 0 : p.done());
        o.put("total", p == null ? 0 : p.total());
        o.put("fraction", p == null ? 0 : p.fraction());
        o.put("elapsedSeconds", p == null ? 0 : p.elapsedSeconds());
        if (p != null && !Double.isNaN(p.etaSeconds())) o.put("etaSeconds", p.etaSeconds());
        if (job.ended() && job.outcome().problem() != null) {
            Problem p2 = clean(job.outcome().problem(), data.runDir(job.id()));
            o.put("error", p2.error());
            if (p2.field() != null) o.put("field", p2.field());
        }
        if (job.ended() && job.state() == Job.State.DONE) o.put("result", "/api/jobs/" + job.id() + "/result");
        return o;
    }

    // ---- experiments (results stores under --data)

    private void experiments(HttpExchange ex, List<String> seg, String method, Query query) throws IOException {
        requireMethod(method.equals("GET") || method.equals("HEAD"), method, "GET");
        query.arguments(new Endpoint("/api/experiments", List.of(), List.of(), false, false, ""));
        if (seg.size() == 2) {
            ObjectNode o = Exchanges.JSON.createObjectNode();
            ArrayNode stores = o.putArray("stores");
            for (String s : data.stores()) stores.add(s);
            Exchanges.json(ex, 200, o);
            return;
        }
        if (seg.size() != 4) throw notFound(String.join("/", seg));
        Path store = data.store(seg.get(2));
        switch (seg.get(3)) {
            case "analysis" -> answer(ex, runner.run(new ArrayList<>(List.of("analyze", "--format=json", "--", store.toString())),
                ProgressListener.NONE));
            case "runs.csv" -> {
                String id = queue.newId();
                Path dir = data.newRun(id, null);
                try {
                    Path csv = dir.resolve("runs.csv");
                    Outcome o = runner.run(new ArrayList<>(List.of("export", "--csv", "--out=" + csv, "--", store.toString())),
                        ProgressListener.NONE);
                    if (o.exitCode() != Outcome.OK) {
                        Exchanges.problem(ex, o.exitCode() == Outcome.USAGE ? 400 : 500, clean(o.problem(), dir));
                        return;
                    }
                    Exchanges.send(ex, 200, "text/csv; charset=utf-8", Files.readAllBytes(csv));
                } finally {
                    data.deleteRun(id);
                }
            }
            default -> throw notFound(String.join("/", seg));
        }
    }

    // ---- helpers

    /** The problem with server paths replaced: a posted scenario is "scenario.yaml", the data directory "data/". */
    private Problem clean(Problem p, Path runDir) {
        if (p == null) return Problem.of("the command failed");
        String m = p.error();
        if (runDir != null) {
            m = m.replace(runDir.resolve(DataDir.SCENARIO_FILE).toString(), DataDir.SCENARIO_FILE)
                .replace(runDir.resolve(DataDir.UNCERTAINTY_UPLOAD).toString(), DataDir.UNCERTAINTY_UPLOAD).replace(runDir.toString(), "run");
        }
        m = data.hidePaths(m);
        return new Problem(m, p.field(), p.line());
    }

    private static List<String> segments(String path) {
        List<String> seg = new ArrayList<>();
        for (String s : path.split("/")) if (!s.isEmpty()) seg.add(java.net.URLDecoder.decode(s, StandardCharsets.UTF_8));
        return seg;
    }

    private static void requireMethod(boolean ok, String method, String allowed) {
        if (!ok) throw new BadRequest(405, Problem.of("method " + method + " is not allowed here; allowed: " + allowed));
    }

    private static BadRequest notFound(String path) {
        return new BadRequest(404, Problem.of("no such endpoint: " + path + " (see /api/openapi.json)"));
    }

    private static String contentType(String name) {
        if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
        if (name.endsWith(".json")) return Exchanges.JSON_TYPE;
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        return "text/yaml; charset=utf-8";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
