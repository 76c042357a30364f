package owsim.serving;

/** A forced layout of both pools of a disaggregated deployment, written PREFILL/DECODE (e.g. ep32dp32/ep144dp144). */
final class DisaggregatedLayout {
    private DisaggregatedLayout() {}

    /** The prefill and decode layouts of {@code layout}, or null when it names one deployment. */
    static String[] split(String layout) {
        if (layout == null) return null;
        int slash = layout.indexOf('/');
        if (slash < 0) return null;
        String prefill = layout.substring(0, slash).trim();
        String decode = layout.substring(slash + 1).trim();
        if (prefill.isEmpty() || decode.isEmpty() || decode.indexOf('/') >= 0) {
            throw new IllegalArgumentException("layout: '" + layout + "' must be one layout, or PREFILL/DECODE such as ep32dp32/ep144dp144");
        }
        return new String[] {prefill, decode};
    }
}
