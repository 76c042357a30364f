package owsim.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.random.SplitMix64;
import owsim.random.StudentT;

class ReplicationSummaryTest {
    @Test
    void tQuantilesMatchPublishedTables() {
        // two-sided 95 % critical values (Abramowitz and Stegun Table 26.10; NIST e-Handbook 1.3.6.7.2)
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706204736, within(1e-8));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.302652730, within(1e-8));
        assertThat(StudentT.quantile(0.975, 5)).isCloseTo(2.570581836, within(1e-8));
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228138852, within(1e-8));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.042272456, within(1e-8));
        assertThat(StudentT.quantile(0.995, 9)).isCloseTo(3.249835541, within(1e-8));
        assertThat(StudentT.quantile(0.95, 20)).isCloseTo(1.724718243, within(1e-8));
        assertThat(StudentT.quantile(0.025, 5)).isCloseTo(-2.570581836, within(1e-8));
        // large nu tends to the normal 1.959963985
        assertThat(StudentT.quantile(0.975, 100_000)).isCloseTo(1.959963985, within(1e-4));
    }

    @Test
    void meanAndIntervalOfKnownValues() {
        ReplicationSummary s = ReplicationSummary.of("cash", new double[] {1, 2, 3, 4, 5}, 0.95);
        assertThat(s.mean()).isEqualTo(3);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        double half = 2.776445105 * Math.sqrt(2.5) / Math.sqrt(5);  // t_{0.975, 4}
        assertThat(s.ciLow()).isCloseTo(3 - half, within(1e-8));
        assertThat(s.ciHigh()).isCloseTo(3 + half, within(1e-8));
    }

    @Test
    void intervalCoversTheTrueMeanAtAboutItsNominalRate() {
        // 2000 experiments of 5 normal draws each; 95 % intervals should cover about 1900 times
        SplitMix64 rng = new SplitMix64(99);
        int covered = 0;
        for (int e = 0; e < 2000; e++) {
            double[] v = new double[5];
            for (int i = 0; i < 5; i++) v[i] = 10 + owsim.random.NormalMath.quantile(Math.max(1e-12, rng.nextDouble()));
            ReplicationSummary s = ReplicationSummary.of("m", v, 0.95);
            if (s.ciLow() <= 10 && 10 <= s.ciHigh()) covered++;
        }
        // binomial sd sqrt(2000 * 0.95 * 0.05) = 9.7: allow 4 sd
        assertThat(covered).isBetween(1900 - 39, 1900 + 39);
    }

    @Test
    void oneReplicationHasNoInterval() {
        ReplicationSummary s = ReplicationSummary.of("m", new double[] {7}, 0.9);
        assertThat(s.mean()).isEqualTo(7);
        assertThat(s.ciLow()).isNaN();
    }

    @Test
    void nonFiniteValueNamesTheRun() {
        assertThatThrownBy(() -> ReplicationSummary.of("cash", new double[] {1, Double.NaN}, 0.95))
            .hasMessageContaining("cash").hasMessageContaining("replication 1");
    }
}
