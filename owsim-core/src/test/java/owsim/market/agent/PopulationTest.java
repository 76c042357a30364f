package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationTest {

    @Test
    void fiveLabsFitTheByteBudget() {
        try (BlockExecutor ex = new BlockExecutor(2)) {
            Population pop = TestPopulations.generate(100_000, 5, 1, ex);
            assertThat(pop.bytesPerUser()).isLessThanOrEqualTo(64).isEqualTo(14.0);
        }
    }

    @Test
    void drawsFollowTheSegments() {
        int users = 400_000;
        try (BlockExecutor ex = new BlockExecutor(2)) {
            Population pop = TestPopulations.generate(users, 5, 1, ex);
            int developers = 0;
            float[] consumerUsage = new float[users];
            int consumers = 0;
            int consumersWithGpu = 0;
            for (int i = 0; i < users; i++) {
                if (pop.segment(i) == 1) {
                    developers++;
                } else {
                    consumerUsage[consumers++] = (float) pop.usageTokensPerMonth(i);
                    if (pop.vramClass(i) > 0) consumersWithGpu++;
                }
            }
            // Shares within 4 standard errors (sd of a share at 400k draws ~ 0.0006).
            assertThat(developers / (double) users).isCloseTo(0.2, within(0.003));
            assertThat(consumersWithGpu / (double) consumers).isCloseTo(0.10, within(0.003));
            float[] sorted = Arrays.copyOf(consumerUsage, consumers);
            Arrays.sort(sorted);
            // Lognormal median = the segment's median (200k tokens/month), within 2%.
            assertThat((double) sorted[consumers / 2]).isCloseTo(200_000, within(4_000.0));
            assertThat(pop.option(0)).isEqualTo(Population.NO_OPTION);
            assertThat(pop.isAware(0, 0)).isFalse();
        }
    }

    @Test
    void generationIsIdenticalForAnyThreadCount() {
        Population a;
        Population b;
        try (BlockExecutor one = new BlockExecutor(1); BlockExecutor four = new BlockExecutor(4)) {
            a = TestPopulations.generate(100_000, 3, 77, one);
            b = TestPopulations.generate(100_000, 3, 77, four);
        }
        assertThat(a.segment).isEqualTo(b.segment);
        assertThat(a.usageTokensPerMonth).isEqualTo(b.usageTokensPerMonth);
        assertThat(a.vramClass).isEqualTo(b.vramClass);
    }

    @Test
    void badSegmentsAreRejectedWithTheField() {
        assertThatThrownBy(() -> new UserSegment("x", 0.5, 1, 1, List.of(0.5, 0.4)))
            .hasMessageStartingWith("vramClassShares:");
        assertThatThrownBy(() -> new UserSegment("x", 1.5, 1, 1, List.of(1.0)))
            .hasMessageStartingWith("share:");
        try (BlockExecutor ex = new BlockExecutor(1)) {
            assertThatThrownBy(() -> TestPopulations.generate(10, 40, 1, ex)).hasMessageStartingWith("labs:");
        }
    }
}
