package owsim.web;

import java.util.List;
import owsim.progress.ProgressListener;

/**
 * Runs one owsim command line in this process, as {@code owsim ARGS} would, and hands back what
 * it printed. The command line module implements it; the web app builds the arguments.
 */
@FunctionalInterface
public interface CommandRunner {
    /**
     * @param args the command line after "owsim", options in {@code --name=value} form
     * @param progress receives the command's progress (agent runs, claims); it may throw
     *     {@link java.util.concurrent.CancellationException} to stop the command at its next report
     */
    Outcome run(List<String> args, ProgressListener progress);
}
