package owsim.cli.fuzz;

import java.util.Locale;

/**
 * One change to a valid input file. {@code at} and {@code at2} pick places as fractions of the
 * file's nodes (or bytes, for a byte-level change) so that a case stays meaningful whatever the
 * file's size and shrinks towards its first node; {@code seed} drives a random subtree.
 */
record Edit(Op op, double at, double at2, long seed) {
    /** What the change does; a tree change acts on a node, a byte change on the emitted text. */
    enum Op {
        DELETE_KEY, WRONG_TYPE_STRING, WRONG_TYPE_LIST, WRONG_TYPE_MAP, WRONG_TYPE_BOOLEAN,
        NUMBER_1E308, NUMBER_MINUS_1E308, NUMBER_MINUS_ONE, NUMBER_ZERO, NUMBER_NAN, NUMBER_INFINITY,
        NUMBER_MINUS_INFINITY, NUMBER_SUBNORMAL, INTEGER_HUGE, INTEGER_2_POW_31, INTEGER_LONG_MAX,
        FRACTIONAL_INTEGER, NULL, EMPTY_STRING, LONG_STRING, UNKNOWN_KEY, DEEP_NESTING, ALIAS,
        ALIAS_BOMB, UNKNOWN_TAG, RANDOM_SUBTREE, NON_UTF8_BYTE, TRUNCATE;

        boolean onBytes() {
            return this == NON_UTF8_BYTE || this == TRUNCATE;
        }
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "%s@%.3f%s", op, at,
            op == Op.ALIAS ? String.format(Locale.ROOT, "->%.3f", at2) : op == Op.RANDOM_SUBTREE ? "#" + seed : "");
    }
}
