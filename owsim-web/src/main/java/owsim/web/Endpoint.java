package owsim.web;

import java.util.List;

/**
 * One API endpoint that answers by running a command: its path, the command words, the query
 * parameters it passes on as options, and whether it takes a scenario as the request body.
 *
 * @param path the path under the server's root, e.g. /api/cost/serve
 * @param command the command's words, e.g. [cost, serve]
 * @param params the query parameters, in the order they are passed to the command
 * @param scenarioBody whether a POST may carry a scenario (YAML) in its body
 * @param queued whether it runs in the bounded run queue (market runs, claims) or at once (cost, catalog)
 * @param summary one line for the OpenAPI document
 */
record Endpoint(String path, List<String> command, List<Param> params, boolean scenarioBody, boolean queued, String summary) {
    Param param(String name) {
        for (Param p : params) if (p.name().equals(name)) return p;
        return null;
    }

    String commandLine() {
        return "owsim " + String.join(" ", command);
    }
}
