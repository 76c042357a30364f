package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure and mixed equilibria of textbook games, against their published or hand-derived values. */
class EquilibriumTest {
    /** Closed-form probabilities reproduced to rounding: systems of size at most 4 are well conditioned here. */
    private static final double EXACT = 1e-12;

    @Test
    void prisonersDilemmaHasOnlyDefectDefect() {
        NormalFormGame pd = TextbookGames.prisonersDilemma();
        List<PureEquilibrium> pure = PureNash.find(pd);
        assertThat(pure).hasSize(1);
        assertThat(pure.get(0).profile()).containsExactly(1, 1);
        assertThat(pure.get(0).payoffs()).containsExactly(1, 1);
        List<MixedEquilibrium> all = SupportEnumeration.solve(pd);
        assertThat(all).hasSize(1);
        assertThat(all.get(0).isPure()).isTrue();
        assertThat(all.get(0).strategy(0)).containsExactly(0, 1);
        Dominance.Elimination elimination = Dominance.iterated(pd);
        assertThat(elimination.remaining()).isDeepEqualTo(new int[][] {{1}, {1}});
        assertThat(elimination.removals()).containsExactlyInAnyOrder(
            new Dominance.Removal(1, 0, 0, 1), new Dominance.Removal(1, 1, 0, 1));
    }

    @Test
    void matchingPenniesHasOnlyTheHalfHalfMix() {
        NormalFormGame pennies = TextbookGames.matchingPennies();
        assertThat(PureNash.find(pennies)).isEmpty();
        List<MixedEquilibrium> all = SupportEnumeration.solve(pennies);
        assertThat(all).hasSize(1);
        MixedEquilibrium e = all.get(0);
        assertThat(e.strategy(0)).containsExactly(new double[] {0.5, 0.5}, within(EXACT));
        assertThat(e.strategy(1)).containsExactly(new double[] {0.5, 0.5}, within(EXACT));
        assertThat(e.payoffs()).containsExactly(new double[] {0, 0}, within(EXACT));
        assertThat(Dominance.iterated(pennies).removals()).isEmpty();
    }

