package owsim.serving;

/**
 * {@link BusiestRank#stretch} remembered per (mean, ranks), owned by one engine: the exact sum behind it takes a
 * power per term, and the layout search and the per-user-speed bisection ask for the same figures again and again
 * (every repeated request, every answer of a web server). A remembered figure is the same double the sum gives, so
 * answers are unchanged. A direct-mapped table of {@value #SLOTS} immutable entries: a lookup allocates nothing (no
 * key object, no boxed double), a new figure replaces the one in its slot, so a long-lived engine stays bounded
 * (answers do not depend on what it holds). Safe for concurrent use: an entry's fields are final, so a thread sees a
 * whole entry or none, and a miss is computed again.
 */
final class BusiestRankMemo {
    static final int SLOTS = 8192;

    private record Entry(double mean, int ranks, double stretch) {}

    private final Entry[] table = new Entry[SLOTS];

    double stretch(double mean, int ranks) {
        // The cheap cases are answered directly, so they take no room.
        if (ranks <= 1 || mean <= 0) return 1;
        long bits = Double.doubleToLongBits(mean);
        int h = (int) (bits ^ (bits >>> 32)) * 31 + ranks;
        h ^= h >>> 16;
        int slot = (h * 0x9E3779B9 >>> 19) & (SLOTS - 1);
        Entry e = table[slot];
        if (e != null && e.ranks == ranks && Double.doubleToLongBits(e.mean) == bits) return e.stretch;
        double v = BusiestRank.stretch(mean, ranks);
        table[slot] = new Entry(mean, ranks, v);
        return v;
    }
}
