package owsim.cli;

import java.util.Locale;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/** Short human forms of catalog numbers for tables: 671.0B parameters, 128K tokens. */
final class CatalogFormat {
    private CatalogFormat() {}

    /** Parameters with a B or T suffix (10^9, 10^12), or M below a billion. */
    static String params(double n) {
        if (n >= 1e12) return String.format(Locale.ROOT, "%.2fT", n / 1e12);
        if (n >= 1e9) return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        return String.format(Locale.ROOT, "%.0fM", n / 1e6);
    }

    /** Context length in K tokens (1024) when it is a whole number of them. */
    static String tokens(int n) {
        return n % 1024 == 0 ? (n / 1024) + "K" : Integer.toString(n);
    }

    /** The weight formats as released: one format, or the main one plus the experts' one. */
    static String weights(ModelSpec m) {
        WeightFormat main = m.nativeWeights();
        WeightFormat experts = m.nativeExpertWeights();
        return main == experts ? main.toString() : main + " + " + experts + " experts";
    }

    /** Bytes in GiB (2^30) with one decimal: the unit of every memory figure owsim prints. */
    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1L << 30));
    }

    /** A number without a trailing ".0". */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%s", v);
    }

    /** Left-aligned table cells padded to the given widths, columns two spaces apart. */
    static String row(int[] widths, String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append("  ");
            sb.append(cells[i]);
            if (i < cells.length - 1) sb.append(" ".repeat(Math.max(0, widths[i] - cells[i].length())));
        }
        return sb.toString();
    }
}
