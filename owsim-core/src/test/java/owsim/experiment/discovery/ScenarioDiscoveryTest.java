package owsim.experiment.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.experiment.analysis.Interval;
import owsim.random.SplitMix64;

/**
 * PRIM, CART, the rank regression and the tipping surface on a synthetic case with a known box:
 * 1000 uniform points in [0,1]^5, the outcome yes exactly inside x1 &gt; 0.6 and x3 &lt; 0.3
 * (12 % of the space), the other three parameters inert.
 */
class ScenarioDiscoveryTest {
    static final int N = 1000;
    static final int K = 5;
    /** How far a recovered limit may lie from the true one: about one peel or paste step (5 % of ~120 points) in a unit range. */
    static final double LIMIT_TOLERANCE = 0.05;

    static double[][] points(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] c = new double[K][N];
        for (int i = 0; i < N; i++) for (int j = 0; j < K; j++) c[j][i] = rng.nextDouble();
        return c;
    }

    static boolean[] inBox(double[][] c) {
        boolean[] y = new boolean[N];
        for (int i = 0; i < N; i++) y[i] = c[0][i] > 0.6 && c[2][i] < 0.3;
        return y;
    }

    @Test void primRecoversTheBox() {
        double[][] c = points(42);
        boolean[] y = inBox(c);
        PrimBox box = new Prim().find(c, y, 0.8);
        assertThat(box.low()[0]).isCloseTo(0.6, within(LIMIT_TOLERANCE));
        assertThat(box.high()[2]).isCloseTo(0.3, within(LIMIT_TOLERANCE));
        assertThat(box.restricted()).containsExactly(true, false, true, false, false);
        assertThat(box.lowRestricted()[0]).isTrue();
        assertThat(box.highRestricted()[2]).isTrue();
        assertThat(box.density()).isGreaterThanOrEqualTo(0.9);
        assertThat(box.coverage()).isGreaterThanOrEqualTo(0.9);
        assertThat(box.mass()).isCloseTo(0.12, within(0.03));
    }

    @Test void peelingTradesCoverageForDensity() {
        double[][] c = points(7);
        List<PrimBox> t = new Prim().peel(c, inBox(c));
        assertThat(t.get(0).mass()).isEqualTo(1.0);
        assertThat(t.get(0).coverage()).isEqualTo(1.0);
        for (int i = 1; i < t.size(); i++) {
            assertThat(t.get(i).mass()).isLessThan(t.get(i - 1).mass());
            assertThat(t.get(i).coverage()).isLessThanOrEqualTo(t.get(i - 1).coverage());
        }
        assertThat(t.get(t.size() - 1).density()).isGreaterThan(0.95);
    }

    @Test void pastingWidensAnOverPeeledBox() {
        double[][] c = points(3);
        boolean[] y = inBox(c);
        // A box peeled too far on x1: pasting moves its lower limit back towards 0.6 since that raises the density... or keeps it.
        double[] lo = {0.8, 0, 0, 0, 0};
        double[] hi = {1, 1, 0.3, 1, 1};
        PrimBox start = new PrimBox(lo, hi, 0, 0, 0, new boolean[K], new boolean[K]);
        PrimBox pasted = new Prim().paste(c, y, start);
        assertThat(pasted.density()).isGreaterThanOrEqualTo(0.95);
        assertThat(pasted.low()[0]).isLessThanOrEqualTo(0.8);
    }

    @Test void cartSplitsOnTheTwoParameters() {
        double[][] c = points(11);
        boolean[] y = inBox(c);
        CartTree tree = CartTree.grow(List.of("x1", "x2", "x3", "x4", "x5"), c, y, 2, 10);
        assertThat(tree.splitParameters()).containsExactlyInAnyOrder(0, 2);
        CartTree.Node root = tree.root();
        double rootThreshold = root.threshold();
        assertThat(root.parameter() == 0 ? rootThreshold - 0.6 : rootThreshold - 0.3).isCloseTo(0, within(LIMIT_TOLERANCE));
        int wrong = 0;
        for (int i = 0; i < N; i++) {
            double[] x = {c[0][i], c[1][i], c[2][i], c[3][i], c[4][i]};
            if (tree.predict(x) != y[i]) wrong++;
        }
        // Exact up to the split points' placement between samples.
        assertThat(wrong).isLessThanOrEqualTo(5);
        assertThat(tree.rules(v -> String.format(java.util.Locale.ROOT, "%.2f", v))).anySatisfy(r -> {
            assertThat(r.share()).isEqualTo(1.0);
            assertThat(r.conditions()).contains("x1 > 0.6").contains("x3 <= 0.3");
        });
    }

    @Test void rankRegressionFindsTheLinearDrivers() {
        double[][] c = points(5);
        double[] m = new double[N];
        for (int i = 0; i < N; i++) m[i] = 3 * c[0][i] - 1 * c[2][i];
        RankRegression r = RankRegression.fit(c, m);
        assertThat(r.coefficients()[0]).isGreaterThan(0.8);
        assertThat(r.coefficients()[2]).isLessThan(-0.2);
        for (int j : new int[] {1, 3, 4}) assertThat(Math.abs(r.coefficients()[j])).isLessThan(0.05);
        assertThat(r.rSquared()).isGreaterThan(0.95);
    }

    @Test void surfaceSeesTheCorner() {
        double[][] c = points(9);
        TippingSurface s = TippingSurface.of(c[0], c[2], inBox(c), 5);
        // Cells wholly inside x1 > 0.6 and x3 < 0.3 (quintiles: x1 above 0.6 is the top two, x3 below 0.2 the bottom one).
        assertThat(s.share()[4][0]).isGreaterThan(0.9);
        assertThat(s.share()[3][0]).isGreaterThan(0.9);
        assertThat(s.share()[0][4]).isEqualTo(0.0);
        int total = 0;
        for (int[] row : s.points()) for (int v : row) total += v;
        assertThat(total).isEqualTo(N);
    }

    @Test void wilsonMatchesPublishedValues() {
        // Newcombe 1998 (Stat. Med. 17:857) Table I: 81/263 -> 0.2553-0.3662; 15/148 -> 0.0624-0.1605; 0/20 -> 0-0.1611.
        Interval a = Wilson.interval(81, 263, 0.95);
        assertThat(a.low()).isCloseTo(0.2553, within(5e-4));
        assertThat(a.high()).isCloseTo(0.3662, within(5e-4));
        Interval b = Wilson.interval(15, 148, 0.95);
        assertThat(b.low()).isCloseTo(0.0624, within(5e-4));
        assertThat(b.high()).isCloseTo(0.1605, within(5e-4));
        Interval c = Wilson.interval(0, 20, 0.95);
        assertThat(c.low()).isEqualTo(0.0);
        assertThat(c.high()).isCloseTo(0.1611, within(5e-4));
    }

    /**
     * The pruning case: 256 uniform points in [0,1]^10 (as many as the committed uncertainty
     * sample), the outcome yes when x1 &gt; 0.5 and x2 &lt; 0.3 (15 % of the space) with 2 % of the
     * labels flipped at random, so that peeling finds chance lifts on the eight inert parameters.
     * (With 5 % flipped, a quarter of the yes points lie outside the true box and the 80 % coverage
     * PRIM is asked for cannot be had inside it.)
     */
    static final int NOISY_N = 256;
    static final int NOISY_K = 10;

    static double[][] noisyPoints(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[][] c = new double[NOISY_K][NOISY_N];
        for (int i = 0; i < NOISY_N; i++) for (int j = 0; j < NOISY_K; j++) c[j][i] = rng.nextDouble();
        return c;
    }

    static boolean[] noisyBox(double[][] c, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        boolean[] y = new boolean[NOISY_N];
        for (int i = 0; i < NOISY_N; i++) y[i] = (c[0][i] > 0.5 && c[1][i] < 0.3) ^ (rng.nextDouble() < 0.02);
        return y;
    }

    @Test void pruningKeepsOnlyTheRestrictionsThatMatter() {
        int[] extra = new int[1];
        int[] close = new int[1];
        // Thirty samples: the quasi-p threshold 0.05 / 10 (Bonferroni over the ten parameters peeling chose
        // among) keeps no inert parameter in any of them; at a plain 0.05 a third of them keep one.
        for (long seed = 1; seed <= 30; seed++) {
            double[][] c = noisyPoints(seed);
            boolean[] y = noisyBox(c, 100 + seed);
            PrimBox peeled = new Prim().find(c, y, 0.8);
            PrimBox pruned = Prim.prune(c, y, peeled, 0.02, 0.05 / NOISY_K);
            extra[0] += peeled.restrictedCount() - 2;
            boolean[] only = new boolean[NOISY_K];
            only[0] = true;
            only[1] = true;
            assertThat(pruned.restricted()).as("seed %d", seed).containsExactly(only);
            assertThat(pruned.lowRestricted()[0]).isTrue();
            assertThat(pruned.highRestricted()[0]).isFalse();
            assertThat(pruned.highRestricted()[1]).isTrue();
            assertThat(pruned.lowRestricted()[1]).isFalse();
            // Pruning removes limits and moves none.
            assertThat(pruned.low()[0]).isEqualTo(peeled.low()[0]);
            assertThat(pruned.high()[1]).isEqualTo(peeled.high()[1]);
            if (Math.abs(pruned.low()[0] - 0.5) <= 0.1 && Math.abs(pruned.high()[1] - 0.3) <= 0.1) close[0]++;
            // Dropping chance restrictions costs little density and wins coverage back.
            int yes = 0;
            for (boolean b : y) if (b) yes++;
            // At least twice as dense as the whole sample (where about 16 % are yes).
            assertThat(pruned.density()).isGreaterThan(2.0 * yes / NOISY_N);
            assertThat(pruned.coverage()).isGreaterThanOrEqualTo(peeled.coverage());
            List<PrimRestriction> r = Prim.restrictions(c, y, pruned);
            assertThat(r).extracting(PrimRestriction::parameter).containsExactly(0, 1);
            for (PrimRestriction x : r) {
                assertThat(x.densityGain()).isGreaterThan(0.04);
                assertThat(x.densityGain()).isCloseTo(pruned.density() - x.densityWithout(), within(1e-12));
            }
        }
        // Peeling alone restricts inert parameters in these samples: the pruning has something to do.
        assertThat(extra[0]).isPositive();
        // Where the noise misleads the peeling a limit may lie further out; in at least four samples of five both lie within 0.1 (25 of these 30).
        assertThat(close[0]).isGreaterThanOrEqualTo(24);
    }

    @Test void aRestrictionThatCutsAlmostNothingIsPrunedAndReportedAsChance() {
        double[][] c = points(42);
        boolean[] y = inBox(c);
        // The known box plus x5 <= 0.97: it cuts about 3 % of the box's points, at random.
        double[] lo = {0.6, 0, 0, 0, 0};
        double[] hi = {1, 1, 0.3, 1, 0.97};
        PrimBox widened = Prim.box(c, y, lo, hi);
        assertThat(widened.restricted()).containsExactly(true, false, true, false, true);
        PrimRestriction x5 = Prim.restrictions(c, y, widened).stream().filter(r -> r.parameter() == 4).findFirst().orElseThrow();
        assertThat(x5.densityGain()).isLessThan(0.01);
        assertThat(x5.quasiP()).isGreaterThan(0.05);
        PrimBox pruned = Prim.prune(c, y, widened, 0.02, 0.05);
        assertThat(pruned.restricted()).containsExactly(true, false, true, false, false);
        // With neither threshold nothing is pruned.
        assertThat(Prim.prune(c, y, widened, 0, 1).restrictedCount()).isEqualTo(widened.restrictedCount());
    }

    @Test void quasiPIsTheHypergeometricTail() {
        // 5 of 5 drawn from 10 with 5 successes: 1 / C(10,5) = 1/252.
        assertThat(Prim.hypergeometricAtLeast(5, 10, 5, 5)).isCloseTo(1.0 / 252, within(1e-12));
        // A box of 43 with 32 yes cut from 45 with 32 yes (two no's removed): C(13,2) / C(45,2) = 78/990.
        assertThat(Prim.hypergeometricAtLeast(32, 45, 32, 43)).isCloseTo(78.0 / 990, within(1e-12));
        // At or below the smallest possible count: certain.
        assertThat(Prim.hypergeometricAtLeast(0, 45, 32, 43)).isCloseTo(1.0, within(1e-12));
        // 2 or more of 3 drawn from 6 with 3 successes: (C(3,2)C(3,1) + 1) / C(6,3) = 10/20.
        assertThat(Prim.hypergeometricAtLeast(2, 6, 3, 3)).isCloseTo(0.5, within(1e-12));
    }
}