    @Test
    void battleOfTheSexesHasTwoPureAndOneMixed() {
        NormalFormGame bos = TextbookGames.battleOfTheSexes();
        assertThat(PureNash.find(bos)).extracting(PureEquilibrium::profile)
            .containsExactly(new int[] {0, 0}, new int[] {1, 1});
        List<MixedEquilibrium> all = SupportEnumeration.solve(bos);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).isPure()).isTrue();
        assertThat(all.get(1).isPure()).isTrue();
        MixedEquilibrium mixed = all.get(2);
        // Row mixes so column is indifferent: 1*x = 2*(1-x), x = 2/3; column: 2*y = 1*(1-y), y = 1/3.
        assertThat(mixed.strategy(0)).containsExactly(new double[] {2.0 / 3, 1.0 / 3}, within(EXACT));
        assertThat(mixed.strategy(1)).containsExactly(new double[] {1.0 / 3, 2.0 / 3}, within(EXACT));
        assertThat(mixed.payoffs()).containsExactly(new double[] {2.0 / 3, 2.0 / 3}, within(EXACT));
        assertThat(all).allSatisfy(e -> assertThat(bos.regret(e.probabilities())).isLessThan(1e-12));
    }

    @Test
    void rockPaperScissorsHasOnlyTheUniformMix() {
        NormalFormGame rps = TextbookGames.rockPaperScissors();
        assertThat(PureNash.find(rps)).isEmpty();
        List<MixedEquilibrium> all = SupportEnumeration.solve(rps);
        assertThat(all).hasSize(1);
        double third = 1.0 / 3;
        assertThat(all.get(0).strategy(0)).containsExactly(new double[] {third, third, third}, within(EXACT));
        assertThat(all.get(0).strategy(1)).containsExactly(new double[] {third, third, third}, within(EXACT));
        assertThat(all.get(0).payoffs()).containsExactly(new double[] {0, 0}, within(EXACT));
    }

    @Test
    void handSolvedAsymmetricGameHasItsOneFullyMixedEquilibrium() {
        NormalFormGame game = TextbookGames.handSolved3x3();
        assertThat(game.isSymmetricTwoPlayer(1e-9)).isFalse();
        assertThat(PureNash.find(game)).isEmpty();
        List<MixedEquilibrium> all = SupportEnumeration.solve(game);
        assertThat(all).hasSize(1);
        MixedEquilibrium e = all.get(0);
        assertThat(e.strategy(0)).containsExactly(new double[] {1.0 / 6, 2.0 / 3, 1.0 / 6}, within(EXACT));
        assertThat(e.strategy(1)).containsExactly(new double[] {2.0 / 5, 2.0 / 5, 1.0 / 5}, within(EXACT));
        assertThat(e.payoff(0)).isCloseTo(6.0 / 5, within(EXACT));
        assertThat(e.payoff(1)).isCloseTo(10.0 / 3, within(EXACT));
        assertThat(e.support(0)).containsExactly(0, 1, 2);
    }

    @Test
    void analysisBundlesEverySolver() {
        GameAnalysis bos = GameAnalysis.of(TextbookGames.battleOfTheSexes());
        assertThat(bos.pureEquilibria()).hasSize(2);
        assertThat(bos.equilibria()).hasSize(3);
        assertThat(bos.properlyMixed()).hasSize(1);
        assertThat(bos.bestResponses()).hasSize(2);
        assertThat(bos.bestResponses().get(0)).hasSize(2);
        GameAnalysis publicGood = GameAnalysis.of(TextbookGames.publicGood());
        assertThat(publicGood.equilibria()).isEmpty();
        assertThat(publicGood.pureEquilibria()).hasSize(1);
        assertThat(publicGood.bestResponses().get(2)).hasSize(4);
    }

    @Test
    void iteratedEliminationFollowsGibbons() {
        NormalFormGame game = TextbookGames.gibbonsElimination();
        Dominance.Elimination result = Dominance.iterated(game);
        assertThat(result.removals()).containsExactly(
            new Dominance.Removal(1, 1, 2, 1),  // right, dominated by middle
            new Dominance.Removal(2, 0, 1, 0),  // then down, by up
            new Dominance.Removal(3, 1, 0, 1)); // then left, by middle
        assertThat(result.remaining()).isDeepEqualTo(new int[][] {{0}, {1}});
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(PureNash.find(game)).extracting(PureEquilibrium::profile).containsExactly(new int[] {0, 1});
    }

    @Test
    void strategyDominatedOnlyByAMixNeedsMixedElimination() {
        // bottom pays (1,1); the 50/50 mix of top (3,0) and middle (0,3) pays (1.5,1.5), but neither
        // pure strategy beats bottom against both columns.
        NormalFormGame game = NormalFormGame.bimatrix("row", "column", List.of("top", "middle", "bottom"),
            List.of("left", "right"), new double[][] {{3, 0}, {0, 3}, {1, 1}}, new double[][] {{1, 0}, {0, 1}, {0, 0}});
        assertThat(Dominance.iterated(game, 0, Dominance.By.PURE).survives(0, 2)).isTrue();
        Dominance.Elimination mixed = Dominance.iterated(game, 0, Dominance.By.MIXED);
        assertThat(mixed.survives(0, 2)).isFalse();
        Dominance.Removal removal = mixed.removals().get(0);
        assertThat(removal.dominatedBy()).isEqualTo(-1);
        assertThat(removal.mix()).containsOnlyKeys(0, 1);
        assertThat(removal.mix().get(0)).isCloseTo(0.5, within(1e-12));
        // ...and bottom is never played in equilibrium.
        assertThat(SupportEnumeration.solve(game)).allSatisfy(e -> assertThat(e.probability(0, 2)).isZero());
        // With a margin of 0.5 the mix beats bottom by exactly the tolerance, which is not enough.
        assertThat(Dominance.iterated(game, 0.5, Dominance.By.MIXED).survives(0, 2)).isTrue();
        assertThat(Dominance.iterated(game, 0.49, Dominance.By.MIXED).survives(0, 2)).isFalse();
    }

    @Test
    void threePlayerPublicGoodEndsWithNobodyContributing() {
        NormalFormGame game = TextbookGames.publicGood();
        assertThat(PureNash.find(game)).extracting(PureEquilibrium::profile).containsExactly(new int[] {0, 0, 0});
        assertThat(Dominance.iterated(game).remaining()).isDeepEqualTo(new int[][] {{0}, {0}, {0}});
        // Everybody contributing pays each 2*3/3 - 1 = 1 > 0, the dilemma.
        assertThat(game.payoffs(1, 1, 1)).containsExactly(1, 1, 1);
        assertThatThrownBy(() -> SupportEnumeration.solve(game)).hasMessageContaining("two-player game, this one has 3");
    }

    @Test
    void bestResponsesKeepTies() {
        NormalFormGame bos = TextbookGames.battleOfTheSexes();
        BestResponse toOpera = BestResponses.to(bos, 0, new int[] {1, 0}, 0);
        assertThat(toOpera.strategies()).containsExactly(0);
        assertThat(toOpera.opponents()).containsExactly(-1, 0);
        assertThat(toOpera.payoff()).isEqualTo(2);
        // Against the column's equilibrium mix (1/3, 2/3) the row player is indifferent.
        assertThat(BestResponses.toMixed(bos, 0, new double[][] {{1, 0}, {1.0 / 3, 2.0 / 3}}, 1e-12)).containsExactly(0, 1);
        NormalFormGame tied = NormalFormGame.bimatrix("r", "c", List.of("a", "b"), List.of("x"),
            new double[][] {{1}, {1 + 1e-10}}, new double[][] {{0}, {0}});
        assertThat(BestResponses.to(tied, 0, new int[] {0, 0}, 0).strategies()).containsExactly(1);
        assertThat(BestResponses.to(tied, 0, new int[] {0, 0}, 1e-9).strategies()).containsExactly(0, 1);
        assertThat(BestResponses.table(bos, 1, 0)).extracting(BestResponse::strategies)
            .containsExactly(new int[] {0}, new int[] {1});
    }

    @Test
    void toleranceTurnsNearTiesIntoEquilibria() {
        // Defecting gains only 0.01 over cooperating: with tolerance 0.05 all four profiles are equilibria.
        NormalFormGame nearlyFlat = NormalFormGame.symmetric("a", "b", List.of("cooperate", "defect"),
            new double[][] {{1, 1}, {1.01, 1.01}});
        assertThat(PureNash.find(nearlyFlat, 0)).hasSize(1);
        assertThat(PureNash.find(nearlyFlat, 0.05)).hasSize(4);
        assertThatThrownBy(() -> PureNash.find(nearlyFlat, -1)).hasMessageContaining("tolerance: must be a finite number >= 0");
    }

    @Test
    void degenerateGameStillReportsEveryPureEquilibrium() {
        // The column player is indifferent everywhere, so the equilibria form one continuum:
        // (top, any y with y_left >= 1/2), (bottom, y_left <= 1/2) and (any x, y = (1/2, 1/2)).
        // The x-system for equal supports of size 2 is singular, so only the two pure endpoints come back.
        NormalFormGame game = NormalFormGame.bimatrix("row", "column", List.of("top", "bottom"), List.of("left", "right"),
            new double[][] {{1, 0}, {0, 1}}, new double[][] {{0, 0}, {0, 0}});
        List<MixedEquilibrium> all = SupportEnumeration.solve(game);
        assertThat(all).hasSize(2).allMatch(MixedEquilibrium::isPure);
        assertThat(PureNash.find(game)).extracting(PureEquilibrium::profile)
            .containsExactly(new int[] {0, 0}, new int[] {1, 1});
        assertThat(all).allSatisfy(e -> assertThat(game.regret(e.probabilities())).isLessThan(1e-12));
    }
}
