package owsim.experiment.design;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import owsim.io.InputException;
import owsim.io.InputFiles;
import owsim.io.Suggest;
import owsim.random.Distribution;

/**
 * A user's own sample matrix: a CSV file with one run per row and a header of parameter paths.
 * Blank lines and lines starting with '#' are skipped. When parameters are declared, every column
 * must be one of them, every one must have a column, and every value must lie in its
 * distribution's range; with none declared, the header alone defines the parameters. Errors name
 * the file, line, column and parameter.
 */
public record CsvDesign(Path file) implements Design {
    public CsvDesign {
        if (file == null) throw new IllegalArgumentException("file: is required");
    }

    @Override public String name() { return "csv"; }

    @Override public long runCount(List<Parameter> parameters) {
        return sample(parameters, 0).runs();
    }

    /** Reads the file; the seed is not used. Columns are reordered to the declared order. */
    @Override public SampleMatrix sample(List<Parameter> parameters, long rootSeed) {
        String text = InputFiles.read(file);
        return parse(file.toString(), text, parameters);
    }

    /** Parses CSV text; {@code source} names it in errors. */
    public static SampleMatrix parse(String source, String text, List<Parameter> declared) {
        String[] lines = text.split("\r?\n", -1);
        int headerLine = -1;
        List<Field> header = null;
        for (int i = 0; i < lines.length && header == null; i++) {
            if (skip(lines[i])) continue;
            headerLine = i + 1;
            header = fields(lines[i]);
        }
        if (header == null) throw new InputException(source, 0, 0, null, "no header line: expected parameter paths separated by commas");
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            Field f = header.get(c);
            if (f.text.isEmpty()) throw new InputException(source, headerLine, f.column, null, "empty column name in the header (column " + (c + 1) + ")");
            try {
                new Parameter(f.text, new Distribution.Uniform(0, 1));
            } catch (IllegalArgumentException e) {
                // Not the text itself: a file that is not a sample file would have its first line echoed.
                throw new InputException(source, headerLine, f.column, null, "column " + (c + 1) + " of the header is not a scenario path"
                    + " (names joined by '.', list items as [id]); the first line that is not blank or '#' must name the parameters");
            }
            Integer before = seen.put(f.text, c);
            if (before != null) {
                throw new InputException(source, headerLine, f.column, f.text, "appears twice in the header (columns " + (before + 1) + " and " + (c + 1) + ")");
            }
        }
        List<String> paths = header.stream().map(f -> f.text).toList();
        Distribution[] dist = new Distribution[header.size()];
        int[] target = new int[header.size()];  // column -> position in the output
        List<String> outPaths = paths;
        if (declared != null && !declared.isEmpty()) {
            List<String> known = declared.stream().map(Parameter::path).toList();
            for (int c = 0; c < header.size(); c++) {
                int at = known.indexOf(paths.get(c));
                if (at < 0) {
                    List<String> near = Suggest.closest(paths.get(c), known, 1);
                    throw new InputException(source, headerLine, header.get(c).column, paths.get(c),
                        "is not a parameter of this experiment" + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?")
                        + " Parameters: " + String.join(", ", known));
                }
                target[c] = at;
                dist[c] = declared.get(at).distribution();
            }
            for (String k : known) {
                if (!seen.containsKey(k)) throw new InputException(source, headerLine, 0, k, "has no column in the header");
            }
            outPaths = known;
        } else {
            for (int c = 0; c < target.length; c++) target[c] = c;
        }
        int k = header.size();
        List<double[]> rows = new ArrayList<>();
        for (int i = headerLine; i < lines.length; i++) {
            if (skip(lines[i])) continue;
            List<Field> fs = fields(lines[i]);
            if (fs.size() != k) {
                throw new InputException(source, i + 1, 0, null, "has " + fs.size() + " values, the header has " + k + " columns");
            }
            double[] row = new double[k];
            for (int c = 0; c < k; c++) {
                Field f = fs.get(c);
                double v;
                try {
                    v = Double.parseDouble(f.text);
                } catch (NumberFormatException e) {
                    throw new InputException(source, i + 1, f.column, paths.get(c), "'" + f.text + "' is not a number");
                }
                if (!Double.isFinite(v)) throw new InputException(source, i + 1, f.column, paths.get(c), "must be a finite number, was " + f.text);
                if (dist[c] != null && !dist[c].contains(v)) {
                    throw new InputException(source, i + 1, f.column, paths.get(c), f.text + " is outside " + dist[c].describe());
                }
                row[target[c]] = v;
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new InputException(source, headerLine, 0, null, "no runs: the file has a header but no rows");
        double[] flat = new double[rows.size() * k];
        for (int r = 0; r < rows.size(); r++) System.arraycopy(rows.get(r), 0, flat, r * k, k);
        return new SampleMatrix("csv", outPaths, rows.size(), flat);
    }

    private static boolean skip(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    private record Field(String text, int column) {}

    /** Comma-separated fields, trimmed, with optional surrounding double quotes; column is 1-based. */
    private static List<Field> fields(String line) {
        List<Field> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            String raw = line.substring(start, end);
            int lead = raw.length() - raw.stripLeading().length();
            String t = raw.strip();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).strip();
            out.add(new Field(t, start + lead + 1));
            if (comma < 0) return out;
            start = comma + 1;
        }
    }
}
