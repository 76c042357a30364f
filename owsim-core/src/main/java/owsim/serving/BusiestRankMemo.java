package owsim.serving;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BusiestRank#stretch} remembered per (mean, ranks), owned by one engine: the exact sum behind it takes a
 * power per term, and the layout search and the per-user-speed bisection ask for the same figures again and again
 * (every repeated request, every answer of a web server). A remembered figure is the same double the sum gives, so
 * answers are unchanged. Safe for concurrent use; emptied when it grows past {@value #MAX_ENTRIES} entries, so a
 * long-lived engine stays bounded (answers do not depend on what it holds).
 */
final class BusiestRankMemo {
    static final int MAX_ENTRIES = 50_000;

    private record Key(double mean, int ranks) {}

    private final ConcurrentHashMap<Key, Double> stretch = new ConcurrentHashMap<>();

    double stretch(double mean, int ranks) {
        // The cheap cases are answered directly, so they take no room.
        if (ranks <= 1 || mean <= 0) return 1;
        Key k = new Key(mean, ranks);
        Double known = stretch.get(k);
        if (known != null) return known;
        double v = BusiestRank.stretch(mean, ranks);
        if (stretch.size() >= MAX_ENTRIES) stretch.clear();
        stretch.put(k, v);
        return v;
    }
}
