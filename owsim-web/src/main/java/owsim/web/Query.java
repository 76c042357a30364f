package owsim.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query string of a request, decoded, checked against an endpoint's parameters, and turned into options. */
final class Query {
    private final Map<String, List<String>> values;

    private Query(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Decodes {@code a=1&b=x%20y}; an undecodable part is refused naming it. */
    static Query parse(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String part : raw.split("&")) {
                if (part.isEmpty()) continue;
                int eq = part.indexOf('=');
                String name = decode(eq < 0 ? part : part.substring(0, eq), "query");
                String value = eq < 0 ? "" : decode(part.substring(eq + 1), name);
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Query(values);
    }

    private static String decode(String s, String field) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BadRequest.field(field, "is not URL-encoded text: " + e.getMessage());
        }
    }

    /** The one value of a parameter, or null. */
    String first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The command line of {@code endpoint} with these parameters as its options, in the endpoint's
     * order, each as {@code --name=value} so that no value can be read as an option; an unknown
     * parameter or a second value of a single one is refused naming it.
     */
    List<String> arguments(Endpoint endpoint) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            Param p = endpoint.param(e.getKey());
            if (p == null) {
                List<String> names = new ArrayList<>();
                for (Param q : endpoint.params()) names.add(q.name());
                throw BadRequest.field(e.getKey(), "unknown parameter '" + e.getKey() + "' for " + endpoint.path() + "; allowed: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
            }
            if (!p.repeatable() && e.getValue().size() > 1) {
                throw BadRequest.field(p.name(), "given " + e.getValue().size() + " times; give it once");
            }
        }
        List<String> args = new ArrayList<>(endpoint.command());
        for (Param p : endpoint.params()) {
            List<String> v = values.get(p.name());
            if (v == null) continue;
            for (String x : v) args.add("--" + p.name() + "=" + x);
        }
        return args;
    }
}
