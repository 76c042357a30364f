package owsim.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code owsim sweep --master} in a child JVM on the owsim-spark module's build output, so
 * the command's own jar carries no Spark (167 jars, 281 MB). That module's build leaves three
 * files in its target directory: the job jar, the classpath of Spark and its dependencies, and
 * the JVM options Spark needs on Java 17; the child is {@code java OPTIONS -cp JAR:CLASSPATH
 * owsim.spark.SparkSweep ARGS}, as spark-submit would start it, and its output and exit status
 * become the command's.
 */
final class SparkSweepLauncher {
    static final String MAIN_CLASS = "owsim.spark.SparkSweep";
    static final String JAR = "owsim-spark.jar";
    static final String CLASSPATH = "spark-classpath.txt";
    static final String JVM_OPTIONS = "spark-jvm-options.txt";
    static final String BUILD = "mvn -pl owsim-spark -am package -DskipTests";
    /** Log4j configuration inside the job jar: Spark's warnings and errors only. */
    static final String LOG_CONFIG = "classpath:owsim/spark/log4j2-cli.properties";

    private final Path sparkTarget;

    /** @param sparkTarget the owsim-spark module's target directory */
    SparkSweepLauncher(Path sparkTarget) {
        this.sparkTarget = sparkTarget;
    }

    /**
     * owsim-spark/target in the source tree this command was built in: the command's jar and its
     * classes directory both sit in owsim-cli/target, two levels below the tree's root.
     */
    static Path besideThisCommand() {
        try {
            Path here = Path.of(SparkSweepLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.toAbsolutePath().getParent().getParent().getParent().resolve("owsim-spark").resolve("target");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the child cannot start (a missing file, with the command that builds it), if it cannot. */
    Optional<String> missing() {
        for (String f : List.of(JAR, CLASSPATH, JVM_OPTIONS)) {
            if (!Files.isRegularFile(sparkTarget.resolve(f))) return Optional.of(notBuilt("there is no " + sparkTarget.resolve(f)));
        }
        for (String entry : classpath()) {
            if (!Files.exists(Path.of(entry))) return Optional.of(notBuilt("Spark's library " + entry + " is missing"));
        }
        return Optional.empty();
    }

    private static String notBuilt(String what) {
        return "--master runs the sweep on Spark, and the Spark module is not built: " + what
            + ". Build it once from the owsim source tree with '" + BUILD + "' (./owsim does it when given --master).";
    }

    /** The child's command line for these sweep arguments. */
    List<String> command(List<String> sweepArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(read(JVM_OPTIONS).trim().split("\\s+")));
        cmd.add("-Dlog4j2.configurationFile=" + LOG_CONFIG);
        cmd.add("-cp");
        cmd.add(sparkTarget.resolve(JAR) + File.pathSeparator + String.join(File.pathSeparator, classpath()));
        cmd.add(MAIN_CLASS);
        cmd.addAll(sweepArgs);
        return cmd;
    }

    /** Starts the child, copies its output to {@code out} and {@code err} line by line, and returns its exit status. */
    int run(List<String> sweepArgs, boolean localMaster, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(sweepArgs));
        // Spark picks the address of local mode's executor from this variable alone; loopback
        // keeps a local sweep off the network (and working on a machine without one).
        if (localMaster) pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        Process child = pb.start();
        // Ctrl-C or a kill of this JVM ends the Spark JVM too.
        Thread stopChild = new Thread(child::destroy, "owsim-spark-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            Thread errors = new Thread(() -> copy(child.errorReader(StandardCharsets.UTF_8), err), "owsim-spark-stderr");
            errors.start();
            copy(child.inputReader(StandardCharsets.UTF_8), out);
            int status = child.waitFor();
            errors.join();
            return status;
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        }
    }

    private static void copy(BufferedReader from, PrintWriter to) {
        try (from) {
            String line;
            while ((line = from.readLine()) != null) {
                to.println(line);
                to.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> classpath() {
        String text = read(CLASSPATH).trim();
        return text.isEmpty() ? List.of() : List.of(text.split(File.pathSeparator));
    }

    private String read(String file) {
        try {
            return Files.readString(sparkTarget.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sparkTarget.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
