package owsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import owsim.experiment.design.SampleMatrix;
import owsim.io.InputException;
import owsim.random.Distribution;

/** Groups of shares ({@code shares:}) are drawn together on the simplex and refused when they are not shares. */
class ShareGroupsTest {
    private static final String HEAD = "name: t\nrootSeed: 7\ndesign: {kind: latin-hypercube, runs: RUNS}\n";
    private static final String PARAMETERS = "parameters:\n"
        + "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n"
        + "  - path: market.newsHazardPerYear\n    distribution: log-uniform\n    min: 0.5\n    max: 4.5\n";
    private static final String CHALLENGER = "  - paths:\n"
        + "      - distillers[challenger-harvest].apiShare\n"
        + "      - distillers[challenger-harvest].subscriptionShare\n"
        + "      - distillers[challenger-harvest].freeShare\n";
    private static final String RIVAL = "  - paths:\n"
        + "      - distillers[rival-harvest].apiShare\n"
        + "      - distillers[rival-harvest].subscriptionShare\n"
        + "      - distillers[rival-harvest].freeShare\n";

    private static Experiment parse(int runs, String rest) {
        return Experiments.parse("x.yaml", HEAD.replace("RUNS", Integer.toString(runs)) + rest, Path.of("."));
    }

    private static final String BOTH = PARAMETERS + "shares:\n" + CHALLENGER + "    concentration: 6\n"
        + RIVAL + "    concentrations: [0.5, 2, 1.5]\n";

