package owsim.claims.uncertainty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SampleMatrix;
import owsim.io.Csv;
import owsim.io.InputException;
import owsim.io.InputFiles;

/**
 * The outcomes of a claims-under-uncertainty run as the analysis reads them, from the DuckDB store
 * ({@link OutcomeStore#table()}) or from a CSV file committed with the docs, so that the docs can
 * be rendered and checked without re-running every world. Both give {@link UncertaintyAnalysis}
 * the same input, hence byte-identical reports.
 *
 * <p>The CSV file: comment lines ({@code #}) first, those of the form {@code # key: value} with
 * the keys below carrying what the analysis needs besides the rows (the name, design, number of
 * worlds, root seed, the hashes that tie the table to its uncertainty file and base scenario, the
 * claims, and each claim's outcome in the base world as {@code claim,holds (1/0),margin}); then a
 * header {@code world,seed,PATH...,claim,holds,margin,margin_unit,verdict} and one row per world x
 * claim in evaluation order. A table of worlds run on the agent engine also has the keys
 * {@code engine}, {@code users} and {@code replications} and a column {@code replication} after
 * {@code world}, one row per world x replication x claim; the aggregate engine's table has
 * neither, as before replications existed. Numbers are written with {@link Double#toString} and
 * {@link Long#toString}, which {@link Double#parseDouble} reads back to the same bits; a margin
 * the claim does not give is empty. Fields with a comma or a double quote are quoted as in RFC
 * 4180. The reader is strict: an error names the file, line and column.
 *
 * @param name the uncertainty file's name
 * @param design latin-hypercube or sobol
 * @param worlds worlds in the design
 * @param rootSeed the design's root seed
 * @param parameters the uncertain parameters, in the design's order
 * @param claims the claims' letters, in evaluation order
 * @param defaults per claim, {holds in the base world (1/0), margin}
 * @param outcomes every outcome, in evaluation (run id) order
 * @param fileHash the uncertainty file's hash (its text, number of worlds and claims)
 * @param baseHash the base scenario's hash
 * @param runs how each world was run: engine, users, replications
 */
