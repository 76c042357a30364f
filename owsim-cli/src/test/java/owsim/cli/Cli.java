package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs one owsim command line in-process and keeps what it printed. */
record Cli(int exit, String out, String err) {
    /**
     * The four-lab world the default grew from (the default until the eight-lab landscape replaced
     * it), relative to the module's folder: the tests of its figures run on it, and so do the tests
     * that need many short runs rather than eight labs (a run of it takes about a sixth of the default's time).
     */
    static final Path FOUR_LABS = Path.of("..", "scenarios", "four-labs-2025.yaml");

    /** Copies the four-lab world into {@code dir} (an experiment's base must sit in its file's folder) and returns its file name. */
    static String fourLabsIn(Path dir) throws IOException {
        Files.copy(FOUR_LABS, dir.resolve("four-labs-2025.yaml"));
        return "four-labs-2025.yaml";
    }

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(exit, out.toString(), err.toString());
    }
}
