package owsim.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The pages and their scripts, from the jar: a fixed list of names (a request can name nothing
 * else), and the chart library from its webjar so the app works offline.
 */
final class Pages {
    private static final String BASE = "/owsim/web/pages/";
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final Map<String, String> FILES = Map.ofEntries(
        Map.entry("/", BASE + "cost.html"),
        Map.entry("/cost.html", BASE + "cost.html"),
        Map.entry("/market.html", BASE + "market.html"),
        Map.entry("/agent.html", BASE + "agent.html"),
        Map.entry("/claims.html", BASE + "claims.html"),
        Map.entry("/experiments.html", BASE + "experiments.html"),
        Map.entry("/static/app.css", BASE + "app.css"),
        Map.entry("/static/app.js", BASE + "app.js"),
        Map.entry("/static/echarts.min.js", ECHARTS));

    private Pages() {}

    static void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new BadRequest(405, Problem.of("method " + method + " is not allowed here; allowed: GET"));
        }
        String path = ex.getRequestURI().getPath();
        String resource = FILES.get(path);
        if (resource == null) throw new BadRequest(404, Problem.of("no page " + path + "; the pages: /cost.html, /market.html,"
            + " /agent.html, /claims.html, /experiments.html"));
        byte[] bytes;
        try (InputStream in = Pages.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            bytes = in.readAllBytes();
        }
        Exchanges.send(ex, 200, contentType(resource), bytes);
    }

    static String contentType(String resource) {
        if (resource.endsWith(".html")) return "text/html; charset=utf-8";
        if (resource.endsWith(".css")) return "text/css; charset=utf-8";
        return "text/javascript; charset=utf-8";
    }
}