public record OutcomeTable(String name, String design, int worlds, long rootSeed, List<Parameter> parameters, List<String> claims,
                           Map<String, double[]> defaults, List<WorldOutcome> outcomes, String fileHash, String baseHash,
                           WorldRunner.Runs runs) {
    /** The table's file name, next to CLAIMS.md. */
    public static final String FILE = "claims-uncertainty.csv";

    private static final List<String> KEYS = List.of("command", "name", "design", "worlds", "root-seed", "file-hash", "base-hash", "claims");
    private static final String BASE_OUTCOME = "base-outcome";
    private static final Pattern META = Pattern.compile("# ([a-z-]+): (.*)");
    private static final List<String> TAIL = List.of("claim", "holds", "margin", "margin_unit", "verdict");
    /** Keys only a table of agent-engine worlds has. */
    private static final List<String> RUN_KEYS = List.of("engine", "users", "replications");

    /** A table of worlds run on the aggregate engine, one replication each. */
    public OutcomeTable(String name, String design, int worlds, long rootSeed, List<Parameter> parameters, List<String> claims,
                        Map<String, double[]> defaults, List<WorldOutcome> outcomes, String fileHash, String baseHash) {
        this(name, design, worlds, rootSeed, parameters, claims, defaults, outcomes, fileHash, baseHash, WorldRunner.Runs.AGGREGATE);
    }

    public OutcomeTable {
        if (runs == null) runs = WorldRunner.Runs.AGGREGATE;
        parameters = List.copyOf(parameters);
        claims = List.copyOf(claims);
        defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        outcomes = List.copyOf(outcomes);
    }

    public List<String> paths() { return parameters.stream().map(Parameter::path).toList(); }

    /** The CSV text; {@code command} is the command that regenerates it (written into its first lines). */
    public String toCsv(String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# The outcome of every claim in every sampled world (owsim claims --uncertainty); do not edit by hand.\n");
        sb.append("# CLAIMS.md and claims.html are rendered from it; tests re-run some of its worlds and fail when it is stale.\n");
        meta(sb, "command", command);
        meta(sb, "name", name);
        meta(sb, "design", design);
        meta(sb, "worlds", Integer.toString(worlds));
        meta(sb, "root-seed", Long.toString(rootSeed));
        meta(sb, "file-hash", fileHash);
        meta(sb, "base-hash", baseHash);
        meta(sb, "claims", String.join(",", claims));
        if (replicated()) {
            meta(sb, "engine", runs.engine().id());
            meta(sb, "users", Integer.toString(runs.users()));
            meta(sb, "replications", Integer.toString(runs.replications()));
        }
        for (String c : claims) {
            double[] d = defaults.get(c);
            if (d != null) meta(sb, BASE_OUTCOME, c + "," + (d[0] > 0 ? 1 : 0) + "," + Double.toString(d[1]));
        }
        sb.append(String.join(",", header())).append('\n');
        for (WorldOutcome o : outcomes) sb.append(row(o, replicated())).append('\n');
        return sb.toString();
    }

    /** Whether the table has the agent engine's keys and replication column (anything but the aggregate engine's one run per world). */
    private boolean replicated() {
        return !runs.equals(WorldRunner.Runs.AGGREGATE);
    }

    /** Writes {@link #toCsv} to the file. */
    public void write(Path file, String command) {
        try {
            Files.writeString(file, toCsv(command), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One outcome as its CSV line (no line end): what a re-run world is compared with. */
    public static String row(WorldOutcome o) {
        return row(o, false);
    }

    /** As {@link #row(WorldOutcome)}, with the replication column when {@code replicated}. */
    public static String row(WorldOutcome o, boolean replicated) {
        List<String> f = new ArrayList<>();
        f.add(Integer.toString(o.world()));
        if (replicated) f.add(Integer.toString(o.replication()));
        f.add(Long.toString(o.seed()));
        for (double v : o.parameters()) f.add(number(v));
        f.add(o.claim());
        f.add(Boolean.toString(o.holds()));
        f.add(number(o.margin()));
        f.add(o.marginUnit());
        f.add(o.verdict());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(f.get(i)));
        }
        return sb.toString();
    }

    /** The outcome of {@code claim} in {@code world}, or null. */
    public WorldOutcome outcome(int world, String claim) {
        return outcome(world, 0, claim);
    }

    /** The outcome of {@code claim} in replication {@code replication} of {@code world}, or null. */
    public WorldOutcome outcome(int world, int replication, String claim) {
        int c = claims.indexOf(claim);
        int id = (world * runs.replications() + replication) * claims.size() + c;
        if (c < 0 || replication < 0 || replication >= runs.replications() || id < 0 || id >= outcomes.size()) return null;
        WorldOutcome o = outcomes.get(id);
        return o.world() == world && o.replication() == replication && o.claim().equals(claim) ? o : null;
    }

    private List<String> header() {
        List<String> h = new ArrayList<>(List.of("world"));
        if (replicated()) h.add("replication");
        h.add("seed");
        h.addAll(paths());
        h.addAll(TAIL);
        return h;
    }

    private static void meta(StringBuilder sb, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) throw new IllegalArgumentException(key + " has a line break: " + value);
        sb.append("# ").append(key).append(": ").append(value).append('\n');
    }

    /** Shortest text that reads back to the same double (empty for a margin the claim does not give, as the store's NULL). */
    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** A field as RFC 4180 writes it; one line per row, so a line break (which no verdict has) is refused, not quoted. */
    private static String quote(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) throw new IllegalArgumentException("a field with a line break: " + s);
        return Csv.field(s);
    }

    /**
     * Reads a table written for {@code set}: its hashes must be the set's (else it is stale and the
     * message says how to regenerate it), its header the set's parameters, every world x claim
     * present once, and every world's values and seed those the design gives.
     */
    public static OutcomeTable read(Path file, UncertaintySet set) {
        return parse(file.toString(), InputFiles.read(file), set);
    }

    /** Parses the CSV text; {@code source} names it in errors. */
    public static OutcomeTable parse(String source, String text, UncertaintySet set) {
        String[] lines = text.split("\n", -1);
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, double[]> defaults = new LinkedHashMap<>();
        List<Integer> defaultLines = new ArrayList<>();
        int i = 0;
        for (; i < lines.length && lines[i].startsWith("#"); i++) {
            Matcher m = META.matcher(strip(lines[i]));
            if (!m.matches()) continue;
            String key = m.group(1);
            if (key.equals(BASE_OUTCOME)) {
                meta.putIfAbsent(BASE_OUTCOME, "");
                defaultLines.add(i);
                continue;
            }
            if (!KEYS.contains(key) && !RUN_KEYS.contains(key)) {
                throw new InputException(source, i + 1, 3, key, "unknown key; the keys are " + String.join(", ", KEYS) + ", " + String.join(", ", RUN_KEYS)
                    + ", " + BASE_OUTCOME);
            }
            if (meta.put(key, m.group(2)) != null) throw new InputException(source, i + 1, 3, key, "appears twice");
        }
        for (String k : KEYS) {
            if (!meta.containsKey(k)) throw new InputException(source, i + 1, 0, k, "missing: the comment lines before the header must give '# " + k + ": ...'");
        }
        String command = meta.get("command");
        String regenerate = "; regenerate it with " + command;
        if (!meta.get("file-hash").equals(set.experiment().fileHash())) {
            throw new InputException(source, 0, 0, null, "is stale: it was made from another version of " + set.experiment().source()
                + " (or another number of worlds or set of claims)" + regenerate);
        }
        if (!meta.get("base-hash").equals(set.experiment().baseHash())) {
            throw new InputException(source, 0, 0, null, "is stale: it was made on another base scenario (the default world changed)" + regenerate);
        }
        List<String> claims = List.of(meta.get("claims").split(","));
        WorldRunner.Runs runs = runs(source, meta, i + 1);
        boolean replicated = !runs.equals(WorldRunner.Runs.AGGREGATE);
        int reps = runs.replications();
        int r0 = replicated ? 1 : 0;  // columns before the seed's shift by one with the replication column
        List<Parameter> params = set.experiment().parameters();
        int k = params.size();
        int worlds = set.worlds();
        checkMeta(source, meta, "name", set.experiment().name(), regenerate);
        checkMeta(source, meta, "design", set.experiment().design().name(), regenerate);
        checkMeta(source, meta, "worlds", Integer.toString(worlds), regenerate);
        checkMeta(source, meta, "root-seed", Long.toString(set.experiment().rootSeed()), regenerate);
        for (int at : defaultLines) {
            Matcher m = META.matcher(strip(lines[at]));
            m.matches();
            List<Field> f = fields(source, at + 1, m.group(2), m.start(2) + 1);
            if (f.size() != 3) throw new InputException(source, at + 1, m.start(2) + 1, BASE_OUTCOME, "must be claim,holds (1 or 0),margin; has " + f.size() + " values");
            String claim = f.get(0).text;
            if (!claims.contains(claim)) throw new InputException(source, at + 1, f.get(0).column, BASE_OUTCOME, "'" + claim + "' is not one of the claims " + String.join(",", claims));
            double holds = switch (f.get(1).text) {
                case "1" -> 1;
                case "0" -> 0;
                default -> throw new InputException(source, at + 1, f.get(1).column, BASE_OUTCOME, "holds must be 1 or 0, was '" + f.get(1).text + "'");
            };
            double margin;
            try {
                // As the store keeps it: NaN or infinite when the claim's margin is.
                margin = Double.parseDouble(f.get(2).text);
            } catch (NumberFormatException e) {
                throw new InputException(source, at + 1, f.get(2).column, BASE_OUTCOME, "'" + f.get(2).text + "' is not a number");
            }
            if (defaults.put(claim, new double[] {holds, margin}) != null) throw new InputException(source, at + 1, f.get(0).column, BASE_OUTCOME, "claim " + claim + " appears twice");
        }
        if (i >= lines.length || strip(lines[i]).isEmpty()) throw new InputException(source, i + 1, 0, null, "no header line after the comment lines");
        List<String> expected = new ArrayList<>(List.of("world"));
        if (replicated) expected.add("replication");
        expected.add("seed");
        expected.addAll(params.stream().map(Parameter::path).toList());
        expected.addAll(TAIL);
        List<Field> header = fields(source, i + 1, strip(lines[i]), 1);
        for (int c = 0; c < Math.max(header.size(), expected.size()); c++) {
            String got = c < header.size() ? header.get(c).text : null;
            String want = c < expected.size() ? expected.get(c) : null;
            if (got == null || !got.equals(want)) {
                throw new InputException(source, i + 1, c < header.size() ? header.get(c).column : 0, null, "header column " + (c + 1) + " is "
                    + (got == null ? "missing" : "'" + got + "'") + ", expected " + (want == null ? "no more columns" : "'" + want + "'")
                    + " (the uncertainty file's parameters, in order)" + regenerate);
            }
        }
        SampleMatrix sample = set.sample();
        WorldOutcome[] byId = new WorldOutcome[worlds * reps * claims.size()];
        int rows = 0;
        for (int n = i + 1; n < lines.length; n++) {
            String line = strip(lines[n]);
            if (line.isEmpty() && n == lines.length - 1) break;
            List<Field> f = fields(source, n + 1, line, 1);
            if (f.size() != expected.size()) throw new InputException(source, n + 1, 0, null, "has " + f.size() + " values, the header has " + expected.size() + " columns");
            int world = (int) parseLong(source, n + 1, f.get(0), "world");
            if (world < 0 || world >= worlds) throw new InputException(source, n + 1, f.get(0).column, "world", world + " is outside 0.." + (worlds - 1));
            int replication = 0;
            if (replicated) {
                replication = (int) parseLong(source, n + 1, f.get(1), "replication");
                if (replication < 0 || replication >= reps) throw new InputException(source, n + 1, f.get(1).column, "replication", replication + " is outside 0.." + (reps - 1));
            }
            long seed = parseLong(source, n + 1, f.get(1 + r0), "seed");
            long expectedSeed = WorldRunner.seed(set.experiment().rootSeed(), world, replication, runs.engine());
            if (seed != expectedSeed) {
                throw new InputException(source, n + 1, f.get(1 + r0).column, "seed", seed + " is not " + (replicated ? "replication " + replication + " of " : "")
                    + "world " + world + "'s seed " + expectedSeed + regenerate);
            }
            double[] values = new double[k];
            double[] designed = sample.row(world);
            for (int j = 0; j < k; j++) {
                values[j] = parseDouble(source, n + 1, f.get(2 + r0 + j), params.get(j).path());
                if (Double.doubleToLongBits(values[j]) != Double.doubleToLongBits(designed[j])) {
                    throw new InputException(source, n + 1, f.get(2 + r0 + j).column, params.get(j).path(), f.get(2 + r0 + j).text + " is not world " + world
                        + "'s value " + designed[j] + " in the design" + regenerate);
                }
            }
            int at = k + r0;  // the claim's column is the first after the parameters
            Field claimField = f.get(2 + at);
            int c = claims.indexOf(claimField.text);
            if (c < 0) throw new InputException(source, n + 1, claimField.column, "claim", "'" + claimField.text + "' is not one of the claims " + String.join(",", claims));
            Field holdsField = f.get(3 + at);
            boolean holds = switch (holdsField.text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InputException(source, n + 1, holdsField.column, "holds", "must be true or false, was '" + holdsField.text + "'");
            };
            Field marginField = f.get(4 + at);
            double margin = marginField.text.isEmpty() ? Double.NaN : parseDouble(source, n + 1, marginField, "margin");
            int id = (world * reps + replication) * claims.size() + c;
            if (byId[id] != null) {
                throw new InputException(source, n + 1, claimField.column, "claim", "world " + world + (replicated ? ", replication " + replication : "")
                    + ", claim " + claimField.text + " appears twice");
            }
            byId[id] = new WorldOutcome(id, world, replication, claimField.text, seed, values, f.get(6 + at).text, holds, margin, f.get(5 + at).text);
            rows++;
        }
        if (rows != byId.length) {
            int missing = 0;
            while (byId[missing] != null) missing++;
            throw new InputException(source, lines.length, 0, null, "has " + rows + " of " + byId.length + " rows (" + worlds + " worlds x "
                + (replicated ? reps + " replications x " : "") + claims.size() + " claims); the first missing is world " + missing / claims.size() / reps
                + (replicated ? ", replication " + missing / claims.size() % reps : "") + ", claim " + claims.get(missing % claims.size()) + regenerate);
        }
        return new OutcomeTable(meta.get("name"), meta.get("design"), worlds, set.experiment().rootSeed(), params, claims, defaults,
            Arrays.asList(byId), meta.get("file-hash"), meta.get("base-hash"), runs);
    }

    /** The keys engine, users and replications: all three or none (none: the aggregate engine, one run per world). */
    private static WorldRunner.Runs runs(String source, Map<String, String> meta, int line) {
        long given = RUN_KEYS.stream().filter(meta::containsKey).count();
        if (given == 0) return WorldRunner.Runs.AGGREGATE;
        for (String key : RUN_KEYS) {
            if (!meta.containsKey(key)) throw new InputException(source, line, 0, key, "missing: a table with '# engine: ...' also gives '# " + key + ": ...'");
        }
        try {
            return new WorldRunner.Runs(owsim.market.EngineKind.parse(meta.get("engine")), Integer.parseInt(meta.get("users")),
                Integer.parseInt(meta.get("replications")));
        } catch (IllegalArgumentException e) {
            throw new InputException(source, line, 0, "engine", "engine, users and replications do not fit: " + e.getMessage());
        }
    }

    private static void checkMeta(String source, Map<String, String> meta, String key, String expected, String regenerate) {
        if (!meta.get(key).equals(expected)) {
            throw new InputException(source, 0, 0, key, "is '" + meta.get(key) + "', the uncertainty file gives '" + expected + "'" + regenerate);
        }
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static long parseLong(String source, int line, Field f, String column) {
        try {
            return Long.parseLong(f.text);
        } catch (NumberFormatException e) {
            throw new InputException(source, line, f.column, column, "'" + f.text + "' is not an integer");
        }
    }

    private static double parseDouble(String source, int line, Field f, String column) {
        double v;
        try {
            v = Double.parseDouble(f.text);
        } catch (NumberFormatException e) {
            throw new InputException(source, line, f.column, column, "'" + f.text + "' is not a number");
        }
        if (!Double.isFinite(v)) throw new InputException(source, line, f.column, column, "must be a finite number, was " + f.text);
        return v;
    }

    /** A field's text and its 1-based column (character position) in the line. */
    private record Field(String text, int column) {}

    /** Splits one line into RFC 4180 fields; {@code offset} is the column of the text's first character. */
    private static List<Field> fields(String source, int line, String text, int offset) {
        List<Field> out = new ArrayList<>();
        int p = 0;
        while (true) {
            int start = p;
            StringBuilder sb = new StringBuilder();
            if (p < text.length() && text.charAt(p) == '"') {
                p++;
                while (true) {
                    if (p >= text.length()) throw new InputException(source, line, offset + start, null, "a quoted field is not closed");
                    char ch = text.charAt(p);
                    if (ch == '"') {
                        if (p + 1 < text.length() && text.charAt(p + 1) == '"') {
                            sb.append('"');
                            p += 2;
                            continue;
                        }
                        p++;
                        break;
                    }
                    sb.append(ch);
                    p++;
                }
                if (p < text.length() && text.charAt(p) != ',') throw new InputException(source, line, offset + p, null, "text after a quoted field's closing quote");
            } else {
                while (p < text.length() && text.charAt(p) != ',') {
                    if (text.charAt(p) == '"') throw new InputException(source, line, offset + p, null, "a double quote inside an unquoted field (quote the field and double the quote)");
                    sb.append(text.charAt(p));
                    p++;
                }
            }
            out.add(new Field(sb.toString(), offset + start));
            if (p >= text.length()) return out;
            p++;  // the comma
        }
    }
}
