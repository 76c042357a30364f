package owsim.market.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void fullyMixedHasNoEdges() {
        Network net = Networks.fullyMixed(1000);
        assertThat(net.isFullyMixed()).isTrue();
        assertThat(net.edges()).isZero();
        assertThat(net.degree(5)).isZero();
        assertThat(net.bytes()).isZero();
    }

    @Test
    void erdosRenyiHasPoissonDegrees() {
        Network net = Networks.erdosRenyi(200_000, 10, 7);
        double[] mv = meanAndVariance(net);
        // Mean degree 10; 1M edges => sd of the mean about 0.01: 2% is ~20 sd of slack for bugs only.
        assertThat(mv[0]).isCloseTo(10.0, within(0.2));
        // Poisson (binomial with tiny p): variance = mean (1 - p) ~ mean; within 5%.
        assertThat(mv[1] / mv[0]).isCloseTo(1.0, within(0.05));
        assertSymmetricSimple(net);
    }

    @Test
    void wattsStrogatzWithoutRewiringIsARegularRing() {
        Network net = Networks.wattsStrogatz(50_000, 6, 0.0, 3);
        for (int i = 0; i < net.nodes(); i++) assertThat(net.degree(i)).isEqualTo(6);
        assertThat(net.hasEdge(0, 1)).isTrue();
        assertThat(net.hasEdge(0, 3)).isTrue();
        assertThat(net.hasEdge(0, 49_997)).isTrue();
        assertThat(net.hasEdge(0, 4)).isFalse();
        assertSymmetricSimple(net);
    }

    @Test
    void wattsStrogatzRewiringKeepsMeanDegreeAndSpreadsDegrees() {
        Network net = Networks.wattsStrogatz(100_000, 10, 0.2, 3);
        double[] mv = meanAndVariance(net);
        assertThat(mv[0]).isCloseTo(10.0, within(0.01)); // only rare duplicate rewirings are dropped
        assertThat(mv[1]).isGreaterThan(0.5);
        for (int i = 0; i < net.nodes(); i++) assertThat(net.degree(i)).isGreaterThanOrEqualTo(5 - 1);
        assertSymmetricSimple(net);
    }

    @Test
    void barabasiAlbertHasPowerLawTailNearThree() {
        int m = 3;
        Network net = Networks.barabasiAlbert(200_000, m, 11);
        assertThat(net.meanDegree()).isCloseTo(2.0 * m, within(0.01));
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < net.nodes(); i++) min = Math.min(min, net.degree(i));
        assertThat(min).isEqualTo(m);
        // Discrete power-law MLE (Clauset, Shalizi and Newman 2009, eq. 3.7) above k_min = 10;
        // the BA limit is P(k) ~ 2m(m+1)/k^3, exponent 3. Rough: accept 2.6..3.4.
        int kMin = 10;
        double sumLog = 0;
        long n = 0;
        for (int i = 0; i < net.nodes(); i++) {
            int k = net.degree(i);
            if (k >= kMin) {
                sumLog += Math.log(k / (kMin - 0.5));
                n++;
            }
        }
        double alpha = 1 + n / sumLog;
        assertThat(alpha).isBetween(2.6, 3.4);
        assertSymmetricSimple(net);
    }

    @Test
    void generationIsDeterministicForASeed() {
        Network a = Networks.erdosRenyi(40_000, 8, 99);
        Network b = Networks.erdosRenyi(40_000, 8, 99);
        Network c = Networks.erdosRenyi(40_000, 8, 100);
        assertThat(a.offsets()).isEqualTo(b.offsets());
        assertThat(a.neighbours()).isEqualTo(b.neighbours());
        assertThat(a.neighbours()).isNotEqualTo(c.neighbours());
        assertThat(Networks.barabasiAlbert(40_000, 2, 5).neighbours())
            .isEqualTo(Networks.barabasiAlbert(40_000, 2, 5).neighbours());
        assertThat(Networks.wattsStrogatz(40_000, 4, 0.3, 5).neighbours())
            .isEqualTo(Networks.wattsStrogatz(40_000, 4, 0.3, 5).neighbours());
    }

    @Test
    void generationDoesNotDependOnThreadCount() throws Exception {
        // Parallel streams run in the pool that calls them: one worker versus the common pool.
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            Network single = one.submit(() -> Networks.wattsStrogatz(60_000, 6, 0.3, 8)).get();
            Network multi = Networks.wattsStrogatz(60_000, 6, 0.3, 8);
            assertThat(single.offsets()).isEqualTo(multi.offsets());
            assertThat(single.neighbours()).isEqualTo(multi.neighbours());
        } finally {
            one.shutdown();
        }
    }

    @Test
    void badParametersNameTheField() {
        assertThatThrownBy(() -> Networks.wattsStrogatz(100, 3, 0.1, 1)).hasMessageStartingWith("k:");
        assertThatThrownBy(() -> Networks.wattsStrogatz(100, 4, 1.5, 1)).hasMessageStartingWith("beta:");
        assertThatThrownBy(() -> Networks.erdosRenyi(100, 0, 1)).hasMessageStartingWith("meanDegree:");
        assertThatThrownBy(() -> Networks.barabasiAlbert(100, 0, 1)).hasMessageStartingWith("m:");
        assertThatThrownBy(() -> Networks.erdosRenyi(1_000_000_000, 10, 1)).hasMessageStartingWith("nodes x mean degree:");
    }

    private static double[] meanAndVariance(Network net) {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < net.nodes(); i++) {
            int d = net.degree(i);
            s += d;
            s2 += (double) d * d;
        }
        double mean = s / net.nodes();
        return new double[] {mean, s2 / net.nodes() - mean * mean};
    }

    /** Every edge is in both lists, lists are sorted, and there are no self loops or duplicates. */
    private static void assertSymmetricSimple(Network net) {
        int[] off = net.offsets();
        int[] nb = net.neighbours();
        for (int i = 0; i < net.nodes(); i++) {
            for (int p = off[i]; p < off[i + 1]; p++) {
                int j = nb[p];
                if (j == i) throw new AssertionError("self loop at " + i);
                if (p > off[i] && nb[p - 1] >= j) throw new AssertionError("unsorted or duplicate at " + i);
                if (!net.hasEdge(j, i)) throw new AssertionError("edge " + i + "-" + j + " not symmetric");
            }
        }
    }
}
