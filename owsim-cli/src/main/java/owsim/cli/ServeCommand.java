package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import owsim.io.InputException;
import owsim.web.ServerOptions;
import owsim.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code owsim serve}: the local web app (cost, market, agent run, claims, experiments) and its JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Start the local web app: the cost calculator, the market with live parameters, agent runs with progress,",
        "the claims and the experiments' analysis, and a JSON API under /api/ with the same JSON as --format json",
        "(described at /api/openapi.json). Prints its URL; stops on Ctrl-C."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:stopped", "1:the server could not start (port in use?)", "2:bad option"})
final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerOptions.LOOPBACK,
        description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another address opens the app to the network.")
    String host;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "owsim-data",
        description = "The only directory the app uses: results stores (*.duckdb) it lists for the Experiments page, and runs/ for"
            + " the runs it makes (emptied at start). Default: ${DEFAULT-VALUE}, created if missing.")
    Path data;

    @Option(names = "--workers", paramLabel = "N", description = "Runs (market, agent, claims) at once (default: the number of processors).")
    Integer workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "64", description = "Runs that may wait for a worker; more are refused (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--run-timeout", paramLabel = "SECONDS", defaultValue = "120", description = "A run still going after this long is stopped (default: ${DEFAULT-VALUE}).")
    long runTimeoutSeconds;

    @Option(names = "--max-users", paramLabel = "N", defaultValue = "2000000", description = "The most users an agent run may ask for (default: ${DEFAULT-VALUE}).")
    int maxUsers;

    @Override public Integer call() throws IOException, InterruptedException {
        NumberOptions.whole("--port", port, 0, 65_535);
        NumberOptions.whole("--queue", queue, 1, 100_000);
        NumberOptions.whole("--max-users", maxUsers, 1, 1_000_000_000);
        if (runTimeoutSeconds < 1 || runTimeoutSeconds > 86_400) {
            throw InputException.ofField("--run-timeout", "must be 1 to 86400 seconds, was " + runTimeoutSeconds);
        }
        int w = workers == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : NumberOptions.whole("--workers", workers, 1, 1024);
        ServerOptions options = ServerOptions.defaults(host, port, data)
            .withLimits(ServerOptions.DEFAULT_MAX_BODY_BYTES, w, queue, runTimeoutSeconds, maxUsers);
        WebServer server;
        try {
            server = WebServer.start(options, new WebCommands());
        } catch (java.net.BindException e) {
            spec.commandLine().getErr().println("owsim: cannot listen on " + host + ":" + port + ": " + e.getMessage()
                + " (another server there? try --port 0 for any free port)");
            return Main.EXIT_FAILURE;
        } catch (java.net.UnknownHostException e) {
            throw InputException.ofField("--host", "'" + host + "' is not an address of this machine");
        } catch (IllegalArgumentException e) {
            throw InputException.ofField("--data", e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("owsim serve: " + server.url() + "  (API: " + server.url() + "api/openapi.json; Ctrl-C stops)");
        out.flush();
        if (!java.net.InetAddress.getByName(host).isLoopbackAddress()) {
            spec.commandLine().getErr().println("owsim: listening on " + host + ": other machines can reach this app and start runs on it");
            spec.commandLine().getErr().flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "owsim-serve-stop"));
        stopped.await();
        return Main.EXIT_OK;
    }
}
