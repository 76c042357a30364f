package owsim.web;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import owsim.progress.Progress;
import owsim.progress.ProgressListener;

/**
 * One command run by the queue: its state, its last progress and, when it ends, its outcome. The
 * command learns of a cancel or of its timeout at its next progress report (an agent run reports
 * after every simulated month), where the listener stops it.
 */
final class Job {
    enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED, TIMED_OUT }

    private final String id;
    private final String kind;
    private final List<String> args;
    private final long timeoutNanos;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile State state = State.QUEUED;
    private volatile Progress progress;
    private volatile Outcome outcome;
    private volatile boolean cancelRequested;
    private volatile long deadlineNanos = Long.MAX_VALUE;

    Job(String id, String kind, List<String> args, long timeoutNanos) {
        this.id = id;
        this.kind = kind;
        this.args = List.copyOf(args);
        this.timeoutNanos = timeoutNanos;
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    State state() {
        return state;
    }

    Progress progress() {
        return progress;
    }

    Outcome outcome() {
        return outcome;
    }

    boolean ended() {
        return finished.getCount() == 0;
    }

    /**
     * Lets go of the run's files still to be made, once the result cache holds them ({@link ResultCache.Entry}): the
     * cache is where a download finds them, and a run whose cache entry is dropped has no directory left to make them
     * in. Until then every remembered job kept its whole run result (about 0.3 MB for the default world), so the
     * collector copied the last {@link RunQueue#REMEMBERED} runs' results from young space again and again under a
     * stream of fresh runs.
     */
    void releaseFiles() {
        Outcome o = outcome;
        if (o != null && o.files() != null) outcome = new Outcome(o.exitCode(), o.stdout(), o.problem());
    }

    /** Asks the job to stop: at once if it is still queued, else at its next progress report. */
    void cancel() {
        cancelRequested = true;
    }

    /** Waits for the end; false if it has not ended within the time. */
    boolean await(long nanos) throws InterruptedException {
        return finished.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Runs the command on the calling (queue) thread. */
    void runWith(CommandRunner runner) {
        if (cancelRequested) {
            end(State.CANCELLED, new Outcome(Outcome.FAILURE, "", Problem.of("cancelled before it started")));
            return;
        }
        state = State.RUNNING;
        deadlineNanos = System.nanoTime() + timeoutNanos;
        ProgressListener listener = p -> {
            progress = p;
            checkStillWanted();
        };
        try {
            Outcome o = runner.run(args, listener);
            if (cancelRequested) end(State.CANCELLED, new Outcome(Outcome.FAILURE, "", Problem.of("cancelled")));
            else if (System.nanoTime() > deadlineNanos) end(State.TIMED_OUT, timedOut());
            else end(o.exitCode() == Outcome.OK ? State.DONE : State.FAILED, o);
        } catch (CancellationException e) {
            end(cancelRequested ? State.CANCELLED : State.TIMED_OUT,
                cancelRequested ? new Outcome(Outcome.FAILURE, "", Problem.of("cancelled")) : timedOut());
        } catch (RuntimeException | Error e) {
            end(State.FAILED, new Outcome(Outcome.FAILURE, "", Problem.of("the run failed with an internal error")));
        }
    }

    /** Stops the command (from its progress report) if it was cancelled or ran out of time. */
    void checkStillWanted() {
        if (cancelRequested) throw new CancellationException("cancelled");
        if (System.nanoTime() > deadlineNanos) throw new CancellationException("timed out");
    }

    private Outcome timedOut() {
        return new Outcome(Outcome.FAILURE, "", Problem.of("stopped after the server's limit of "
            + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s per run"));
    }

    private void end(State s, Outcome o) {
        outcome = o;
        state = s;
        finished.countDown();
    }
}
