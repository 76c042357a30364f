package owsim.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The web app: pages at /, the API under /api/. Every failure is a JSON problem with no stack
 * trace; a loopback server answers only requests addressed to a loopback name, so a web page
 * elsewhere cannot reach it through a DNS name that points here.
 */
public final class WebServer implements AutoCloseable {
    /**
     * The JDK's server sends an answer's headers and its body in two writes. Without TCP_NODELAY, Nagle's algorithm
     * holds the body until the client acknowledges the headers, and a client delays that acknowledgement (Linux: 40
     * ms): every answer took at least 40 ms however small, which capped 50 closed-loop clients at about 1,100 answers
     * a second. The JDK's server reads this property once, when its configuration class is first loaded, and offers
     * no other way to set it; a value the user gave on the command line is kept.
     */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY) == null) System.setProperty(NODELAY, "true");
    }

    /** Threads answering requests (an open event stream holds one). */
    static final int HTTP_THREADS = 64;

    private final HttpServer server;
    private final ExecutorService http;
    private final RunQueue queue;
    private final Api api;
    private final boolean loopback;

    private WebServer(ServerOptions options, CommandRunner runner) throws IOException {
        DataDir data = new DataDir(options.data());
        InetAddress address = InetAddress.getByName(options.host());
        this.loopback = address.isLoopbackAddress();
        this.queue = new RunQueue(runner, options.workers(), options.queueCapacity(), options.runTimeoutSeconds());
        this.api = new Api(runner, options, data, queue);
        this.server = HttpServer.create(new InetSocketAddress(address, options.port()), 128);
        this.http = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
            Thread t = new Thread(r, "owsim-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(http);
        server.createContext("/api/", ex -> guarded(ex, api::handle));
        server.createContext("/", ex -> guarded(ex, Pages::handle));
    }

    /** Starts a server; {@link #url()} says where. */
    public static WebServer start(ServerOptions options, CommandRunner runner) throws IOException {
        WebServer s = new WebServer(options, runner);
        s.server.start();
        return s;
    }

    /** The address to open in a browser, e.g. http://127.0.0.1:7070/. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + a.getPort() + "/";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private void guarded(HttpExchange ex, Handler h) {
        try {
            if (loopback && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
                throw new BadRequest(403, Problem.ofField("Host", "this server answers only requests to localhost or 127.0.0.1"));
            }
            h.handle(ex);
        } catch (BadRequest e) {
            respond(ex, e.status(), e.problem());
        } catch (IOException e) {
            // The client went away mid-answer; nothing to tell it.
        } catch (RuntimeException | Error e) {
            respond(ex, 500, Problem.of("internal error while answering " + ex.getRequestURI().getPath()
                + "; this is a bug, please report it with the request"));
        } finally {
            ex.close();
        }
    }

    private static void respond(HttpExchange ex, int status, Problem p) {
        try {
            Exchanges.problem(ex, status, p);
        } catch (IOException | RuntimeException ignored) {
            // Headers already sent, or the client is gone.
        }
    }

    static boolean loopbackHost(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) h = h.substring(1, Math.max(1, h.indexOf(']')));
        else if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) h = h.substring(0, h.indexOf(':'));
        return h.equals("localhost") || h.equals("::1") || h.startsWith("127.");
    }

    @Override public void close() {
        queue.close();
        server.stop(0);
        http.shutdownNow();
        try {
            http.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
