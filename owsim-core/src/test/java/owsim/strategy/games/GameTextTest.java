package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GameTextTest {
    @Test
    void twoPlayerTableIsAMatrixWithBothPayoffsPerCell() {
        assertThat(GameText.payoffTable(TextbookGames.prisonersDilemma())).isEqualTo(
            "row \\ column  cooperate  defect\n"
            + "cooperate     3, 3       0, 5\n"
            + "defect        5, 0       1, 1\n");
    }

    @Test
    void threePlayerTableHasOneRowPerProfile() {
        String text = GameText.payoffTable(TextbookGames.publicGood());
        assertThat(text.lines()).hasSize(1 + 8);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("a           b           c           payoff a   payoff b   payoff c");
        assertThat(text).contains("keep        keep        contribute  0.666667   0.666667   -0.333333\n");
    }

    @Test
    void equilibriaPrintWithTheirProbabilitiesAndPayoffs() {
        NormalFormGame bos = TextbookGames.battleOfTheSexes();
        assertThat(GameText.pureEquilibria(bos, PureNash.find(bos))).isEqualTo(
            "Pure Nash equilibria: 2\n"
            + "  (row=opera, column=opera)  payoffs (2, 1)\n"
            + "  (row=football, column=football)  payoffs (1, 2)\n");
        assertThat(GameText.mixedEquilibria(bos, SupportEnumeration.solve(bos))).endsWith(
            "  #3 mixed\n"
            + "    row: opera 0.666667, football 0.333333  expected payoff 0.666667\n"
            + "    column: opera 0.333333, football 0.666667  expected payoff 0.666667\n");
    }

    @Test
    void bestResponsesAndEliminationAreListed() {
        NormalFormGame game = TextbookGames.gibbonsElimination();
        String best = GameText.bestResponses(game, 0);
        assertThat(best).contains("Best responses of column:\n  if row=up    -> middle  (2)\n");
        String elimination = GameText.elimination(game, Dominance.iterated(game));
        assertThat(elimination).contains("round 1: column right (dominated by middle)")
            .contains("row keeps: up").contains("column keeps: middle");
    }

    @Test
    void threePlayerBestResponsesNameBothOpponents() {
        String text = GameText.bestResponses(TextbookGames.publicGood(), 0);
        assertThat(text).contains("Best responses of c:\n  if a=keep, b=keep              -> keep  (0)\n")
            .contains("  if a=contribute, b=contribute  -> keep  (1.33333)\n");
    }

    @Test
    void eliminationByAMixNamesTheMix() {
        NormalFormGame game = NormalFormGame.bimatrix("row", "column", java.util.List.of("top", "middle", "bottom"),
            java.util.List.of("left", "right"), new double[][] {{3, 0}, {0, 3}, {1, 1}},
            new double[][] {{1, 0}, {0, 1}, {0, 0}});
        assertThat(GameText.elimination(game, Dominance.iterated(game, 0)))
            .contains("round 1: row bottom (dominated by the mix top 0.5, middle 0.5)\n");
    }

    @Test
    void replicatorSummaryShowsStartEndAndRest() {
        NormalFormGame hawkDove = TextbookGames.hawkDove();
        String text = GameText.replicator(hawkDove,
            Replicator.symmetric(hawkDove, new double[] {0.1, 0.9}, ReplicatorSettings.defaults()));
        assertThat(text).startsWith("Replicator dynamics: rest point reached at t = ")
            .contains("population start: hawk 0.1, dove 0.9\n")
            .contains("population end:   hawk 0.5, dove 0.5\n");
    }

    @Test
    void fullAnalysisOfMatchingPennies() {
        assertThat(GameText.analysis(GameAnalysis.of(TextbookGames.matchingPennies(), 1e-9))).isEqualTo(
            "Payoffs (matcher, mismatcher):\n"
            + "matcher \\ mismatcher  heads  tails\n"
            + "heads                 1, -1  -1, 1\n"
            + "tails                 -1, 1  1, -1\n"
            + "\n"
            + "Best responses of matcher:\n"
            + "  if mismatcher=heads  -> heads  (1)\n"
            + "  if mismatcher=tails  -> tails  (1)\n"
            + "Best responses of mismatcher:\n"
            + "  if matcher=heads  -> tails  (1)\n"
            + "  if matcher=tails  -> heads  (1)\n"
            + "\n"
            + "Iterated elimination of strictly dominated strategies: 0 removed\n"
            + "  matcher keeps: heads, tails\n"
            + "  mismatcher keeps: heads, tails\n"
            + "\n"
            + "Pure Nash equilibria: 0\n"
            + "\n"
            + "Nash equilibria (support enumeration): 1\n"
            + "  #1 mixed\n"
            + "    matcher: heads 0.5, tails 0.5  expected payoff 0\n"
            + "    mismatcher: heads 0.5, tails 0.5  expected payoff 0\n"
            + "(payoff tolerance 1.00000e-09)\n");
    }

    @Test
    void numbersAreShortAndLocaleFree() {
        assertThat(GameText.number(2)).isEqualTo("2");
        assertThat(GameText.number(-0.5)).isEqualTo("-0.5");
        assertThat(GameText.number(1.0 / 3)).isEqualTo("0.333333");
        assertThat(GameText.number(1234567.0)).isEqualTo("1234570");
        assertThat(GameText.number(-2.5e9)).isEqualTo("-2500000000");
        assertThat(GameText.number(1.5e-12)).isEqualTo("1.50000e-12");
    }
}
