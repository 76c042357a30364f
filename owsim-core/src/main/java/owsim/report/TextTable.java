package owsim.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: first column left-aligned (row names), the others right-aligned (numbers). */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(int columns) {
        this.columns = columns;
    }

    TextTable row(String... cells) {
        if (cells.length != columns) throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
        rows.add(cells.clone());
        return this;
    }

    /** The table, each line indented by {@code indent} and ended by "\n"; no trailing spaces. */
    String render(String indent) {
        int[] width = new int[columns];
        for (String[] r : rows) for (int c = 0; c < columns; c++) width[c] = Math.max(width[c], r[c].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            line.append(r[0]).append(" ".repeat(width[0] - r[0].length()));
            for (int c = 1; c < columns; c++) {
                line.append("  ").append(" ".repeat(width[c] - r[c].length())).append(r[c]);
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') end--;
            sb.append(line, 0, end).append('\n');
        }
        return sb.toString();
    }
}
