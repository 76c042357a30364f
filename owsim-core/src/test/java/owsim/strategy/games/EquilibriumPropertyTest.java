package owsim.strategy.games;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Solvers checked against the definitions of equilibrium on random games. */
class EquilibriumPropertyTest {
    /** No player may gain more than this by deviating from a reported equilibrium. */
    private static final double DEVIATION = 1e-9;

    @Property(tries = 400)
    void randomContinuousBimatrixGamesHaveAnOddNumberOfEquilibriaWithNoProfitableDeviation(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int rows, @ForAll @IntRange(min = 2, max = 4) int columns) {
        NormalFormGame game = randomGame(seed, new int[] {rows, columns}, false);
        List<MixedEquilibrium> all = SupportEnumeration.solve(game);
        // Payoffs from a continuous distribution give a nondegenerate game almost surely, whose
        // equilibria are finite and odd in number (Shapley 1974; Lemke-Howson).
        assertThat(all.size() % 2).as("number of equilibria").isEqualTo(1);
        for (MixedEquilibrium e : all) {
            assertIsEquilibrium(game, e);
        }
        assertPureEquilibriaAgree(game, all);
    }

    @Property(tries = 300)
    void integerBimatrixGamesReportOnlyEquilibriaAndEveryPureOne(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int rows, @ForAll @IntRange(min = 2, max = 4) int columns) {
        // Small integer payoffs make ties (degenerate games) common.
        NormalFormGame game = randomGame(seed, new int[] {rows, columns}, true);
        List<MixedEquilibrium> all = SupportEnumeration.solve(game);
        assertThat(all).isNotEmpty();
        for (MixedEquilibrium e : all) {
            assertIsEquilibrium(game, e);
        }
        assertPureEquilibriaAgree(game, all);
    }

    @Property(tries = 300)
    void pureEquilibriaAreExactlyTheMutualBestResponses(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int players, @ForAll boolean integers) {
        int[] sizes = new int[players];
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < players; p++) sizes[p] = 2 + random.nextInt(players == 4 ? 2 : 3);
        NormalFormGame game = randomGame(random.nextLong(), sizes, integers);
        List<int[]> byDefinition = new ArrayList<>();
        for (int index = 0; index < game.profileCount(); index++) {
            int[] profile = game.profile(index);
            boolean mutual = true;
            for (int p = 0; p < players; p++) {
                mutual &= BestResponses.to(game, p, profile, 0).contains(profile[p]);
            }
            if (mutual) byDefinition.add(profile);
        }
        assertThat(PureNash.find(game, 0)).extracting(PureEquilibrium::profile)
            .containsExactlyElementsOf(byDefinition);
    }

    @Property(tries = 300)
    void eliminationNeverRemovesAStrategyUsedInAnEquilibrium(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 4) int players, @ForAll boolean integers) {
        int[] sizes = new int[players];
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < players; p++) sizes[p] = 2 + random.nextInt(players == 4 ? 2 : 3);
        NormalFormGame game = randomGame(random.nextLong(), sizes, integers);
        Dominance.Elimination elimination = Dominance.iterated(game, 0);
        Dominance.Elimination pureOnly = Dominance.iterated(game, 0, Dominance.By.PURE);
        for (int p = 0; p < players; p++) {
            for (int s : elimination.remaining()[p]) assertThat(pureOnly.survives(p, s)).isTrue();
        }
        for (PureEquilibrium e : PureNash.find(game, 0)) {
            for (int p = 0; p < players; p++) assertThat(elimination.survives(p, e.strategy(p))).isTrue();
        }
        // And the reduced game has the same pure equilibria, mapped back to the full game.
        int[][] keep = elimination.remaining();
        NormalFormGame reduced = game.restrict(keep);
        List<int[]> mapped = new ArrayList<>();
        for (PureEquilibrium e : PureNash.find(reduced, 0)) {
            int[] full = new int[players];
            for (int p = 0; p < players; p++) full[p] = keep[p][e.strategy(p)];
            mapped.add(full);
        }
        assertThat(mapped).containsExactlyInAnyOrderElementsOf(
            PureNash.find(game, 0).stream().map(PureEquilibrium::profile).toList());
        if (players == 2) {
            for (MixedEquilibrium e : SupportEnumeration.solve(game)) {
                for (Dominance.Removal r : elimination.removals()) {
                    assertThat(e.probability(r.player(), r.strategy())).isZero();
                }
            }
        }
    }

    private static void assertIsEquilibrium(NormalFormGame game, MixedEquilibrium e) {
        double[][] mix = e.probabilities();
        for (int p = 0; p < game.players(); p++) {
            double total = 0;
            for (double probability : mix[p]) {
                assertThat(probability).isBetween(0.0, 1.0);
                total += probability;
            }
            assertThat(total).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
            double value = game.expectedPayoff(p, mix);
            assertThat(e.payoff(p)).isCloseTo(value, org.assertj.core.api.Assertions.within(1e-12));
            for (double deviation : game.deviationPayoffs(p, mix)) {
                assertThat(deviation - value).as("gain from a deviation of player %d", p).isLessThanOrEqualTo(DEVIATION);
            }
        }
    }

    /** The pure members of the support-enumeration list are exactly the pure Nash equilibria. */
    private static void assertPureEquilibriaAgree(NormalFormGame game, List<MixedEquilibrium> all) {
        List<int[]> pureFromSupports = all.stream().filter(MixedEquilibrium::isPure)
            .map(e -> new int[] {e.support(0)[0], e.support(1)[0]}).toList();
        List<int[]> pure = PureNash.find(game).stream().map(PureEquilibrium::profile).toList();
        assertThat(pureFromSupports).containsExactlyInAnyOrderElementsOf(pure);
        for (int[] profile : pure) {
            for (int p = 0; p < 2; p++) {
                assertThat(BestResponses.to(game, p, profile, game.defaultTolerance()).contains(profile[p])).isTrue();
            }
        }
    }

    /** Payoffs uniform on [-1, 1], or whole numbers 0..3 when {@code integers}. */
    private static NormalFormGame randomGame(long seed, int[] sizes, boolean integers) {
        Random random = new Random(seed);
        List<String> players = new ArrayList<>();
        List<List<String>> strategies = new ArrayList<>();
        for (int p = 0; p < sizes.length; p++) {
            players.add("p" + p);
            List<String> names = new ArrayList<>();
            for (int s = 0; s < sizes[p]; s++) names.add("s" + s);
            strategies.add(names);
        }
        return NormalFormGame.of(players, strategies, profile -> {
            double[] values = new double[sizes.length];
            for (int p = 0; p < values.length; p++) {
                values[p] = integers ? random.nextInt(4) : 2 * random.nextDouble() - 1;
            }
            return values;
        });
    }
}
