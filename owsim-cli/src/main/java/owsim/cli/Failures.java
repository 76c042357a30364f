package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import owsim.io.InputException;
import picocli.CommandLine;

/**
 * Turns anything a command throws into an exit code and one line on standard error: bad input is
 * 2 with its message (file, line, field); everything else is 1 with a sentence that names what
 * happened and what to try, never a stack trace or a Java class's own text. With debug on
 * (OWSIM_DEBUG=1) the stack trace follows, for a bug report.
 */
final class Failures {
    /** Environment variable that adds the stack trace to a failure's line. */
    static final String DEBUG_VARIABLE = "OWSIM_DEBUG";

    private Failures() {}

    /** A command that can say which of its inputs to make smaller when memory runs out. */
    interface MemoryHint {
        /** What to make smaller, e.g. "--users"; shown as "try a smaller --users". */
        String memoryHint();
    }

    /** Whether the environment asks for stack traces. */
    static boolean debugFromEnvironment() {
        String v = System.getenv(DEBUG_VARIABLE);
        return v != null && !v.isEmpty() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /**
     * Prints {@code t}'s one line to {@code err} and returns the exit code.
     *
     * @param command the command that failed (its name and memory hint are used), or null
     */
    static int report(Throwable t, CommandLine command, PrintWriter err, boolean debug) {
        Throwable cause = unwrap(t);
        String name = command == null ? "owsim" : command.getCommandSpec().qualifiedName();
        int exit;
        String line;
        if (cause instanceof InputException || cause instanceof IllegalArgumentException) {
            exit = Main.EXIT_USAGE;
            line = cause.getMessage() == null ? "invalid input to '" + name + "'" : cause.getMessage();
        } else if (cause instanceof OutOfMemoryError) {
            exit = Main.EXIT_FAILURE;
            Object user = command == null ? null : command.getCommandSpec().userObject();
            String smaller = user instanceof MemoryHint h ? h.memoryHint() : "input";
            line = "out of memory in '" + name + "' (Java heap limit " + heap(Runtime.getRuntime().maxMemory()) + "): try a smaller "
                + smaller + " or more heap via OWSIM_JAVA_OPTS=-Xmx8g";
        } else if (cause instanceof StackOverflowError) {
            exit = Main.EXIT_FAILURE;
            line = "'" + name + "' ran out of stack (an input nested too deeply?); a larger stack via OWSIM_JAVA_OPTS=-Xss16m may help."
                + hint(debug);
        } else if (cause instanceof IOException || cause instanceof UncheckedIOException) {
            exit = Main.EXIT_FAILURE;
            line = "'" + name + "' could not read or write a file: " + ioReason(cause) + hint(debug);
        } else {
            exit = Main.EXIT_FAILURE;
            line = "'" + name + "' failed with an internal error; this is a bug, please report it with the command line."
                + hint(debug);
        }
        err.println("owsim: " + line);
        if (debug) t.printStackTrace(err);
        err.flush();
        return exit;
    }

    /** A heap size as people set it: MiB below a GiB, else GiB with one decimal. */
    static String heap(long bytes) {
        return bytes < (1L << 30) ? (bytes >> 20) + " MiB" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    private static String hint(boolean debug) {
        return debug ? "" : " (" + DEBUG_VARIABLE + "=1 shows the details)";
    }

    /** picocli and the JDK wrap a command's failure; the user cares about what is inside. */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CommandLine.ExecutionException || c instanceof java.util.concurrent.ExecutionException
                || c instanceof java.util.concurrent.CompletionException) && c.getCause() != null) {
            c = c.getCause();
        }
        // A fork-join pool rethrows a worker's exception as a new one of its class around it,
        // with the worker's toString() ("java.lang....: text") as the message.
        while (c.getCause() != null && c.getCause().getClass() == c.getClass()) c = c.getCause();
        return c;
    }

    private static String ioReason(Throwable t) {
        IOException io = t instanceof UncheckedIOException u ? u.getCause() : (IOException) t;
        return io == null ? "input/output error" : RunCommand.reason(io);
    }
}
