package owsim.report.chart;

/** Fitting names into the room a chart has for them. */
final class Labels {
    private Labels() {}

    /** Pixels a label of this many characters takes. */
    static double width(String s) {
        return s.length() * Style.CHAR_PX;
    }

    /**
     * The label cut to {@code maxChars}, keeping its end (the end of a parameter path names it:
     * "...policy.openAfterMonths"); the full name stays in the tooltip.
     */
    static String fit(String s, int maxChars) {
        if (s.length() <= maxChars) return s;
        return "\u2026" + s.substring(s.length() - (maxChars - 1));
    }
}
