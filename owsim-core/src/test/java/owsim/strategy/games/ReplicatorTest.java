package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReplicatorTest {
    @Test
    void hawkDoveConvergesToTheMixedEssFromEitherSide() {
        NormalFormGame hawkDove = TextbookGames.hawkDove();
        // ESS hawk share V/C = 2/4 = 1/2 (Maynard Smith and Price 1973).
        for (double hawks : new double[] {0.05, 0.9}) {
            ReplicatorPath path = Replicator.symmetric(hawkDove, new double[] {hawks, 1 - hawks},
                ReplicatorSettings.defaults());
            assertThat(path.atRest()).isTrue();
            assertThat(path.last(0)[0]).isCloseTo(0.5, within(1e-8));
            assertThat(path.finalSpeed()).isLessThan(1e-10);
            assertThat(path.populations()).isEqualTo(1);
            // The rest point is a symmetric Nash equilibrium: neither strategy pays more than the mix.
            double[] x = path.last(0);
            assertThat(hawkDove.regret(new double[][] {x, x})).isLessThan(1e-8);
        }
        // The mixed ESS agrees with the symmetric mixed equilibrium from support enumeration.
        MixedEquilibrium mixed = SupportEnumeration.solve(hawkDove).stream().filter(e -> !e.isPure()).findFirst().orElseThrow();
        assertThat(mixed.strategy(0)).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
    }

    @Test
    void rockPaperScissorsCyclesAndKeepsTheProductOfShares() {
        // In zero-sum RPS, x_rock * x_paper * x_scissors is a constant of motion (Hofbauer and Sigmund 1998, ch. 7).
        double[] start = {0.5, 0.3, 0.2};
        ReplicatorPath path = Replicator.symmetric(TextbookGames.rockPaperScissors(), start,
            new ReplicatorSettings(0.01, 20_000, 1e-10));
        assertThat(path.atRest()).isFalse();
        assertThat(path.states()).isEqualTo(20_001);
        double invariant = start[0] * start[1] * start[2];
        double worstDrift = 0;
        double minRock = 1;
        double maxRock = 0;
        for (int k = 0; k < path.states(); k++) {
            double[] x = path.shares(k, 0);
            worstDrift = Math.max(worstDrift, Math.abs(x[0] * x[1] * x[2] - invariant) / invariant);
            minRock = Math.min(minRock, x[0]);
            maxRock = Math.max(maxRock, x[0]);
            assertThat(x[0] + x[1] + x[2]).isCloseTo(1, within(1e-12));
        }
        assertThat(worstDrift).isLessThan(1e-10); // measured 3e-12 at step 0.01 over t = 200
        // A closed orbit around (1/3, 1/3, 1/3): rock's share goes back to 0.5 and well below 1/3.
        assertThat(maxRock).isGreaterThan(0.49);
        assertThat(minRock).isLessThan(0.25);
    }

    @Test
    void twoPopulationMatchingPenniesKeepsItsRelativeEntropy() {
        // For a zero-sum game with interior equilibrium (p, q) = (1/2, 1/2), sum p_i ln x_i + q_j ln y_j is constant.
        double[] x0 = {0.8, 0.2};
        double[] y0 = {0.3, 0.7};
        ReplicatorPath path = Replicator.twoPopulations(TextbookGames.matchingPennies(), x0, y0,
            new ReplicatorSettings(0.01, 10_000, 1e-10));
        assertThat(path.populations()).isEqualTo(2);
        assertThat(path.atRest()).isFalse();
        double h0 = entropyTerm(x0, y0);
        double worst = 0;
        for (int k = 0; k < path.states(); k++) {
            worst = Math.max(worst, Math.abs(entropyTerm(path.shares(k, 0), path.shares(k, 1)) - h0));
        }
        assertThat(worst).isLessThan(1e-9); // measured 6e-11 at step 0.01 over t = 100
    }

    private static double entropyTerm(double[] x, double[] y) {
        return 0.5 * (Math.log(x[0]) + Math.log(x[1]) + Math.log(y[0]) + Math.log(y[1]));
    }

    @Test
    void twoPopulationsInThePrisonersDilemmaLearnToDefect() {
        ReplicatorPath path = Replicator.twoPopulations(TextbookGames.prisonersDilemma(), new double[] {0.99, 0.01},
            new double[] {0.9, 0.1}, new ReplicatorSettings(0.05, 200_000, 1e-10));
        assertThat(path.atRest()).isTrue();
        assertThat(path.last(0)[1]).isCloseTo(1, within(1e-9));
        assertThat(path.last(1)[1]).isCloseTo(1, within(1e-9));
    }

    @Test
    void payoffUnitsDoNotChangeTheOrbit() {
        // Hawk-dove in dollars (times 1e9): same normalised dynamics, same path.
        NormalFormGame dollars = NormalFormGame.symmetric("a", "b", java.util.List.of("hawk", "dove"),
            new double[][] {{-1e9, 2e9}, {0, 1e9}});
        ReplicatorSettings settings = new ReplicatorSettings(0.01, 500, 0);
        ReplicatorPath plain = Replicator.symmetric(TextbookGames.hawkDove(), new double[] {0.2, 0.8}, settings);
        ReplicatorPath scaled = Replicator.symmetric(dollars, new double[] {0.2, 0.8}, settings);
        assertThat(scaled.last(0)).containsExactly(plain.last(0), within(1e-12));
    }

    @Test
    void threeLabVolunteersDilemmaSettlesWhereIgnoringHasShareTheRootOfCostOverBenefit() {
        // Diekmann (1985): benefit b = 1 if anyone volunteers, volunteering costs c = 1/4. Indifference
        // b - c = b (1 - q^(n-1)) gives the ignore share q = (c/b)^(1/(n-1)) = 1/2 for n = 3, and
        // d q/dt has the sign of c - b q^2, so the interior point attracts.
        double benefit = 1;
        double cost = 0.25;
        java.util.List<String> moves = java.util.List.of("volunteer", "ignore");
        NormalFormGame game = NormalFormGame.of(java.util.List.of("a", "b", "c"), java.util.List.of(moves, moves, moves),
            profile -> {
                boolean anyone = profile[0] == 0 || profile[1] == 0 || profile[2] == 0;
                double[] out = new double[3];
                for (int p = 0; p < 3; p++) out[p] = profile[p] == 0 ? benefit - cost : anyone ? benefit : 0;
                return out;
            });
        assertThat(game.isSymmetric(0)).isTrue();
        for (double ignore : new double[] {0.1, 0.95}) {
            ReplicatorPath path = Replicator.symmetric(game, new double[] {1 - ignore, ignore}, ReplicatorSettings.defaults());
            assertThat(path.atRest()).isTrue();
            assertThat(path.last(0)[1]).isCloseTo(Math.sqrt(cost / benefit), within(1e-8));
            double[] x = path.last(0);
            assertThat(game.regret(new double[][] {x, x, x})).isLessThan(1e-8);
        }
    }

    @Test
    void threeLabPublicGoodLosesItsContributors() {
        ReplicatorPath path = Replicator.symmetric(TextbookGames.publicGood(), new double[] {0.1, 0.9},
            ReplicatorSettings.defaults());
        assertThat(path.atRest()).isTrue();
        assertThat(path.last(0)[0]).isCloseTo(1, within(1e-8));
    }

    @Test
    void thinnedTrajectoryKeepsFirstAndLastStates() {
        ReplicatorSettings every = new ReplicatorSettings(0.01, 1_005, 0, 1);
        ReplicatorSettings thinned = new ReplicatorSettings(0.01, 1_005, 0, 100);
        double[] start = {0.5, 0.3, 0.2};
        ReplicatorPath full = Replicator.symmetric(TextbookGames.rockPaperScissors(), start, every);
        ReplicatorPath sparse = Replicator.symmetric(TextbookGames.rockPaperScissors(), start, thinned);
        assertThat(full.states()).isEqualTo(1_006);
        assertThat(sparse.states()).isEqualTo(12); // steps 0, 100, ..., 1000 and the last, 1005
        assertThat(sparse.step(11)).isEqualTo(1_005);
        assertThat(sparse.time(11)).isCloseTo(10.05, within(1e-12));
        assertThat(sparse.shares(3, 0)).containsExactly(full.shares(300, 0));
        assertThat(sparse.last(0)).containsExactly(full.last(0));
    }

    @Test
    void strategiesAbsentAtTheStartStayAbsent() {
        ReplicatorPath path = Replicator.symmetric(TextbookGames.rockPaperScissors(), new double[] {0.5, 0.5, 0},
            new ReplicatorSettings(0.01, 2_000, 1e-10));
        // Without scissors, paper beats rock and takes over.
        assertThat(path.last(0)[2]).isZero();
        assertThat(path.last(0)[1]).isGreaterThan(0.999);
    }

    @Test
    void invalidInputsAreRejected() {
        assertThatThrownBy(() -> Replicator.symmetric(TextbookGames.battleOfTheSexes(), new double[] {0.5, 0.5},
            ReplicatorSettings.defaults())).hasMessageContaining("need a symmetric game").hasMessageContaining("use twoPopulations");
        assertThatThrownBy(() -> Replicator.symmetric(TextbookGames.hawkDove(), new double[] {0.5, 0.6},
            ReplicatorSettings.defaults())).hasMessageContaining("initial shares of row: shares must sum to 1");
        assertThatThrownBy(() -> Replicator.symmetric(TextbookGames.hawkDove(), new double[] {1.5, -0.5},
            ReplicatorSettings.defaults())).hasMessageContaining("initial shares of row[0]: must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> Replicator.twoPopulations(TextbookGames.publicGood(), new double[] {1, 0},
            new double[] {1, 0}, ReplicatorSettings.defaults())).hasMessageContaining("has 3 players");
        assertThatThrownBy(() -> new ReplicatorSettings(0, 10, 0)).hasMessageContaining("stepSize");
        assertThatThrownBy(() -> new ReplicatorSettings(0.01, 0, 0)).hasMessageContaining("maxSteps");
        assertThatThrownBy(() -> new ReplicatorSettings(0.01, 10, 0, 0)).hasMessageContaining("recordEvery");
    }

    @Test
    void eachPopulationRunsOnItsOwnPayoffSpread() {
        // A prisoner's dilemma where the row lab's stakes are a million times smaller than the column
        // lab's (as an open challenger's millions against a frontier lab's billions): scaled by the
        // game's largest payoff the row population would barely move by t = 1000; on its own spread
        // both reach defection, the unique equilibrium.
        double[][] pd = {{3, 0}, {5, 1}};
        double[][] row = new double[2][2];
        double[][] column = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                row[i][j] = pd[i][j];
                column[i][j] = 1e6 * pd[j][i];
            }
        }
        NormalFormGame game = NormalFormGame.bimatrix("small", "large", java.util.List.of("cooperate", "defect"),
            java.util.List.of("cooperate", "defect"), row, column);
        ReplicatorPath path = Replicator.twoPopulations(game, new double[] {0.9, 0.1}, new double[] {0.9, 0.1},
            ReplicatorSettings.defaults());
        assertThat(path.atRest()).isTrue();
        assertThat(path.last(0)[1]).isCloseTo(1, within(1e-9));
        assertThat(path.last(1)[1]).isCloseTo(1, within(1e-9));
    }
}
