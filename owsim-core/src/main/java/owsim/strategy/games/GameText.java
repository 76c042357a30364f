package owsim.strategy.games;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Plain-text rendering of a game and its solutions, for the terminal. Two-player payoff tables are
 * matrices with "row payoff, column payoff" in each cell; larger games get one row per profile.
 * Numbers print with up to 6 significant digits, locale-independent; payoffs can be given their
 * own format (money as "$1.2B" for a game in USD).
 */
public final class GameText {
    private GameText() {}

    /** The payoff table: a matrix for two players, one line per pure profile otherwise. */
    public static String payoffTable(NormalFormGame game) {
        return payoffTable(game, GameText::number);
    }

    /** The payoff table with payoffs written by {@code payoff}. */
    public static String payoffTable(NormalFormGame game, DoubleFunction<String> payoff) {
        List<String[]> rows = new ArrayList<>();
        if (game.players() == 2) {
            int m = game.strategyCount(0);
            int n = game.strategyCount(1);
            String[] header = new String[n + 1];
            header[0] = game.playerName(0) + " \\ " + game.playerName(1);
            for (int j = 0; j < n; j++) header[j + 1] = game.strategyName(1, j);
            rows.add(header);
            for (int i = 0; i < m; i++) {
                String[] row = new String[n + 1];
                row[0] = game.strategyName(0, i);
                for (int j = 0; j < n; j++) row[j + 1] = payoff.apply(game.payoff(0, i, j)) + ", " + payoff.apply(game.payoff(1, i, j));
                rows.add(row);
            }
        } else {
            int k = game.players();
            String[] header = new String[2 * k];
            for (int p = 0; p < k; p++) {
                header[p] = game.playerName(p);
                header[k + p] = "payoff " + game.playerName(p);
            }
            rows.add(header);
            for (int index = 0; index < game.profileCount(); index++) {
                int[] profile = game.profile(index);
                String[] row = new String[2 * k];
                for (int p = 0; p < k; p++) {
                    row[p] = game.strategyName(p, profile[p]);
                    row[k + p] = payoff.apply(game.payoffAt(index, p));
                }
                rows.add(row);
            }
        }
        return align(rows);
    }

    /**
     * The whole analysis: payoff table, best responses, elimination, pure equilibria and, for two
     * players, all equilibria from support enumeration.
     */
    public static String analysis(GameAnalysis analysis) {
        return analysis(analysis, GameText::number);
    }

    /** The whole analysis with payoffs (and the payoff tolerance) written by {@code payoff}. */
    public static String analysis(GameAnalysis analysis, DoubleFunction<String> payoff) {
        NormalFormGame game = analysis.game();
        StringBuilder out = new StringBuilder();
        out.append("Payoffs (").append(String.join(", ", game.playerNames())).append("):\n");
        out.append(payoffTable(game, payoff)).append('\n');
        out.append(bestResponses(game, analysis.tolerance(), payoff)).append('\n');
        out.append(elimination(game, analysis.elimination())).append('\n');
        out.append(pureEquilibria(game, analysis.pureEquilibria(), payoff));
        if (game.players() == 2) out.append('\n').append(mixedEquilibria(game, analysis.equilibria(), payoff));
        out.append("(payoff tolerance ").append(payoff.apply(analysis.tolerance())).append(")\n");
        return out.toString();
    }

    /** Each player's best responses to every profile of the others. */
    public static String bestResponses(NormalFormGame game, double tolerance) {
        return bestResponses(game, tolerance, GameText::number);
    }

    /** Each player's best responses with payoffs written by {@code payoff}. */
    public static String bestResponses(NormalFormGame game, double tolerance, DoubleFunction<String> payoff) {
        StringBuilder out = new StringBuilder();
        for (int p = 0; p < game.players(); p++) {
            out.append("Best responses of ").append(game.playerName(p)).append(":\n");
            List<String[]> rows = new ArrayList<>();
            for (BestResponse r : BestResponses.table(game, p, tolerance)) {
                StringBuilder against = new StringBuilder();
                int[] opponents = r.opponents();
                for (int q = 0; q < game.players(); q++) {
                    if (q == p) continue;
                    if (against.length() > 0) against.append(", ");
                    against.append(game.playerName(q)).append('=').append(game.strategyName(q, opponents[q]));
                }
                List<String> names = new ArrayList<>();
                for (int s : r.strategies()) names.add(game.strategyName(p, s));
                rows.add(new String[] {"  if " + against, "-> " + String.join(" | ", names), "(" + payoff.apply(r.payoff()) + ")"});
            }
            out.append(align(rows));
        }
        return out.toString();
    }

    /** Pure equilibria, one line each with the payoffs; "none" when the list is empty. */
    public static String pureEquilibria(NormalFormGame game, List<PureEquilibrium> equilibria) {
        return pureEquilibria(game, equilibria, GameText::number);
    }

