package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Whatever a command throws becomes an exit code and one line: no stack trace, no Java class text. */
class FailuresTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer>, Failures.MemoryHint {
        final Supplier<Throwable> what;
        final boolean inWorker;

        Boom(Supplier<Throwable> what, boolean inWorker) {
            this.what = what;
            this.inWorker = inWorker;
        }

        @Override public Integer call() throws Exception {
            if (inWorker) {
                // as the agent engine's pool does: a worker's failure comes back to the caller
                new ForkJoinPool(2).submit(() -> { throwIt(what.get()); }).get();
            }
            throwIt(what.get());
            return 0;
        }

        @Override public String memoryHint() {
            return "--boom-size";
        }
    }

    private static void throwIt(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException("test only throws unchecked");
    }

    private static Cli run(Supplier<Throwable> what, boolean inWorker, boolean debug) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new CommandLine(new Boom(what, inWorker)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(cl, new String[] {"boom"}, new PrintWriter(out, true), new PrintWriter(err, true), debug);
        return new Cli(exit, out.toString(), err.toString());
    }

    private static void assertOneCleanLine(Cli r) {
        assertThat(r.err().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("owsim: ").doesNotContain("\tat ").doesNotContain("java.lang").doesNotContain("Exception")
            .doesNotContain("secret internal text");
    }

    @Test void outOfMemoryIsExitOneWithWhatToTry() {
        for (boolean worker : new boolean[] {false, true}) {
            Cli r = run(() -> new OutOfMemoryError("Java heap space"), worker, false);
            assertThat(r.exit()).isEqualTo(1);
            assertOneCleanLine(r);
            assertThat(r.err()).contains("out of memory in 'owsim boom'").contains("try a smaller --boom-size")
                .contains("OWSIM_JAVA_OPTS=-Xmx");
        }
    }

    @Test void stackOverflowAndBugsAreExitOneWithANeutralLine() {
        for (boolean worker : new boolean[] {false, true}) {
            Cli so = run(StackOverflowError::new, worker, false);
            assertThat(so.exit()).isEqualTo(1);
            assertOneCleanLine(so);
            assertThat(so.err()).contains("ran out of stack").contains("OWSIM_DEBUG=1");
            Cli npe = run(() -> new NullPointerException("secret internal text"), worker, false);
            assertThat(npe.exit()).isEqualTo(1);
            assertOneCleanLine(npe);
            assertThat(npe.err()).contains("internal error").contains("OWSIM_DEBUG=1");
            Cli error = run(() -> new AssertionError("secret internal text"), worker, false);
            assertThat(error.exit()).isEqualTo(1);
            assertOneCleanLine(error);
        }
    }

    @Test void badInputIsExitTwoWithItsMessage() {
        for (boolean worker : new boolean[] {false, true}) {
            Cli in = run(() -> InputException.ofField("--x", "must be > 0, was -1"), worker, false);
            assertThat(in.exit()).isEqualTo(2);
            assertThat(in.err()).isEqualTo("owsim: --x: must be > 0, was -1" + System.lineSeparator());
            Cli iae = run(() -> new IllegalArgumentException("--y: too big"), worker, false);
            assertThat(iae.exit()).isEqualTo(2);
            assertThat(iae.err()).isEqualTo("owsim: --y: too big" + System.lineSeparator());
        }
    }

    @Test void debugAddsTheStackTrace() {
        Cli r = run(() -> new NullPointerException("detail"), false, true);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("internal error").contains("NullPointerException: detail").contains("\tat ");
    }
}
