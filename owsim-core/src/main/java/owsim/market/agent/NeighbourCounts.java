package owsim.market.agent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import owsim.market.network.Network;

/**
 * On a network, per user, how many of its neighbours spread word of each lab (their heard-of lab,
 * {@code AgentEngine.Month}'s {@code heard}), kept equal to a count over the neighbour list by
 * pushing each user's change of heard-of lab to its neighbours after the month (the lists are
 * symmetric). Reading a neighbour list cost most of a network month (ten random byte reads per
 * user at k = 10, plus 40 bytes of list); few users change lab in a month, so pushing their
 * changes is cheaper than counting every user's neighbours again. The counts are the same
 * integers as a count over the list, so the draws are too.
 *
 * <h2>Layout: fixed-width lanes, a user's words side by side</h2>
 * Each user has {@link #words} longs at [user x words], cut into lanes of {@link #laneBits} bits,
 * one lane per lab: 16-bit lanes up to 4 labs (one long, as before), 8-bit lanes beyond (5 to 8
 * labs in one long, 20 labs in three, 31 in four). Why this layout:
 * <ul>
 *   <li>The month reads the counts in user order, and a user's words are adjacent (at most 32
 *   bytes, one cache line mostly), so reading them is a sequential stream; a lab-major layout
 *   (one array per lab) would make the reader follow one stream per lab.</li>
 *   <li>A change from lab a to lab b adds one delta (two when a and b lie in different words) to
 *   each neighbour's words: one random cache line per neighbour, as with one long. A fixed slot
 *   per (user, lab) is what lets blocks add atomically in parallel; counts kept only for the labs
 *   a neighbour has heard of would need per-user lists that grow and shrink under concurrent
 *   pushes (a search and a lock per change instead of one add).</li>
 *   <li>8 bits hold degrees up to 255: a k = 10 network has hardly any user above it
 *   (Erdős–Rényi none; Barabási–Albert with m = 5 about 30 / 255 squared, 0.05% of its users),
 *   and those users count their neighbours as before ({@link #maxDegree}). Narrow lanes keep the
 *   memory at 8 bytes per user up to 8 labs and 24 at 20 labs, against the network's own
 *   4 + 4k = 44 bytes per user at k = 10.</li>
 * </ul>
 * A lane may pass below zero or above its bits while pushes are under way (a carry or borrow
 * then reaches the next lane), but a word's arithmetic is modulo 2^64, so the sum of the deltas is
 * exact, and every lane's final count fits, so each word ends exact. Meaningless (never read) for
 * users of degree {@link #maxDegree} or more.
 */
final class NeighbourCounts {
    /** Labs whose counts fit 16-bit lanes of one long. */
    static final int WIDE_LANES_MAX_LABS = 4;
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final Network network;
    private final int users;
    /** Bits per lab's count: 16 up to {@link #WIDE_LANES_MAX_LABS} labs, else 8. */
    final int laneBits;
    /** A lane's mask, 2^laneBits - 1. */
    final int laneMask;
    /** Longs per user. */
    final int words;
    /** Users of this degree or more count their neighbours instead (a lane holds counts below it). */
    final int maxDegree;
    /** Per heard-of value (lab, or labs for none): the word of its lane within a user's words (0 for none). */
    final int[] laneWord;
    /** Per heard-of value: its lane's shift within the word (for reading a lab's count). */
    final int[] laneShift;
    /** Per heard-of value: one in its lane (0 for none: a neighbour who spreads no word counts nowhere). */
    private final long[] laneUnit;
    /** The counts, [user x words + word]. */
    final long[] counts;

    NeighbourCounts(Network network, int labs) {
        if (network.isFullyMixed()) throw new IllegalArgumentException("network: fully mixed, no neighbours to count");
        this.network = network;
        this.users = network.nodes();
        this.laneBits = labs <= WIDE_LANES_MAX_LABS ? 16 : 8;
        this.laneMask = (1 << laneBits) - 1;
        int perWord = Long.SIZE / laneBits;
        this.words = (labs + perWord - 1) / perWord;
        this.maxDegree = 1 << laneBits;
        laneWord = new int[labs + 1];
        laneShift = new int[labs + 1];
        laneUnit = new long[labs + 1];
        for (int l = 0; l < labs; l++) {
            laneWord[l] = l / perWord;
            laneShift[l] = laneBits * (l % perWord);
            laneUnit[l] = 1L << laneShift[l];
        }
        counts = new long[Math.multiplyExact(users, words)];
    }

    /** Counts a block's users over their neighbour lists, from each user's heard-of lab. */
    void countBlock(int block, byte[] heard) {
        int[] offsets = network.offsets();
        int[] neighbours = network.neighbours();
        int lo = block * Population.BLOCK_USERS;
        int hi = Math.min(users, lo + Population.BLOCK_USERS);
        for (int i = lo; i < hi; i++) {
            int at = i * words;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int h = heard[neighbours[k]];
                counts[at + laneWord[h]] += laneUnit[h];
            }
        }
    }

    /**
     * Pushes the change of heard-of lab of a block's users ({@code after} against {@code before})
     * to their neighbours' counts. Blocks run in parallel and share neighbours, so with more than
     * one thread the adds are atomic; integer adds commute, so the counts do not depend on the
     * order or the thread count.
     */
    void pushBlock(int block, byte[] before, byte[] after, boolean atomic) {
        int[] offsets = network.offsets();
        int[] neighbours = network.neighbours();
        long[] c = counts;
        int w = words;
        int lo = block * Population.BLOCK_USERS;
        int hi = Math.min(users, lo + Population.BLOCK_USERS);
        for (int i = lo; i < hi; i++) {
            int b = before[i];
            int a = after[i];
            if (a == b) continue;
            int wordAfter = laneWord[a];
            int wordBefore = laneWord[b];
            long add = laneUnit[a];
            long remove = laneUnit[b];
            if (wordAfter == wordBefore) {
                // Both lanes in one word (always up to 4 labs): one add of the difference per neighbour.
                add -= remove;
                remove = 0;
            } else if (add == 0) {
                // Now spreads no word: only the old lane loses one.
                add = -remove;
                wordAfter = wordBefore;
                remove = 0;
            }
            int end = offsets[i + 1];
            if (atomic) {
                for (int k = offsets[i]; k < end; k++) {
                    int at = neighbours[k] * w;
                    COUNTS.getAndAdd(c, at + wordAfter, add);
                    if (remove != 0) COUNTS.getAndAdd(c, at + wordBefore, -remove);
                }
            } else {
                for (int k = offsets[i]; k < end; k++) {
                    int at = neighbours[k] * w;
                    c[at + wordAfter] += add;
                    if (remove != 0) c[at + wordBefore] -= remove;
                }
            }
        }
    }

    /** Memory held, in bytes. */
    long bytes() {
        return 8L * counts.length;
    }
}
