package owsim.web;

import java.io.IOException;

/**
 * A finished run's files, made when a client first asks for one rather than when the run ends: the market page runs
 * the market on every change of a slider and reads the run's JSON each time, but the report only when a download is
 * asked for. Rendering all three files was about a third of a fresh run request's time. The bytes are those the
 * command line writes for the same run.
 */
@FunctionalInterface
public interface LazyFiles {
    /** The content of the run's file of this name (one of the run outputs), or null if the run has no such file. */
    byte[] render(String name) throws IOException;
}
