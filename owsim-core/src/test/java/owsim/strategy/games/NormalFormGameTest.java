package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalFormGameTest {
    private static final List<String> TWO = List.of("x", "y");

    @Test
    void profilesAreNumberedWithTheLastPlayerFastest() {
        NormalFormGame game = NormalFormGame.of(List.of("a", "b", "c"), List.of(TWO, List.of("p", "q", "r"), TWO),
            profile -> new double[] {profile[0], profile[1], profile[2]});
        assertThat(game.profileCount()).isEqualTo(12);
        assertThat(game.profileIndex(1, 2, 1)).isEqualTo(1 * 6 + 2 * 2 + 1);
        for (int index = 0; index < game.profileCount(); index++) {
            int[] profile = game.profile(index);
            assertThat(game.profileIndex(profile)).isEqualTo(index);
            assertThat(game.payoffs(profile)).containsExactly(profile[0], profile[1], profile[2]);
        }
        assertThat(game.describe(new int[] {0, 2, 1})).isEqualTo("(a=x, b=r, c=y)");
    }

    @Test
    void scalingChangesThePayoffsUnitButNotTheEquilibria() {
        NormalFormGame bos = TextbookGames.battleOfTheSexes();
        NormalFormGame millions = bos.scaled(1e-6);
        assertThat(millions.playerNames()).isEqualTo(bos.playerNames());
        for (int i = 0; i < bos.profileCount(); i++) {
            for (int p = 0; p < 2; p++) assertThat(millions.payoffAt(i, p)).isEqualTo(bos.payoffAt(i, p) * 1e-6);
        }
        assertThat(GameAnalysis.of(millions, millions.defaultTolerance()).pureEquilibria())
            .hasSameSizeAs(GameAnalysis.of(bos, bos.defaultTolerance()).pureEquilibria());
    }

    @Test
    void bimatrixReadsRowAndColumnMatrices() {
        NormalFormGame bos = TextbookGames.battleOfTheSexes();
        assertThat(bos.payoffs(0, 0)).containsExactly(2, 1);
        assertThat(bos.payoffs(1, 1)).containsExactly(1, 2);
        assertThat(bos.payoffs(0, 1)).containsExactly(0, 0);
    }

    @Test
    void symmetricGameTransposesForTheSecondPlayer() {
        NormalFormGame pd = TextbookGames.prisonersDilemma();
        assertThat(pd.payoffs(0, 1)).containsExactly(0, 5);
        assertThat(pd.isSymmetricTwoPlayer(0)).isTrue();
        assertThat(TextbookGames.battleOfTheSexes().isSymmetricTwoPlayer(0)).isFalse();
    }

    @Test
    void symmetryOfThreePlayerGamesNeedsEveryRelabelling() {
        assertThat(TextbookGames.publicGood().isSymmetric(0)).isTrue();
        assertThat(TextbookGames.publicGood().isSymmetricTwoPlayer(0)).isFalse();
        // Player a's payoff depends on who of b and c contributes: not symmetric.
        NormalFormGame favouring = NormalFormGame.of(List.of("a", "b", "c"), List.of(TWO, TWO, TWO),
            p -> new double[] {p[1], p[0], p[0]});
        assertThat(favouring.isSymmetric(0)).isFalse();
        // Same payoffs but different strategy names: not symmetric.
        NormalFormGame renamed = NormalFormGame.of(List.of("a", "b"), List.of(TWO, List.of("x", "z")), p -> new double[2]);
        assertThat(renamed.isSymmetric(0)).isFalse();
    }

    @Test
    void expectedPayoffAndRegretOfMixedProfiles() {
        NormalFormGame pennies = TextbookGames.matchingPennies();
        double[][] half = {{0.5, 0.5}, {0.5, 0.5}};
        assertThat(pennies.expectedPayoff(0, half)).isCloseTo(0, within(1e-15));
        assertThat(pennies.regret(half)).isCloseTo(0, within(1e-15));
        double[][] skewed = {{0.8, 0.2}, {0.5, 0.5}};
        // Column then answers tails for sure: payoff 0.8*1 + 0.2*(-1) = 0.6 instead of 0.
        assertThat(pennies.deviationPayoffs(1, skewed)).containsExactly(new double[] {-0.6, 0.6}, within(1e-15));
        assertThat(pennies.regret(skewed)).isCloseTo(0.6, within(1e-15));
    }

    @Test
    void restrictKeepsTheChosenStrategies() {
        NormalFormGame rps = TextbookGames.rockPaperScissors();
        NormalFormGame sub = rps.restrict(new int[][] {{2, 0}, {1}});
        assertThat(sub.strategyNames(0)).containsExactly("scissors", "rock");
        assertThat(sub.strategyNames(1)).containsExactly("paper");
        assertThat(sub.payoffs(0, 0)).containsExactly(1, -1);
        assertThat(sub.payoffs(1, 0)).containsExactly(-1, 1);
    }

    @Test
    void tooFewOrTooManyPlayersAreRejected() {
        assertThatThrownBy(() -> NormalFormGame.of(List.of("a"), List.of(TWO), p -> new double[] {0}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 to 4 players, was 1");
        List<String> five = List.of("a", "b", "c", "d", "e");
        assertThatThrownBy(() -> NormalFormGame.of(five, List.of(TWO, TWO, TWO, TWO, TWO), p -> new double[5]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 5");
    }

    @Test
    void badNamesAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> NormalFormGame.of(List.of("a", "a"), List.of(TWO, TWO), p -> new double[2]))
            .hasMessageContaining("players[1]: player 'a' is listed twice");
        assertThatThrownBy(() -> NormalFormGame.of(List.of("a", "b"), List.of(TWO, List.of("x", "x")), p -> new double[2]))
            .hasMessageContaining("strategies of b[1]: strategy 'x' is listed twice");
        assertThatThrownBy(() -> NormalFormGame.of(List.of("a", "b"), List.of(TWO, List.of()), p -> new double[2]))
            .hasMessageContaining("strategies of b: at least one strategy is needed");
        assertThatThrownBy(() -> NormalFormGame.of(List.of("a", "b"), List.of(TWO), p -> new double[2]))
            .hasMessageContaining("one list per player");
    }

    @Test
    void badPayoffsNameTheProfile() {
        assertThatThrownBy(() -> NormalFormGame.of(List.of("a", "b"), List.of(TWO, TWO),
                p -> new double[] {0, p[0] == 1 && p[1] == 0 ? Double.NaN : 0}))
            .hasMessageContaining("payoffs at (a=y, b=x): payoff of b must be finite, was NaN");
        assertThatThrownBy(() -> NormalFormGame.of(List.of("a", "b"), List.of(TWO, TWO), p -> new double[3]))
            .hasMessageContaining("payoffs at (a=x, b=x): expected 2 values (one per player), was 3");
        assertThatThrownBy(() -> NormalFormGame.bimatrix("r", "c", TWO, TWO, new double[][] {{1, 2}}, new double[2][2]))
            .hasMessageContaining("payoffs of r: expected 2 rows");
    }

    @Test
    void outOfRangeProfilesAreRejected() {
        NormalFormGame pd = TextbookGames.prisonersDilemma();
        assertThatThrownBy(() -> pd.payoff(0, 0, 2)).hasMessageContaining("strategy 2 of column is outside 0..1");
        assertThatThrownBy(() -> pd.profile(4)).hasMessageContaining("outside 0..3");
        assertThatThrownBy(() -> pd.expectedPayoff(0, new double[][] {{1, 0}}))
            .hasMessageContaining("one distribution per player");
    }
}
