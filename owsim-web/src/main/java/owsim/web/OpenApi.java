package owsim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The OpenAPI 3.0 document of the API, made from the endpoint definitions so it cannot drift from them. */
final class OpenApi {
    private OpenApi() {}

    static String document(List<Endpoint> endpoints) {
        ObjectNode root = Exchanges.JSON.createObjectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "owsim");
        info.put("version", "1");
        info.put("description", "The open-weights economy simulator's commands over HTTP. Each command endpoint answers with exactly"
            + " what the command prints with --format json; a bad value is a 400 {status, error, field[, line]} naming the"
            + " parameter (a query parameter is the command's option without its dashes) or the scenario field.");
        ObjectNode paths = root.putObject("paths");
        for (Endpoint e : endpoints) {
            ObjectNode path = paths.putObject(e.path());
            if (e == Endpoints.AGENT_JOB || e == Endpoints.CLAIMS_UNCERTAINTY || e == Endpoints.SCENARIO_CHECK) {
                operation(path.putObject("post"), e, true, e == Endpoints.SCENARIO_CHECK ? "200" : "202");
            } else {
                operation(path.putObject("get"), e, false, "200");
                if (e.scenarioBody()) operation(path.putObject("post"), e, true, "200");
            }
        }
        ObjectNode job = paths.putObject("/api/jobs/{id}");
        simple(job.putObject("get"), "The job's state and progress.", "id");
        simple(job.putObject("delete"), "Cancels the job (at once if queued, else at its next month).", "id");
        simple(paths.putObject("/api/jobs/{id}/events").putObject("get"),
            "Server-sent events: 'progress' {done, total, fraction, etaSeconds} while it runs, then one 'end'.", "id");
        simple(paths.putObject("/api/jobs/{id}/result").putObject("get"), "The ended job's output, as its command prints it with --format json.", "id");
        simple(paths.putObject("/api/runs/{run}/{file}").putObject("get"),
            "A file of a run: timeseries.csv, summary.json, report.html, or scenario.yaml if one was posted.", "run", "file");
        simple(paths.putObject("/api/scenario/default").putObject("get"), "The embedded default scenario as YAML (owsim scenario show default).");
        simple(paths.putObject("/api/claims/uncertainty/default").putObject("get"),
            "The bundled uncertainty file (experiments/claims-uncertainty.yaml) as YAML: the worlds used when none is posted.");
        simple(paths.putObject("/api/experiments").putObject("get"), "The results stores (*.duckdb) in the server's data directory.");
        simple(paths.putObject("/api/experiments/{store}/analysis").putObject("get"), "owsim analyze STORE --format json.", "store");
        simple(paths.putObject("/api/experiments/{store}/runs.csv").putObject("get"), "The store's runs table as CSV (owsim export --csv).",
            "store");
        try {
            return Exchanges.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void operation(ObjectNode op, Endpoint e, boolean post, String okStatus) {
        op.put("summary", e.summary());
        ArrayNode params = op.putArray("parameters");
        if (e == Endpoints.CATALOG_SHOW) pathParam(params, "id");
        for (Param p : e.params()) {
            ObjectNode q = params.addObject();
            q.put("name", p.name());
            q.put("in", "query");
            q.put("required", p.required());
            q.put("description", p.description());
            ObjectNode schema = q.putObject("schema");
            if (p.repeatable()) {
                schema.put("type", "array");
                schema.putObject("items").put("type", p.type());
                q.put("explode", true);
            } else {
                schema.put("type", p.type());
            }
        }
        if (post && e == Endpoints.CLAIMS_UNCERTAINTY) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", false);
            body.put("description", "Your own uncertainty file as YAML text (as experiments/claims-uncertainty.yaml; never a path to a"
                + " file), at most the server's body limit; none: the bundled file.");
            body.putObject("content").putObject("text/yaml").putObject("schema").put("type", "string");
        }
        if (post && e.scenarioBody()) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", e == Endpoints.SCENARIO_CHECK);
            body.put("description", "A scenario as YAML (as in owsim scenario show default); none: the default scenario.");
            body.putObject("content").putObject("text/yaml").putObject("schema").put("type", "string");
        }
        responses(op, okStatus);
    }

    private static void simple(ObjectNode op, String summary, String... pathParams) {
        op.put("summary", summary);
        ArrayNode params = op.putArray("parameters");
        for (String p : pathParams) pathParam(params, p);
        responses(op, "200");
    }

    private static void pathParam(ArrayNode params, String name) {
        ObjectNode q = params.addObject();
        q.put("name", name);
        q.put("in", "path");
        q.put("required", true);
        q.putObject("schema").put("type", "string");
    }

    private static void responses(ObjectNode op, String okStatus) {
        ObjectNode r = op.putObject("responses");
        r.putObject(okStatus).put("description", "The command's JSON (or the file).");
        r.putObject("400").put("description", "Bad input: {status, error, field[, line]}.");
        r.putObject("404").put("description", "No such endpoint, run, job or store.");
        r.putObject("413").put("description", "The body is larger than the server's limit.");
        r.putObject("503").put("description", "The run queue is full, or a run took longer than the server's limit.");
    }
}