    @Test void everyWorldsSharesSumToOneAndTheMarginalsAreTheDirichlets() {
        int n = 4000;
        Experiment e = parse(n, BOTH);
        assertThat(e.paths()).hasSize(8);
        SampleMatrix m = e.sample();
        double[][] alphas = {{1.2, 1.8, 3.0}, {0.5, 2, 1.5}};
        for (int g = 0; g < 2; g++) {
            double a0 = alphas[g][0] + alphas[g][1] + alphas[g][2];
            double[] mean = new double[3];
            double[] square = new double[3];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    double x = m.value(i, 2 + 3 * g + c);
                    assertThat(x).isBetween(0.0, 1.0);
                    sum += x;
                    mean[c] += x / n;
                    square[c] += x * x / n;
                }
                assertThat(sum).as("world %d group %d", i, g).isCloseTo(1.0, within(1e-12));
            }
            for (int c = 0; c < 3; c++) {
                double mu = alphas[g][c] / a0;
                double var = mu * (1 - mu) / (a0 + 1);
                // Tolerance: a tenth of the share's sd on the mean (plain Monte Carlo would have a standard
                // error of sd / sqrt(4000) = sd / 63); 10% on the variance (its Monte Carlo error is ~3%).
                assertThat(mean[c]).as("group %d share %d mean", g, c).isCloseTo(mu, within(0.1 * Math.sqrt(var)));
                assertThat(square[c] - mean[c] * mean[c]).as("group %d share %d variance", g, c).isCloseTo(var, within(0.1 * var));
            }
        }
    }

    @Test void theFirstShareIsStratifiedLikeAnyLatinHypercubeColumn() {
        int n = 50;
        SampleMatrix m = parse(n, BOTH).sample();
        Distribution first = new Distribution.DirichletShare("g", new double[] {1.2, 1.8, 3.0}, 0);
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x = m.value(i, 2);
            // The stratum of the first share's marginal CDF: exactly one world in each.
            int lo = 0;
            int hi = n;
            while (hi - lo > 1) {
                int mid = (lo + hi) / 2;
                if (first.fromUnit((double) mid / n) <= x) lo = mid; else hi = mid;
            }
            assertThat(used[lo]).as("stratum %d used twice", lo).isFalse();
            used[lo] = true;
        }
    }

    @Test void theOtherColumnsAreThoseOfTheFileWithoutTheGroupsAndTheSameSeedGivesTheSameValues() {
        SampleMatrix without = parse(64, PARAMETERS).sample();
        SampleMatrix with = parse(64, BOTH).sample();
        for (int i = 0; i < 64; i++) {
            assertThat(with.value(i, 0)).isEqualTo(without.value(i, 0));
            assertThat(with.value(i, 1)).isEqualTo(without.value(i, 1));
        }
        assertThat(parse(64, BOTH).sample().rows()).usingRecursiveComparison().isEqualTo(with.rows());
    }

    @Test void aGroupsDrawsDoNotDependOnTheParametersOrTheOtherGroups() {
        SampleMatrix both = parse(64, BOTH).sample();
        SampleMatrix alone = parse(64, "shares:\n" + CHALLENGER + "    concentration: 6\n").sample();
        for (int i = 0; i < 64; i++) {
            for (int c = 0; c < 3; c++) assertThat(both.value(i, 2 + c)).isEqualTo(alone.value(i, c));
        }
    }

    @Test void theStoredResultsGiveBackTheSameParameters() {
        Experiment e = parse(8, BOTH);
        java.util.Map<String, String> meta = owsim.experiment.store.ResultStore.metadata(e, "test");
        assertThat(meta.get(owsim.experiment.store.ResultStore.SHARE_CONCENTRATIONS)).isEqualTo("1.2000000000000002 1.7999999999999998 3.0\n0.5 2.0 1.5");
        assertThat(Experiments.storedParameters(e.spec(), meta.get(owsim.experiment.store.ResultStore.SHARE_CONCENTRATIONS))).isEqualTo(e.parameters());
        assertThat(owsim.experiment.store.ResultStore.metadata(parse(8, PARAMETERS), "test")).doesNotContainKey(owsim.experiment.store.ResultStore.SHARE_CONCENTRATIONS);
    }

    @Test void aGroupAloneNeedsNoParameters() {
        Experiment e = parse(8, "shares:\n" + CHALLENGER + "    concentration: 2\n");
        assertThat(e.paths()).containsExactly("distillers[challenger-harvest].apiShare", "distillers[challenger-harvest].subscriptionShare",
            "distillers[challenger-harvest].freeShare");
    }

    @Test void pathsThatAreNotSharesAreRefused() {
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n  - paths:\n      - distillers[challenger-harvest].harvestBudgetUsdPerMonth\n"
            + "      - distillers[challenger-harvest].apiShare\n    concentration: 6\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:14:9: shares[0].paths[0]: 'distillers[challenger-harvest].harvestBudgetUsdPerMonth' is 200000.0 in the"
                + " base scenario, not a share; a group lists shares");
        // Two of the three shares: their base values sum to 0.5.
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n  - paths:\n      - distillers[challenger-harvest].apiShare\n"
            + "      - distillers[challenger-harvest].subscriptionShare\n    concentration: 6\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:13:5: shares[0].paths: the base values of distillers[challenger-harvest].apiShare,"
                + " distillers[challenger-harvest].subscriptionShare sum to 0.5, not 1: a group lists every share of one split");
    }

    @Test void aMissingPathIsRefusedWithTheValidKeys() {
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n  - paths:\n      - distillers[challenger-harvest].apiShare\n"
            + "      - distillers[challenger-harvest].subscriptionShar\n      - distillers[challenger-harvest].freeShare\n    concentration: 6\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:15:9: shares[0].paths[1]: ")
            .hasMessageContaining("did you mean 'subscriptionShare'");
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n  - paths:\n      - distillers[no-such].apiShare\n"
            + "      - distillers[challenger-harvest].subscriptionShare\n    concentration: 6\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:14:9: shares[0].paths[0]: ")
            .hasMessageContaining("challenger-harvest");
    }

    @Test void aConcentrationOfZeroOrLessIsRefused() {
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n" + CHALLENGER + "    concentration: 0\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:17:5: shares[0].concentration: must be a finite number above 0, was 0.0");
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n" + CHALLENGER + "    concentrations: [1, -1, 2]\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:")
            .hasMessageContaining("shares[0].concentrations: each must be a finite number above 0; [1] was -1.0");
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n" + CHALLENGER + "    concentrations: [1, 2]\n"))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("shares[0].concentrations: one per path: 3 paths, 2 concentrations");
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n" + CHALLENGER))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("concentration: required");
    }

    @Test void aPathVariedTwiceIsRefused() {
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n  - paths:\n      - distillers[challenger-harvest].apiShare\n"
            + "      - distillers[challenger-harvest].apiShare\n      - distillers[challenger-harvest].freeShare\n    concentration: 6\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:15:9: shares[0].paths[1]: 'distillers[challenger-harvest].apiShare' is varied twice");
        assertThatThrownBy(() -> parse(8, PARAMETERS + "shares:\n" + CHALLENGER + "    concentration: 6\n" + CHALLENGER + "    concentration: 6\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:19:9: shares[1].paths[0]: 'distillers[challenger-harvest].apiShare' is varied twice");
        // A share cannot be a parameter of its own (the split would not sum to 1), so it is refused there first.
        assertThatThrownBy(() -> parse(8, PARAMETERS + "  - path: distillers[challenger-harvest].freeShare\n    min: 0.4\n    max: 0.6\n"
            + "shares:\n" + CHALLENGER + "    concentration: 6\n"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:13:5: parameters[2].min: 0.4 is not allowed for distillers[challenger-harvest].freeShare: apiShare:"
                + " apiShare + subscriptionShare + freeShare must be 1, was 0.9");
    }

    @Test void otherDesignsThanTheLatinHypercubeAreRefused() {
        assertThatThrownBy(() -> Experiments.parse("x.yaml", "name: t\nrootSeed: 7\ndesign: {kind: sobol, baseRuns: 8}\n" + PARAMETERS
            + "shares:\n" + CHALLENGER + "    concentration: 6\n", Path.of(".")))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:13:5: shares[0].paths: groups of shares are drawn by the latin-hypercube design only");
    }

    @Test void stickBreakingIsExactAtTheCorners() {
        double[] a = {1, 2, 3};
        assertThat(Distribution.DirichletShare.shares(a, new double[] {0, 0})).containsExactly(0, 0, 1);
        assertThat(Distribution.DirichletShare.shares(a, new double[] {1, 0.3})).containsExactly(1, 0, 0);
        // Dirichlet(1, 1): the first share is uniform, so its quantile is the coordinate.
        assertThat(Distribution.DirichletShare.shares(new double[] {1, 1}, new double[] {0.25})[0]).isCloseTo(0.25, within(1e-12));
        assertThatThrownBy(() -> new Distribution.DirichletShare("g", new double[] {1, 0}, 0)).hasMessageContaining("concentrations: must be finite numbers above 0");
    }
}
