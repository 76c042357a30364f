package owsim.catalog;

import java.util.Locale;

/** Markdown tables for docs/CATALOG.md, generated from the code so the doc cannot drift from it. */
final class CatalogDocTables {
    private CatalogDocTables() {}

    /** Computed against published total and active parameters for every model of the catalog. */
    public static String parameterAccuracy(Catalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("| Model | Computed total | Published total | Diff | Embeddings in active | Computed active | Published active | Diff |\n");
        sb.append("|---|---:|---:|---:|---|---:|---:|---:|\n");
        for (ModelSpec m : catalog.models()) {
            if (m.published() == null) continue;
            ParameterCount p = ParameterCount.of(m);
            long active = p.activeAsPublished(m);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                m.id(), billions(p.total()), billions(m.published().totalParams()),
                percent(p.total(), m.published().totalParams()), m.published().activeIncludes(),
                billions(active), billions(m.published().activeParams()),
                percent(active, m.published().activeParams())));
        }
        return sb.toString();
    }

    /** Bits and bytes per weight of each storage format, scales included. */
    public static String weightFormats() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Format | Bits per weight | Bytes per weight |\n");
        sb.append("|---|---:|---:|\n");
        for (WeightFormat f : WeightFormat.values()) {
            sb.append(String.format(Locale.ROOT, "| %s | %.4f | %.5f |%n", f, f.bitsPerWeight(), f.bytesPerWeight()));
        }
        return sb.toString();
    }

    private static String percent(double computed, double published) {
        double p = 100 * (computed / published - 1);
        // Round first so a tiny negative difference does not print as "-0.00%".
        double rounded = Math.round(p * 100) / 100.0;
        return String.format(Locale.ROOT, "%+.2f%%", rounded == 0 ? 0.0 : rounded);
    }

    private static String billions(double n) {
        return String.format(Locale.ROOT, "%.2fB", n / 1e9);
    }
}
