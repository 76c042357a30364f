package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ZeroSumValueTest {
    @Test
    void matchingPenniesAndRockPaperScissorsHaveValueZeroAndUniformMixes() {
        ZeroSumValue.Solution pennies = ZeroSumValue.solve(new double[][] {{1, -1}, {-1, 1}});
        assertThat(pennies.value()).isCloseTo(0, within(1e-12));
        assertThat(pennies.rowMix()).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
        ZeroSumValue.Solution rps = ZeroSumValue.solve(new double[][] {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}});
        assertThat(rps.value()).isCloseTo(0, within(1e-12));
        assertThat(rps.rowMix()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-12));
    }

    @Test
    void twoByTwoWithoutSaddlePointMatchesTheClosedForm() {
        // [[a, b], [c, d]] = [[3, -1], [-2, 4]]: value (ad - bc)/(a + d - b - c) = 10/10 = 1,
        // row mix p = (d - c)/(a + d - b - c) = 6/10.
        ZeroSumValue.Solution s = ZeroSumValue.solve(new double[][] {{3, -1}, {-2, 4}});
        assertThat(s.value()).isCloseTo(1, within(1e-12));
        assertThat(s.rowMix()).containsExactly(new double[] {0.6, 0.4}, within(1e-12));
    }

    @Test
    void saddlePointGivesAPureMix() {
        // Row 0's worst case 2 equals column 0's best case 2.
        ZeroSumValue.Solution s = ZeroSumValue.solve(new double[][] {{2, 3, 5}, {1, 4, 0}});
        assertThat(s.value()).isCloseTo(2, within(1e-12));
        assertThat(s.rowMix()).containsExactly(new double[] {1, 0}, within(1e-12));
    }
}
