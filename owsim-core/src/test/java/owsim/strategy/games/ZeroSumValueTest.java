package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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

    @Property(tries = 200)
    void valueEqualsTheEquilibriumPayoffFromSupportEnumeration(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int rows, @ForAll @IntRange(min = 1, max = 5) int columns) {
        Random random = new Random(seed);
        double[][] a = new double[rows][columns];
        double[][] b = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                a[i][j] = 2 * random.nextDouble() - 1;
                b[i][j] = -a[i][j];
            }
        }
        ZeroSumValue.Solution s = ZeroSumValue.solve(a);
        NormalFormGame game = NormalFormGame.bimatrix("max", "min", names(rows), names(columns), a, b);
        List<MixedEquilibrium> all = SupportEnumeration.solve(game);
        assertThat(all).isNotEmpty();
        for (MixedEquilibrium e : all) assertThat(e.payoff(0)).isCloseTo(s.value(), within(1e-9));
        // The LP's mix guarantees the value against every column.
        for (int j = 0; j < columns; j++) {
            double guaranteed = 0;
            for (int i = 0; i < rows; i++) guaranteed += s.rowMix()[i] * a[i][j];
            assertThat(guaranteed).isGreaterThanOrEqualTo(s.value() - 1e-9);
        }
    }

    private static List<String> names(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "s" + i).toList();
    }
}
