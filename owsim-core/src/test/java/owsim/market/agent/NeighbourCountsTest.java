package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import owsim.market.network.Network;
import owsim.market.network.Networks;

/**
 * Neighbour counts kept between months by pushing changes equal a fresh count over the neighbour
 * lists, for any number of labs (one word of 16-bit lanes up to four labs, words of 8-bit lanes
 * beyond, a change crossing words), with plain adds and with atomic adds from two threads.
 */
class NeighbourCountsTest {
    /** Barabási–Albert over three blocks of users: hubs above 255 neighbours (not counted beyond four labs) and many below. */
    private static final Network NETWORK = Networks.barabasiAlbert(40_000, 5, 11);

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 5, 8, 9, 20, 31})
    void pushedChangesEqualARecountOverTheLists(int labs) {
        for (int threads : new int[] {1, 2}) {
            try (BlockExecutor executor = new BlockExecutor(threads)) {
                int n = NETWORK.nodes();
                int blocks = Population.blocks(n);
                SplittableRandom rng = new SplittableRandom(labs * 31L + threads);
                byte[] heard = new byte[n];
                // Value labs is "spreads no word"; start with most users there, as before anybody chooses.
                for (int i = 0; i < n; i++) heard[i] = (byte) (rng.nextInt(3) == 0 ? rng.nextInt(labs + 1) : labs);
                NeighbourCounts kept = new NeighbourCounts(NETWORK, labs);
                byte[] first = heard;
                executor.forEachBlock(blocks, b -> kept.countBlock(b, first));
                for (int month = 0; month < 4; month++) {
                    byte[] next = heard.clone();
                    for (int i = 0; i < n; i++) if (rng.nextInt(5) == 0) next[i] = (byte) rng.nextInt(labs + 1);
                    byte[] before = heard;
                    executor.forEachBlock(blocks, b -> kept.pushBlock(b, before, next, threads > 1));
                    heard = next;
                    assertEqualsRecount(kept, heard, labs);
                }
            }
        }
    }

    private static void assertEqualsRecount(NeighbourCounts kept, byte[] heard, int labs) {
        int[] offsets = NETWORK.offsets();
        int[] neighbours = NETWORK.neighbours();
        int checked = 0;
        for (int i = 0; i < NETWORK.nodes(); i++) {
            int degree = offsets[i + 1] - offsets[i];
            if (degree >= kept.maxDegree) continue;
            int[] count = new int[labs + 1];
            for (int k = offsets[i]; k < offsets[i + 1]; k++) count[heard[neighbours[k]]]++;
            for (int l = 0; l < labs; l++) {
                long word = kept.counts[i * kept.words + kept.laneWord[l]];
                int got = (int) (word >>> kept.laneShift[l]) & kept.laneMask;
                if (got != count[l]) assertThat(got).as("user %d (degree %d), lab %d of %d", i, degree, l, labs).isEqualTo(count[l]);
            }
            checked++;
        }
        // Nearly every user is counted (beyond four labs all but the few hubs of 256 neighbours or more).
        assertThat(checked).isGreaterThan(NETWORK.nodes() * 99 / 100);
    }
}
