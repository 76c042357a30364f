package owsim.progress;

/** Receives progress snapshots of a long job; core code reports, the command line displays. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores every snapshot. */
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
