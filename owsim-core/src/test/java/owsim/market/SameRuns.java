package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs compared whole: the same series in the same order (entity and metric), each with the
 * same values bit for bit, and the same lab and market summaries. For a switch that is off against
 * the run without its input, or one thread against two.
 */
public final class SameRuns {
    private SameRuns() {}

    /** Every series and summary of two runs is the same, bit for bit. */
    public static void assertSameRun(RunResult a, RunResult b) {
        assertThat(a.series()).hasSameSizeAs(b.series());
        for (int k = 0; k < a.series().size(); k++) {
            Series x = a.series().get(k);
            Series y = b.series().get(k);
            assertThat(x.entity() + "/" + x.metric()).isEqualTo(y.entity() + "/" + y.metric());
            assertThat(x.values()).as(x.entity() + "/" + x.metric()).containsExactly(y.values());
        }
        assertThat(a.labs()).isEqualTo(b.labs());
        assertThat(a.market()).isEqualTo(b.market());
    }
}
