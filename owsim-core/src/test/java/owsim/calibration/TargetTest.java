package owsim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaled error puts the tolerance band's edges at -1 and +1, on a log scale. */
class TargetTest {
    private static Target target(Double tolerance, Double factor) {
        TargetSpec s = new TargetSpec("x", "market", "m", null, "2025-01", null, null, null, 100.0, "users", tolerance, factor, null, null,
            "s", "2025-01", null);
        return new Target(s, Target.Kind.AT, 0, 0);
    }

    @Test
    void bandEdgesAreAtPlusAndMinusOne() {
        Target t = target(0.2, null);
        assertThat(t.z(120)).isCloseTo(1, within(1e-12));
        assertThat(t.z(80)).isCloseTo(-1, within(1e-12));
        assertThat(t.z(100)).isEqualTo(0);
        assertThat(t.within(119.9)).isTrue();
        assertThat(t.within(79.9)).isFalse();
        assertThat(t.low()).isEqualTo(80, within(1e-9));
        Target f = target(null, 4.0);
        assertThat(f.z(400)).isCloseTo(1, within(1e-12));
        assertThat(f.z(25)).isCloseTo(-1, within(1e-12));
        assertThat(f.z(200)).isCloseTo(0.5, within(1e-12));
        // A model at or below zero is a millionth of the figure: far out, but finite.
        assertThat(t.z(0)).isFinite().isLessThan(-50);
        assertThat(t.z(Double.NaN)).isNaN();
    }

    @Test
    void windowsAreWrittenAsInTheFile() {
        TargetSpec s = new TargetSpec("x", "a", "m", "n", null, null, null, List.of("2025-01", "2025-12"), 0.1, "ratio", null, 3.0, null, "check",
            "s", "2025-01", null);
        Target t = new Target(s, Target.Kind.CHANGE, 0, 11);
        assertThat(t.window()).isEqualTo("2025-12 / 2025-01");
        assertThat(t.series()).isEqualTo("a.m per n");
        assertThat(s.fitted()).isFalse();
    }
}
