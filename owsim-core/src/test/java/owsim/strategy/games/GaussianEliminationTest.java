package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianEliminationTest {
    @Test
    void solvesASystemThatNeedsARowSwap() {
        // Zero in the first pivot position: without pivoting this divides by zero.
        double[][] a = {{0, 2, 1}, {1, 1, 1}, {2, 1, 0}};
        double[] x = GaussianElimination.solve(a, new double[] {7, 6, 4});
        assertThat(x).containsExactly(new double[] {1, 2, 3}, within(1e-14));
        assertThat(a[0]).containsExactly(0, 2, 1); // input untouched
    }

    @Test
    void partialPivotingKeepsATinyPivotAccurate() {
        // Classic example: eliminating on 1e-17 without a swap loses x1 entirely.
        double[] x = GaussianElimination.solve(new double[][] {{1e-17, 1}, {1, 1}}, new double[] {1, 2});
        assertThat(x).containsExactly(new double[] {1, 1}, within(1e-15));
    }

    @Test
    void singularSystemsGiveNull() {
        assertThat(GaussianElimination.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2})).isNull();
        assertThat(GaussianElimination.solve(new double[][] {{0, 0}, {0, 0}}, new double[] {0, 0})).isNull();
    }
}
