package owsim.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    @Test
    void reportsAtMostOncePerIntervalAndAlwaysAtTheEnd() {
        long[] clock = {0};
        List<Progress> seen = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter("bass", 10, seen::add, () -> clock[0], 100);
        for (int i = 0; i < 10; i++) {
            clock[0] += 30; // 30 ns per unit: a report every 4th unit (120 ns >= 100 ns)
            meter.advance(1);
        }
        assertThat(seen).extracting(Progress::done).containsExactly(4L, 8L, 10L);
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.isFinished()).isTrue();
        assertThat(last.elapsedNanos()).isEqualTo(300);
    }

    @Test
    void rateAndEtaFollowFromDoneAndElapsed() {
        Progress p = new Progress("run", 250, 1000, 2_000_000_000L);
        assertThat(p.fraction()).isEqualTo(0.25);
        assertThat(p.ratePerSecond()).isCloseTo(125.0, within(1e-9));
        assertThat(p.etaSeconds()).isCloseTo(6.0, within(1e-9));
        assertThat(new Progress("run", 0, 10, 0).etaSeconds()).isNaN();
    }
}
