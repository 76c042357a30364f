package owsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who hears whom, for the agent engine's word of mouth (the aggregate engine is fully mixed by
 * construction). {@code fully-mixed}: a user hears its whole segment. {@code erdos-renyi}: random
 * graph with mean degree {@code meanDegree}. {@code watts-strogatz}: ring lattice of even degree
 * {@code meanDegree} with each edge rewired with probability {@code rewiring}.
 * {@code barabasi-albert}: preferential attachment, {@code edgesPerNode} links per new user (mean
 * degree about twice that). Fields a kind does not use must be left out.
 */
public record NetworkSpec(Kind kind, Double meanDegree, Double rewiring, Integer edgesPerNode) {

    /** Network families. */
    public enum Kind {
        FULLY_MIXED, ERDOS_RENYI, WATTS_STROGATZ, BARABASI_ALBERT;

        @JsonValue @Override public String toString() { return name().toLowerCase().replace('_', '-'); }

        @JsonCreator
        public static Kind parse(String s) {
            for (Kind k : values()) if (k.toString().equals(s)) return k;
            throw new IllegalArgumentException("'" + s + "' is not a network kind; allowed: fully-mixed, erdos-renyi, watts-strogatz, barabasi-albert");
        }
    }

    public NetworkSpec {
        if (kind == null) throw new IllegalArgumentException("kind: required; one of fully-mixed, erdos-renyi, watts-strogatz, barabasi-albert");
        switch (kind) {
            case FULLY_MIXED -> {
                unused(kind, "meanDegree", meanDegree);
                unused(kind, "rewiring", rewiring);
                unused(kind, "edgesPerNode", edgesPerNode);
            }
            case ERDOS_RENYI -> {
                if (meanDegree == null) throw new IllegalArgumentException("meanDegree: required for erdos-renyi (mean contacts per user, > 0)");
                if (!(meanDegree > 0) || meanDegree > 10_000) throw new IllegalArgumentException("meanDegree: must be > 0 and <= 10000, was " + meanDegree);
                unused(kind, "rewiring", rewiring);
                unused(kind, "edgesPerNode", edgesPerNode);
            }
            case WATTS_STROGATZ -> {
                if (meanDegree == null) throw new IllegalArgumentException("meanDegree: required for watts-strogatz (an even whole number >= 2)");
                if (meanDegree < 2 || meanDegree > 10_000 || meanDegree % 2 != 0) {
                    throw new IllegalArgumentException("meanDegree: must be an even whole number from 2 to 10000 for watts-strogatz, was " + meanDegree);
                }
                if (rewiring == null) throw new IllegalArgumentException("rewiring: required for watts-strogatz (probability from 0 to 1)");
                if (!(rewiring >= 0 && rewiring <= 1)) throw new IllegalArgumentException("rewiring: must be between 0 and 1, was " + rewiring);
                unused(kind, "edgesPerNode", edgesPerNode);
            }
            case BARABASI_ALBERT -> {
                if (edgesPerNode == null) throw new IllegalArgumentException("edgesPerNode: required for barabasi-albert (a whole number >= 1)");
                if (edgesPerNode < 1 || edgesPerNode > 5_000) throw new IllegalArgumentException("edgesPerNode: must be from 1 to 5000, was " + edgesPerNode);
                unused(kind, "meanDegree", meanDegree);
                unused(kind, "rewiring", rewiring);
            }
        }
    }

    private static void unused(Kind kind, String field, Object value) {
        if (value != null) throw new IllegalArgumentException(field + ": not used by a " + kind + " network; leave it out");
    }

    /** Everybody hears their whole segment. */
    public static NetworkSpec fullyMixed() {
        return new NetworkSpec(Kind.FULLY_MIXED, null, null, null);
    }
}
