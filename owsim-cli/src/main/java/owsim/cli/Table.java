package owsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Two-column label/value text output with aligned labels. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    void row(String label, String value) {
        rows.add(new String[] {label, value});
    }

    void print(PrintWriter out) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] r : rows) out.printf("%-" + width + "s  %s%n", r[0], r[1]);
    }
}
