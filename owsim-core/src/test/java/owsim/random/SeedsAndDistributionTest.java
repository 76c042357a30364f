package owsim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import owsim.experiment.design.Parameter;

class SeedsAndDistributionTest {
    @Test
    void splitMix64MatchesTheJdksSplittableRandom() {
        // java.util.SplittableRandom(seed) is SplitMix64 with the same gamma and mixer: an
        // independent implementation to check against (owsim keeps its own so streams never
        // depend on the JDK version)
        for (long seed : new long[] {0, 1234567, -42}) {
            SplitMix64 r = new SplitMix64(seed);
            java.util.SplittableRandom ref = new java.util.SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) assertThat(r.nextLong()).isEqualTo(ref.nextLong());
        }
    }

    @Test
    void fillGivesTheStreamsNextDrawsAndUnitItsDoubles() {
        // The agent kernel takes a block's draws from buffers made by fill, moving its counter by
        // GOLDEN_GAMMA per draw used; the longs and doubles must be SplittableRandom's, in order,
        // across refills that start anywhere in the buffer.
        for (long seed : new long[] {0, 1234567, -42, Long.MIN_VALUE}) {
            java.util.SplittableRandom ref = new java.util.SplittableRandom(seed);
            long[] buffer = new long[SplitMix64.FILL_MAX];
            long counter = seed;
            for (int refill = 0; refill < 5; refill++) {
                SplitMix64.fill(buffer, counter);
                int used = 1 + (int) Math.floorMod(seed + 317L * refill, (long) buffer.length - 1);
                for (int k = 0; k < used; k++) {
                    if (k % 2 == 0) assertThat(buffer[k]).isEqualTo(ref.nextLong());
                    else assertThat(SplitMix64.unit(buffer[k])).isEqualTo(ref.nextDouble());
                }
                counter += SplitMix64.GOLDEN_GAMMA * used;
            }
        }
        assertThatThrownBy(() -> SplitMix64.fill(new long[SplitMix64.FILL_MAX + 1], 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runSeedIsThePositionalSplitMixOutputAndIndependentOfOrder() {
        long root = 42;
        SplitMix64 seq = new SplitMix64(root);
        for (int i = 0; i < 100; i++) assertThat(Seeds.run(root, i)).isEqualTo(seq.nextLong());
        // computing run 7 after run 99 or alone gives the same seed
        assertThat(Seeds.run(root, 7)).isEqualTo(new SplitMix64(root + 7 * SplitMix64.GOLDEN_GAMMA).nextLong());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) for (int r = 0; r < 5; r++) seen.add(Seeds.replication(root, i, r));
        assertThat(seen).hasSize(50_000);
        assertThat(Seeds.run(1, 0)).isNotEqualTo(Seeds.run(2, 0));
    }

    @Test
    void nextIntIsUnbiasedOverSmallBounds() {
        SplitMix64 r = new SplitMix64(5);
        int[] counts = new int[3];
        for (int i = 0; i < 30_000; i++) counts[r.nextInt(3)]++;
        for (int c : counts) assertThat(c).isBetween(10_000 - 400, 10_000 + 400);  // ~4.9 sd
    }

    @Test
    void normalQuantileMatchesPublishedValues() {
        assertThat(NormalMath.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(NormalMath.quantile(0.5)).isEqualTo(0.0, within(1e-15));
        assertThat(NormalMath.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-10));
        assertThat(NormalMath.cdf(-8)).isCloseTo(6.220960574271785e-16, within(1e-25));
        assertThat(NormalMath.cdf(1)).isCloseTo(0.8413447460685429, within(1e-15));
    }

    // above z = 2 the round trip through p = 1 - tiny loses digits to rounding of p itself
    @Property(tries = 200)
    void normalQuantileInvertsTheCdf(@ForAll @DoubleRange(min = -30, max = 2) double z) {
        double p = NormalMath.cdf(z);
        assertThat(NormalMath.quantile(p)).isCloseTo(z, within(1e-9 * (1 + Math.abs(z))));
    }

    @Test
    void inverseCdfsHitTheRangeAndTheRightQuantiles() {
        Distribution u = new Distribution.Uniform(2, 6);
        assertThat(u.fromUnit(0)).isEqualTo(2);
        assertThat(u.fromUnit(0.25)).isEqualTo(3);
        assertThat(u.fromUnit(1)).isEqualTo(6);
        Distribution lu = new Distribution.LogUniform(1, 1000);
        assertThat(lu.fromUnit(1.0 / 3)).isCloseTo(10, within(1e-9));
        assertThat(lu.gridLevels(4)).containsExactly(new double[] {1, 10, 100, 1000}, within(1e-9));
        Distribution n = new Distribution.TruncatedNormal(10, 2, 0, 20);
        assertThat(n.fromUnit(0.5)).isCloseTo(10, within(1e-9));
        // truncation at +-5 sd barely moves the 97.5 % point: 10 + 2 * 1.95996...
        assertThat(n.fromUnit(0.975)).isCloseTo(10 + 2 * 1.959963984540054, within(1e-5));
        // a far upper-tail slice stays inside its bounds and ordered
        Distribution tail = new Distribution.TruncatedNormal(0, 1, 9, 10);
        double prev = 9;
        for (double q = 0.1; q < 1; q += 0.1) {
            double v = tail.fromUnit(q);
            assertThat(v).isBetween(9.0, 10.0).isGreaterThan(prev);
            prev = v;
        }
        Distribution d = new Distribution.Discrete(new double[] {3, 1, 2});
        assertThat(d.fromUnit(0)).isEqualTo(3);
        assertThat(d.fromUnit(0.5)).isEqualTo(1);
        assertThat(d.fromUnit(1)).isEqualTo(2);
        assertThat(d.gridLevels(10)).containsExactly(3, 1, 2);
    }

    @Test
    void badRangesNameTheField() {
        assertThatThrownBy(() -> new Distribution.Uniform(5, 1)).hasMessageStartingWith("max: must be greater than min");
        assertThatThrownBy(() -> new Distribution.LogUniform(0, 1)).hasMessageStartingWith("min: must be a finite number > 0");
        assertThatThrownBy(() -> new Distribution.TruncatedNormal(0, -1, -1, 1)).hasMessageStartingWith("sd:");
        assertThatThrownBy(() -> new Distribution.Discrete(new double[] {1, 1})).hasMessageStartingWith("levels: must be distinct");
        assertThatThrownBy(() -> new Parameter("labs..x", new Distribution.Uniform(0, 1))).hasMessageStartingWith("path:");
    }

    @Test
    void seedsAreThoseOfTheTwoFormerSeedsClasses() {
        // Values of the experiments' and the agent engine's former Seeds classes (each with its own
        // copy of the mixer) before they were merged: every run keeps its random streams.
        assertThat(Seeds.derive(7, Seeds.AGENT_MONTH, 3, 11)).isEqualTo(7518495371407082798L);
        assertThat(Seeds.derive(2025, Seeds.POPULATION, 0)).isEqualTo(-2255034193547191762L);
        assertThat(Seeds.run(20251129L, 4)).isEqualTo(-7047753803800523175L);
        assertThat(Seeds.replication(11, 2, 3)).isEqualTo(1415887494394722014L);
        assertThat(Seeds.stream(11, "latin-hypercube").nextLong()).isEqualTo(8719753745515914941L);
    }
}
