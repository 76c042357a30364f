package owsim.strategy.games;

import java.util.List;

/** Textbook games shared by the tests, with their payoffs as usually printed. */
final class TextbookGames {
    private TextbookGames() {}

    /** Prisoner's dilemma: T=5 > R=3 > P=1 > S=0; defect strictly dominates cooperate. */
    static NormalFormGame prisonersDilemma() {
        return NormalFormGame.symmetric("row", "column", List.of("cooperate", "defect"),
            new double[][] {{3, 0}, {5, 1}});
    }

    /** Matching pennies: row wins 1 on a match, column wins 1 on a mismatch. */
    static NormalFormGame matchingPennies() {
        return NormalFormGame.bimatrix("matcher", "mismatcher", List.of("heads", "tails"), List.of("heads", "tails"),
            new double[][] {{1, -1}, {-1, 1}}, new double[][] {{-1, 1}, {1, -1}});
    }

    /** Battle of the sexes: both prefer to meet; row prefers opera (2 vs 1), column football. */
    static NormalFormGame battleOfTheSexes() {
        return NormalFormGame.bimatrix("row", "column", List.of("opera", "football"), List.of("opera", "football"),
            new double[][] {{2, 0}, {0, 1}}, new double[][] {{1, 0}, {0, 2}});
    }

    /** Rock-paper-scissors, win 1, lose -1, draw 0. */
    static NormalFormGame rockPaperScissors() {
        return NormalFormGame.symmetric("row", "column", List.of("rock", "paper", "scissors"),
            new double[][] {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}});
    }

    /** Hawk-dove with resource V=2 and fight cost C=4: HH (V-C)/2, HD V, DH 0, DD V/2. */
    static NormalFormGame hawkDove() {
        double v = 2;
        double c = 4;
        return NormalFormGame.symmetric("row", "column", List.of("hawk", "dove"),
            new double[][] {{(v - c) / 2, v}, {0, v / 2}});
    }

    /**
     * A nondegenerate, non-symmetric 3x3 game with one equilibrium, fully mixed. By hand:
     * the column mix y equalises the row payoffs 2y1+y2 = y1+4y3 = 3y2, so y1 = y2, y3 = y1/2,
     * y = (2/5, 2/5, 1/5), row payoff 6/5; the row mix x equalises the column payoffs
     * x1+4x2+3x3 = 4x1+3x2+4x3 = 3x1+3x2+5x3, so x3 = x1, x2 = 4x1, x = (1/6, 2/3, 1/6), column
     * payoff 10/3. There is no pure equilibrium and no 2x2 support pair works (checked by an exact
     * rational enumeration of all support pairs while writing this test).
     */
    static NormalFormGame handSolved3x3() {
        return NormalFormGame.bimatrix("row", "column", List.of("a", "b", "c"), List.of("x", "y", "z"),
            new double[][] {{2, 1, 0}, {1, 0, 4}, {0, 3, 0}},
            new double[][] {{1, 4, 3}, {4, 3, 3}, {3, 4, 5}});
    }

    /** Gibbons (1992) fig. 1.1.1: iterated elimination leaves (Up, Middle) after three rounds. */
    static NormalFormGame gibbonsElimination() {
        return NormalFormGame.bimatrix("row", "column", List.of("up", "down"), List.of("left", "middle", "right"),
            new double[][] {{1, 1, 0}, {0, 0, 2}}, new double[][] {{0, 2, 1}, {3, 1, 0}});
    }

    /**
     * Three-player public good: each contribution costs 1 and adds 2 to a pot shared equally by
     * all three, so contributing returns 2/3 < 1 to the contributor whatever the others do.
     */
    static NormalFormGame publicGood() {
        List<String> moves = List.of("keep", "contribute");
        return NormalFormGame.of(List.of("a", "b", "c"), List.of(moves, moves, moves), profile -> {
            int contributions = profile[0] + profile[1] + profile[2];
            double share = 2.0 * contributions / 3;
            return new double[] {share - profile[0], share - profile[1], share - profile[2]};
        });
    }
}