    /** Pure equilibria with payoffs written by {@code payoff}. */
    public static String pureEquilibria(NormalFormGame game, List<PureEquilibrium> equilibria, DoubleFunction<String> payoff) {
        StringBuilder out = new StringBuilder("Pure Nash equilibria: ").append(equilibria.size()).append('\n');
        for (PureEquilibrium e : equilibria) {
            out.append("  ").append(game.describe(e.profile())).append("  payoffs ").append(numbers(e.payoffs(), payoff)).append('\n');
        }
        return out.toString();
    }

    /** Equilibria with each player's mix over its support and the expected payoffs. */
    public static String mixedEquilibria(NormalFormGame game, List<MixedEquilibrium> equilibria) {
        return mixedEquilibria(game, equilibria, GameText::number);
    }

    /** Equilibria with expected payoffs written by {@code payoff} (probabilities as plain numbers). */
    public static String mixedEquilibria(NormalFormGame game, List<MixedEquilibrium> equilibria, DoubleFunction<String> payoff) {
        StringBuilder out = new StringBuilder("Nash equilibria (support enumeration): ").append(equilibria.size()).append('\n');
        int count = 0;
        for (MixedEquilibrium e : equilibria) {
            out.append("  #").append(++count).append(e.isPure() ? " pure" : " mixed").append('\n');
            for (int p = 0; p < game.players(); p++) {
                out.append("    ").append(game.playerName(p)).append(": ").append(mix(game, p, e.strategy(p)))
                    .append("  expected payoff ").append(payoff.apply(e.payoff(p))).append('\n');
            }
        }
        return out.toString();
    }

    /** What iterated elimination removed, round by round, and what survived. */
    public static String elimination(NormalFormGame game, Dominance.Elimination elimination) {
        StringBuilder out = new StringBuilder("Iterated elimination of strictly dominated strategies: ");
        out.append(elimination.removals().size()).append(" removed\n");
        for (Dominance.Removal r : elimination.removals()) {
            String by;
            if (r.dominatedBy() >= 0) {
                by = game.strategyName(r.player(), r.dominatedBy());
            } else {
                List<String> parts = new ArrayList<>();
                r.mix().forEach((s, probability) -> parts.add(game.strategyName(r.player(), s) + " " + number(probability)));
                by = "the mix " + String.join(", ", parts);
            }
            out.append("  round ").append(r.round()).append(": ").append(game.playerName(r.player())).append(' ')
                .append(game.strategyName(r.player(), r.strategy())).append(" (dominated by ").append(by).append(")\n");
        }
        int[][] remaining = elimination.remaining();
        for (int p = 0; p < game.players(); p++) {
            List<String> names = new ArrayList<>();
            for (int s : remaining[p]) names.add(game.strategyName(p, s));
            out.append("  ").append(game.playerName(p)).append(" keeps: ").append(String.join(", ", names)).append('\n');
        }
        return out.toString();
    }

    /** Start and end shares of a replicator run, and whether it reached a rest point. */
    public static String replicator(NormalFormGame game, ReplicatorPath path) {
        StringBuilder out = new StringBuilder("Replicator dynamics: ");
        out.append(path.atRest() ? "rest point reached" : "no rest point within the step limit")
            .append(" at t = ").append(number(path.time(path.states() - 1))).append('\n');
        for (int pop = 0; pop < path.populations(); pop++) {
            String label = path.populations() == 1 ? "population" : game.playerName(pop);
            out.append("  ").append(label).append(" start: ").append(mix(game, pop, path.shares(0, pop))).append('\n');
            out.append("  ").append(label).append(" end:   ").append(mix(game, pop, path.last(pop))).append('\n');
        }
        return out.toString();
    }

    private static String mix(NormalFormGame game, int player, double[] probabilities) {
        List<String> parts = new ArrayList<>();
        for (int s = 0; s < probabilities.length; s++) {
            if (probabilities[s] > 0) parts.add(game.strategyName(player, s) + " " + number(probabilities[s]));
        }
        return String.join(", ", parts);
    }

    private static String numbers(double[] values, DoubleFunction<String> format) {
        List<String> parts = new ArrayList<>();
        for (double v : values) parts.add(format.apply(v));
        return "(" + String.join(", ", parts) + ")";
    }

    /** Up to 6 significant digits, no trailing zeros, no exponent for ordinary magnitudes. */
    public static String number(double v) {
        if (v == 0) return "0";
        double size = Math.abs(v);
        if (size < 1e-4 || size >= 1e15) return String.format(Locale.ROOT, "%.5e", v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String align(List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], row[c].length());
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) line.append("  ");
                line.append(row[c]).append(" ".repeat(widths[c] - row[c].length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
