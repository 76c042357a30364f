package owsim.web;

import java.util.ArrayList;
import java.util.List;

/** The API endpoints that mirror commands, with the options each passes on (never a file path). */
final class Endpoints {
    private Endpoints() {}

    static final Endpoint COST_SERVE = new Endpoint("/api/cost/serve", List.of("cost", "serve"), with(workload(),
        Param.string("model", "Model id from the catalog.").asRequired(),
        Param.string("hardware", "Accelerator id from the catalog.").asRequired(),
        Param.integer("gpus", "Accelerators in the deployment (default: the fewest that fit)."),
        Param.number("cache-hit", "Share of prompt tokens served from a prefix cache, 0..1."),
        Param.integer("kv-len", "Context held per sequence in tokens (default: prompt + output)."),
        Param.integer("batch", "Concurrent sequences (default: the largest batch that fits)."),
        Param.number("min-user-tps", "Largest batch whose per-user decode speed is at least this many tokens/s."),
        Param.string("layout", "Force a parallel layout: tpN, ppN, epN, dpN terms, e.g. tp8pp2."),
        Param.number("mtp", "Multi-token prediction: acceptance probability of one draft token, 0..1.")),
        false, false, "Memory, accelerators needed, throughput and cost per token of a model on an accelerator (owsim cost serve).");

    static final Endpoint COST_SELFHOST = new Endpoint("/api/cost/selfhost", List.of("cost", "selfhost"), List.of(
        Param.string("model", "Model id from the catalog.").asRequired(),
        Param.number("tokens-per-month", "Tokens per month (input and output).").asRequired(),
        Param.string("hardware", "Only these accelerators for buy and rent (repeatable; default: the whole catalog).").asRepeatable()),
        false, false, "Buy, rent, API or subscription for a monthly token volume (owsim cost selfhost).");

    static final Endpoint COST_PARETO = new Endpoint("/api/cost/pareto", List.of("cost", "pareto"), with(workload(),
        Param.string("model", "Model id from the catalog.").asRequired(),
        Param.string("hardware", "Accelerator id (repeatable; default: every data-centre accelerator).").asRepeatable()),
        false, false, "Frontier of tokens/s per GPU against tokens/s per user, with $/M output tokens (owsim cost pareto).");

    /** The same frontier drawn: the command writes its --svg file into a scratch run directory, and that file is the answer. */
    static final Endpoint COST_PARETO_SVG = new Endpoint("/api/cost/pareto.svg", List.of("cost", "pareto"), COST_PARETO.params(),
        false, false, "The same frontier as a self-contained SVG chart (image/svg+xml), byte for byte the file of owsim cost pareto --svg FILE.");

    static final Endpoint COST_SUBSCRIBER = new Endpoint("/api/cost/subscriber", List.of("cost", "subscriber"), List.of(
        Param.string("model", "Model id from the catalog.").asRequired(),
        Param.string("hardware", "Accelerator id from the catalog.").asRequired(),
        Param.number("tokens-per-month", "Tokens per month of one subscriber.").asRequired(),
        Param.number("price", "The plan's price in USD per month.").asRequired()),
        false, false, "What one subscriber costs at a usage, and where the plan stops paying (owsim cost subscriber).");

    static final Endpoint CATALOG_LIST = new Endpoint("/api/catalog", List.of("catalog", "list"), List.of(),
        false, false, "The bundled models and accelerators (owsim catalog list).");

    /** Its ID is the last path segment, not a query parameter. */
    static final Endpoint CATALOG_SHOW = new Endpoint("/api/catalog/{id}", List.of("catalog", "show"), List.of(),
        false, false, "One model or accelerator with every field and its sources (owsim catalog show ID).");

    static final Endpoint RUN = new Endpoint("/api/run", List.of("run"), List.of(
        Param.integer("months", "Months to simulate (overrides run.months)."),
        Param.integer("seed", "Root random seed (overrides run.seed)."),
        Param.string("set", "PATH=VALUE: one scenario field by its experiment path, e.g. technology.spilloverPerMonth=0.05 (repeatable).")
            .asRepeatable()),
        true, true, "A run of the market with the aggregate engine on the default or the posted scenario (owsim run --format json);"
            + " its files are then at /api/runs/{run}/{file}, the run named by the X-Owsim-Run header.");

    static final Endpoint AGENT_JOB = new Endpoint("/api/jobs", List.of("run", "--engine=agent"), List.of(
        Param.integer("users", "Simulated users (default 1,000,000; at most the server's limit)."),
        Param.integer("months", "Months to simulate (overrides run.months)."),
        Param.integer("seed", "Root random seed (overrides run.seed)."),
        Param.string("set", "PATH=VALUE, as for /api/run (repeatable).").asRepeatable()),
        true, true, "Starts an agent-engine run in the queue (202 with its job id); follow it at /api/jobs/{id}/events"
            + " (server-sent events), cancel it with DELETE /api/jobs/{id}.");

    static final Endpoint CLAIMS = new Endpoint("/api/claims", List.of("claims"), List.of(),
        true, true, "The twelve claims a-l tested on the default or the posted scenario (owsim claims --format json).");

    /** The most worlds a request may ask for: the bundled file's own design size, a few minutes of the queue's time. */
    static final int MAX_WORLDS = 256;

    /** Its uncertainty file is the posted one (YAML text) or the bundled one, never a file named by the request. */
    static final Endpoint CLAIMS_UNCERTAINTY = new Endpoint("/api/claims/uncertainty", List.of("claims"), List.of(
        Param.integer("worlds", "Worlds sampled from the uncertainty file, 1.." + MAX_WORLDS + " (default 16).")),
        false, true, "Starts the twelve claims under uncertainty on the default world as a job (202 with its id; owsim claims default"
            + " --uncertainty FILE --worlds N --format json). FILE is the posted body, your own uncertainty file as YAML text (checked"
            + " first as the command checks it: a bad file is a 400 naming its line and field, and nothing runs), or with no body the"
            + " bundled experiments/claims-uncertainty.yaml (GET /api/claims/uncertainty/default). Follow the job at"
            + " /api/jobs/{id}/events, cancel it with DELETE /api/jobs/{id}.");

    static final Endpoint SCENARIO_CHECK = new Endpoint("/api/scenario/check", List.of("scenario", "check"), List.of(),
        true, false, "Validates the posted scenario as owsim scenario check does; 400 names the line and field at fault.");

    static List<Endpoint> all() {
        return List.of(COST_SERVE, COST_SELFHOST, COST_PARETO, COST_PARETO_SVG, COST_SUBSCRIBER, CATALOG_LIST, CATALOG_SHOW, RUN, AGENT_JOB, CLAIMS,
            CLAIMS_UNCERTAINTY, SCENARIO_CHECK);
    }

    private static List<Param> workload() {
        return List.of(
            Param.string("weights", "bf16, fp8, int8 or int4 (default: the model's native format)."),
            Param.string("kv-dtype", "KV cache format: bf16 or fp8."),
            Param.integer("prompt-tokens", "Input tokens per request (default 1000)."),
            Param.integer("output-tokens", "Output tokens per request (default 1000)."),
            Param.number("utilization", "Busy share of the deployment for cost, 0..1 (default 0.6)."));
    }

    /** The endpoint's own parameters first, then the shared ones. */
    private static List<Param> with(List<Param> shared, Param... own) {
        List<Param> all = new ArrayList<>(List.of(own));
        all.addAll(shared);
        return List.copyOf(all);
    }
}
