package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The simplex value of random zero-sum games against support enumeration. */
class ZeroSumValuePropertyTest {
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
