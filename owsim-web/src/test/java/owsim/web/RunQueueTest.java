package owsim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import owsim.progress.Progress;

/** The run queue's limits with a stand-in for the commands: a full queue refuses, a long run is stopped, a cancel stops. */
class RunQueueTest {
    /** A command that reports progress every 10 ms until the listener stops it (or a second passes). */
    private static Outcome reporting(owsim.progress.ProgressListener l) {
        for (int i = 0; i < 100; i++) {
            l.onProgress(new Progress("test", i, 100, i * 10_000_000L));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Outcome(Outcome.OK, "{}", null);
    }

    @Test void aFullQueueRefusesWith503() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RunQueue q = new RunQueue((args, p) -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Outcome(Outcome.OK, "{}", null);
        }, 1, 1, 60)) {
            q.submit("run", List.of("run"));
            q.submit("run", List.of("run"));
            assertThatThrownBy(() -> q.submit("run", List.of("run"))).isInstanceOfSatisfying(BadRequest.class,
                e -> assertThat(e.status()).isEqualTo(503));
            release.countDown();
        }
    }

    @Test void aRunPastItsTimeIsStoppedAndACancelStopsOne() throws Exception {
        try (RunQueue q = new RunQueue((args, p) -> reporting(p), 2, 4, 0)) {
            Job late = q.submit("run", List.of("run"));
            assertThat(late.await(TimeUnit.SECONDS.toNanos(5))).isTrue();
            assertThat(late.state()).isEqualTo(Job.State.TIMED_OUT);
            assertThat(late.outcome().problem().error()).contains("limit");
        }
        try (RunQueue q = new RunQueue((args, p) -> reporting(p), 1, 4, 60)) {
            Job job = q.submit("run", List.of("run"));
            Thread.sleep(50);
            job.cancel();
            assertThat(job.await(TimeUnit.SECONDS.toNanos(5))).isTrue();
            assertThat(job.state()).isEqualTo(Job.State.CANCELLED);
            assertThat(job.progress().done()).isLessThan(100);
        }
    }

    @Test void onlyLoopbackNamesPassTheHostCheck() {
        for (String ok : List.of("localhost", "localhost:7070", "127.0.0.1:80", "[::1]:7070")) assertThat(WebServer.loopbackHost(ok)).as(ok).isTrue();
        for (String bad : List.of("attacker.example", "attacker.example:7070", "localhost.attacker.example", "10.0.0.1")) {
            assertThat(WebServer.loopbackHost(bad)).as(bad).isFalse();
        }
        assertThat(WebServer.loopbackHost(null)).isFalse();
    }

    @Test void percentilesAreNearestRank() {
        long[] ms = new long[100];
        for (int i = 0; i < 100; i++) ms[i] = (i + 1) * 1_000_000L;
        assertThat(LoadTest.percentileMs(ms, 0.50)).isEqualTo(50.0);
        assertThat(LoadTest.percentileMs(ms, 0.99)).isEqualTo(99.0);
    }
}
