package owsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import owsim.io.InputException;
import owsim.progress.ProgressListener;

/**
 * A run that fails with an Error (out of memory) or anything else stops the sweep: no hang, the
 * runs finished before it are written, the message says what happened, and a resume completes.
 */
class SweepFailureTest {
    private static RunOutput output(int id) {
        return new RunOutput(id, id, 0, id, new double[] {id}, new double[] {id * 2.0});
    }

    private static IntFunction<RunOutput> failingAt(int failing, Throwable error) {
        return id -> {
            if (id == failing) {
                if (error instanceof Error e) throw e;
                throw (RuntimeException) error;
            }
            return output(id);
        };
    }

    @Test
    @Timeout(60)
    void anOutOfMemoryErrorStopsTheSweepKeepsWhatWasWrittenAndResumes() throws Exception {
        for (int threads : new int[] {1, 3}) {
            List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
            Sweep.Writer writer = runs -> runs.forEach(r -> stored.add(r.runId()));
            BitSet done = new BitSet();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> Sweep.run(40, failingAt(17, new OutOfMemoryError("Java heap space")), done, threads, writer, ProgressListener.NONE))
                .isInstanceOf(Sweep.SweepFailedException.class)
                .hasMessageStartingWith("the sweep stopped: run 17 failed: out of memory (Java heap space); give Java more (java -Xmx...) or use fewer --threads. The ")
                .hasMessageEndingWith(" runs made in this sweep are stored; run the same command again to resume.")
                .hasCauseInstanceOf(OutOfMemoryError.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
            assertThat(stored).doesNotContain(17).doesNotHaveDuplicates();
            if (threads == 1) assertThat(stored).containsExactlyElementsOf(range(0, 17));
            // Resume: the runs stored are skipped, the rest are made.
            stored.forEach(done::set);
            int before = stored.size();
            int made = Sweep.run(40, SweepFailureTest::output, done, threads, writer, ProgressListener.NONE);
            assertThat(made).isEqualTo(40 - before);
            assertThat(stored).containsExactlyInAnyOrderElementsOf(range(0, 40));
        }
    }

    @Test
    @Timeout(60)
    void anyOtherErrorOrExceptionStopsItToo() {
        assertThatThrownBy(() -> Sweep.run(10, failingAt(3, new StackOverflowError()), new BitSet(), 2, runs -> { }, ProgressListener.NONE))
            .isInstanceOf(Sweep.SweepFailedException.class).hasMessageContaining("run 3 failed: stack overflow");
        assertThatThrownBy(() -> Sweep.run(10, failingAt(3, new IllegalStateException("engine broke")), new BitSet(), 2, runs -> { }, ProgressListener.NONE))
            .isInstanceOf(Sweep.SweepFailedException.class).hasMessageContaining("run 3 failed: engine broke");
    }

    @Test
    @Timeout(60)
    void badInputKeepsItsOwnMessage() {
        InputException bad = new InputException("x.yaml", 3, 5, "parameters[0].max", "too big");
        assertThatThrownBy(() -> Sweep.run(10, failingAt(3, bad), new BitSet(), 2, runs -> { }, ProgressListener.NONE))
            .isSameAs(bad);
    }

    @Test
    @Timeout(60)
    void aFirstRunThatFailsStoresNothingAndSaysSo() {
        assertThatThrownBy(() -> Sweep.run(1, failingAt(0, new OutOfMemoryError("Java heap space")), new BitSet(), 1, runs -> { }, ProgressListener.NONE))
            .isInstanceOf(Sweep.SweepFailedException.class).hasMessageContaining("The 0 runs made in this sweep are stored");
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> l = new ArrayList<>();
        for (int i = from; i < to; i++) l.add(i);
        return l;
    }
}
