package owsim.cli.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import owsim.catalog.Catalog;
import owsim.cli.Main;

/**
 * Runs a case's command lines in-process through {@link Main#execute} and judges them: exit 0 with
 * only finite numbers in what was printed and written (or exit 1 with cost serve's documented "does
 * not fit" answer), or exit 2 with a message naming the file and a place in it; never another exit
 * 1, an escaping throwable, internal text (a stack frame, an exception's class name) or a run past
 * the time bound.
 */
final class Oracle {
    /** A word NaN or Infinity (not part of a longer name such as POSITIVE_INFINITY). */
    private static final Pattern NON_FINITE = Pattern.compile("(?i)(?<![\\w.])[-+]?(nan|inf|infinity)(?!\\w)");
    /** A stack frame, a library's class or method name, an exception or error class, or a JVM message. */
    // Linear in the output: an exception's name is matched from a word's start, so a 200,000-character
    // word echoed from a fuzzed field is not searched from each of its letters (that was quadratic).
    private static final Pattern INTERNAL = Pattern.compile(
        "(\\n\\s+at [\\w$.]+\\()|\\b[A-Z]\\w+\\.\\w+\\(\\)|\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.yaml|org\\.duckdb|picocli)\\.[\\w.$]+|(?<!\\w)\\w{0,200}(Exception|Error)\\b|/ by zero");
    /**
     * A JSON null: owsim writes a non-finite number as null there. The one text field that may be
     * null (a cost answer's note) is not a number.
     */
    private static final Pattern JSON_NULL = Pattern.compile("\"(?!note\")(\\w+)\"\\s*:\\s*null\\b");
    private static final Pattern DOCUMENTED_UNDEFINED = Pattern.compile(
        "[,\"](openModelLagMonths|bestOpenCapability|bestClosedCapability|usdPerMillionTokensAtFixedCapability)[,\"]");
    /** Where in the file: file:line, "line N", or a byte offset. */
    private static final Pattern POSITION = Pattern.compile("(?i)(:\\d+|line \\d+|byte \\d+|offset \\d+)");

    /** What went wrong, or {@code null}; {@code kind} groups failures that are one bug. */
    record Violation(String kind, String detail) {}

    private final long timeoutMillis;

    Oracle(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    Violation judge(InputKind kind, Path input, Path dir) {
        for (String[] args : kind.commands(input, dir)) {
            Ran r = run(args);
            String line = String.join(" ", args).replace(dir.toString(), "DIR");
            if (r.hang) return new Violation("hang", line + ": no exit within " + timeoutMillis + " ms");
            if (r.thrown != null) return new Violation("throwable " + r.thrown.getClass().getSimpleName(), line + ": " + r.thrown);
            Matcher internal = INTERNAL.matcher(r.out + r.err);
            if (internal.find()) return new Violation("internal text '" + internal.group().strip() + "'", line + ": " + r.err.strip());
            if (r.exit == 2) {
                String names = Stream.of(args).filter(a -> a.startsWith(dir.toString())).map(a -> Path.of(a).getFileName().toString())
                    .filter(r.err::contains).findFirst().orElse(null);
                if (names == null) return new Violation("exit 2 without the file's name", line + ": " + r.err.strip());
                if (!POSITION.matcher(r.err).find()) return new Violation("exit 2 without a line", line + ": " + r.err.strip());
                return null;
            }
            // cost serve's documented answer for a model that needs more memory than the devices have
            // (an edited catalog can be valid and still leave a model without room): exit 1 with what is missing.
            boolean doesNotFit = r.exit == 1 && r.err.startsWith("owsim: does not fit on ");
            if (r.exit != 0 && !doesNotFit) return new Violation("exit " + r.exit, line + ": " + r.err.strip());
            if (doesNotFit) continue; // a deployment that does not fit has no throughput or cost: its JSON writes them as null
            String out = rentedCostsUndefined(args) ? RENTED_COST_NULL.matcher(r.out).replaceAll("") : r.out;
            String bad = nonFinite(out, dir, input);
            if (bad != null) return new Violation("exit 0 with a non-finite number", line + ": " + bad);
        }
        return null;
    }

    private record Ran(int exit, String out, String err, Throwable thrown, boolean hang) {}

    private Ran run(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Throwable[] thrown = {null};
        Thread t = new Thread(() -> {
            try {
                exit[0] = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "fuzz-case");
        t.setDaemon(true);
        t.start();
        try {
            t.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            t.interrupt();
            return new Ran(-1, out.toString(), err.toString(), null, true);
        }
        return new Ran(exit[0], out.toString(), err.toString(), thrown[0], false);
    }

    /** A cost answer's rented costs, null by design (ServeResult) for hardware that cannot be rented. */
    private static final Pattern RENTED_COST_NULL = Pattern.compile("\"usdPerMillion(Input|Output)Tokens\"\\s*:\\s*null");

    /**
     * Whether the command is {@code cost serve} on hardware its catalog says cannot be rented (an edit
     * can delete or zero the rental price): then its rented costs are documented as null.
     */
    private static boolean rentedCostsUndefined(String[] args) {
        List<String> a = List.of(args);
        int hw = a.indexOf("--hardware");
        int cat = a.indexOf("--catalog");
        if (a.size() < 2 || !a.get(0).equals("cost") || !a.get(1).equals("serve") || hw < 0 || cat < 0) return false;
        try {
            return !Catalog.bundledPlus(Path.of(a.get(cat + 1))).accelerator(a.get(hw + 1)).rentable();
        } catch (RuntimeException e) {
            return false; // the command itself reported the catalog's error
        }
    }

    /** The first non-finite number printed or written (text files only; a results store is read through its export), or null. */
    private static String nonFinite(String stdout, Path dir, Path input) {
        String s = find(stdout, "stdout");
        if (s != null) return s;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                if (f.equals(input) || f.toString().endsWith(".duckdb") || f.toString().endsWith(".wal")) continue;
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                s = find(text, dir.relativize(f).toString());
                if (s == null && f.toString().endsWith(".csv")) s = emptyCell(text, dir.relativize(f).toString());
                if (s != null) return s;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    private static String find(String text, String where) {
        for (Pattern p : new Pattern[] {NON_FINITE, JSON_NULL}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (documentedUndefined(text, m.start())) continue;
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                return where + " line " + line + ": '" + m.group() + "'";
            }
        }
        return null;
    }

    /**
     * Whether the match is on a line of one of the four market series that docs/SCENARIOS.md says are NaN (null in
     * JSON) until what they measure exists: no open or closed model yet, no model at the fixed capability yet.
     */
    private static boolean documentedUndefined(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end);
        return DOCUMENTED_UNDEFINED.matcher(line).find();
    }

    /** An empty CSV field: the results store keeps a non-finite metric as NULL, which its export writes as nothing. */
    private static String emptyCell(String text, String where) {
        List<String> lines = text.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith(",") || l.endsWith(",") || l.contains(",,")) return where + " line " + (i + 1) + ": empty field (a NULL metric)";
        }
        return null;
    }
}
