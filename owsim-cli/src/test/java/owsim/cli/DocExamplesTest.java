package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every owsim command line in README.md and docs/*.md, as written: the lines of code blocks that
 * start with {@code ./owsim} or {@code owsim}, and the {@code `./owsim ...`} spans of tables and
 * prose. A synopsis (placeholders in capitals, [optional] parts, a|b choices) must name an existing
 * command and only its options; an example is run through {@link Main#execute} and must exit 0, or
 * the code its comment gives ("exit 1"). Examples run in document order in one temporary directory
 * per document: a path that exists in the repository is read from there, any other path (and every
 * {@code --out}) is in the temporary directory, and {@code run} and {@code sweep} without
 * {@code --out} get one there, so nothing is written into the repository.
 */
class DocExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Examples not run, each with the reason; every other example is run. */
    private static final Map<String, String> SKIPPED = Map.of(
        "owsim sweep experiments/sobol-twenty.yaml --out sobol-twenty.duckdb --threads 2",
        "the benchmark itself: 22,528 runs, minutes on 2 cores",
        "owsim analyze sobol-twenty.duckdb --out report/",
        "reads the results of the skipped sweep above",
        "owsim calibrate calibration/four-labs-2025.yaml --scenario scenarios/four-labs-2025.yaml --out calibration --doc docs/CALIBRATION.md",
        "rewrites docs/CALIBRATION.md itself, the four-lab world's section (about 1,000 runs); CalibrationDocTest checks its output is current",
        "owsim claims default --out docs --uncertainty experiments/claims-uncertainty.yaml",
        "the 256-world run that makes docs/CLAIMS.md and its outcome table (minutes on 2 cores); ClaimsTest and CommittedOutcomesTest check they are current");

    private static final Pattern SPAN = Pattern.compile("`(\\./owsim [^`]*)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[a-z]+)?|.*[\\[\\]|].*|.*\\.\\.\\..*");
    private static final Pattern EXPECTED_EXIT = Pattern.compile("exits? (\\d)");
    private static final Pattern PATH_LIKE = Pattern.compile(".*/.*|.*\\.(yaml|yml|json|duckdb|csv|parquet|html|txt)");

    @TempDir Path tmp;

    /** One command line found in a document. */
    record Example(String doc, int line, String text, int expectedExit) {
        @Override public String toString() {
            return doc + ":" + line + ": " + text;
        }
    }

    /** A shell word and whether any of it was quoted (quoted words are never placeholders). */
    record Word(String text, boolean quoted) {}

    @TestFactory
    Stream<DynamicTest> everyCommandInTheDocsRunsAsWritten() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs()) {
            Path dir = tmp.resolve(doc.getFileName().toString());
            for (Example e : examples(doc)) {
                tests.add(DynamicTest.dynamicTest(e.toString(), () -> check(e, dir)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    @Test
    void theExtractorFindsBlocksSpansAndTheirExpectedExit() throws IOException {
        Path doc = Files.writeString(tmp.resolve("x.md"), """
            ```
            ./owsim cost serve --model a --hardware b   # does not fit, exit 1
            owsim analyze R.duckdb [--out DIR]
            mvn verify
            ```
            In prose `./owsim catalog list` (it exits 0), `./owsim cost serve --model a` (exits 1), and a table cell | `./owsim export R.duckdb --csv\\|--parquet` |, not `owsim run`.
            """);
        List<Example> found = examples(doc);
        assertThat(found).extracting(Example::text).containsExactly("./owsim cost serve --model a --hardware b", "owsim analyze R.duckdb [--out DIR]",
            "./owsim catalog list", "./owsim cost serve --model a", "./owsim export R.duckdb --csv|--parquet");
        assertThat(found).extracting(Example::expectedExit).containsExactly(1, 0, 0, 1, 0);
        assertThat(isSynopsis(words(found.get(1).text()))).isTrue();
        assertThat(isSynopsis(words(found.get(4).text()))).isTrue();
        assertThat(isSynopsis(words("./owsim run --set 'labs[a].researchers=4' --months 2"))).isFalse();
        assertThat(words("./owsim run --set 'labs[a].x=4' \"b c\"")).extracting(Word::text).containsExactly("./owsim", "run", "--set", "labs[a].x=4", "b c");
    }

    @Test
    void everyCostOptionIsDocumentedInServingMd() throws IOException {
        String serving = Files.readString(ROOT.resolve("docs/SERVING.md"));
        CommandLine cost = Main.commandLine().getSubcommands().get("cost");
        int options = 0;
        for (CommandLine sub : cost.getSubcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp()) continue;
                assertThat(serving).as("cost " + sub.getCommandName() + " " + o.longestName() + " in docs/SERVING.md")
                    .contains("`" + o.longestName() + " ");
                options++;
            }
        }
        assertThat(options).isGreaterThanOrEqualTo(16);
    }

    private void check(Example e, Path dir) throws IOException {
        List<Word> words = words(e.text());
        for (Word w : words) {
            // Unquoted, a shell reads ( and ) as its own syntax: open-delayed(6) is a syntax error.
            assertThat(w.quoted() || w.text().indexOf('(') < 0 && w.text().indexOf(')') < 0)
                .as(e + ": quote '" + w.text() + "' for the shell").isTrue();
        }
        if (isSynopsis(words)) {
            checkSynopsis(e, words);
            return;
        }
        String key = e.text().startsWith("./") ? e.text().substring(2) : e.text();
        if (SKIPPED.containsKey(key)) return;
        Files.createDirectories(dir);
        List<String> args = arguments(words, dir);
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(e + "\nran as " + args + "\nstderr: " + r.err()).isEqualTo(e.expectedExit());
        assertThat(r.err()).as(e.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The command path of a synopsis exists and every option it names belongs to that command. */
    private static void checkSynopsis(Example e, List<Word> words) {
        CommandLine cl = Main.commandLine();
        int i = 1;
        while (i < words.size() && cl.getSubcommands().containsKey(words.get(i).text())) cl = cl.getSubcommands().get(words.get(i++).text());
        assertThat(cl.getCommandSpec().qualifiedName()).as(e + ": names a command").isNotEqualTo("owsim");
        for (; i < words.size(); i++) {
            for (String part : words.get(i).text().replaceAll("[\\[\\]]", " ").split("[\\s|]+")) {
                if (!part.startsWith("--")) continue;
                String option = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                assertThat(cl.getCommandSpec().findOption(option)).as(e + ": " + option + " is an option of " + cl.getCommandSpec().qualifiedName())
                    .isNotNull();
            }
        }
    }

    /** The words as Main gets them: paths resolved as described in the class comment. */
    private static List<String> arguments(List<Word> words, Path dir) {
        List<String> args = new ArrayList<>();
        boolean hasOut = false;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i).text();
            String previous = i > 1 ? words.get(i - 1).text() : "";
            if (previous.equals("--out")) {
                args.add(dir.resolve(w).toString());
                hasOut = true;
            } else if (!w.startsWith("-") && PATH_LIKE.matcher(w).matches()) {
                Path inRepo = ROOT.resolve(w);
                args.add(Files.exists(inRepo) ? inRepo.toString() : dir.resolve(w).toString());
            } else {
                args.add(w);
            }
        }
        String command = args.get(0);
        if (!hasOut && (command.equals("run") || command.equals("sweep"))) {
            args.add("--out");
            args.add(dir.resolve(command + "-out" + args.size()).toString());
        }
        return args;
    }

    private static boolean isSynopsis(List<Word> words) {
        return words.stream().anyMatch(w -> !w.quoted() && PLACEHOLDER.matcher(w.text()).matches());
    }

    private static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** The command lines of one document, in order. */
    static List<Example> examples(Path doc) throws IOException {
        List<Example> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(doc);
        String name = ROOT.relativize(doc.toAbsolutePath().normalize()).toString();
        boolean inBlock = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.strip().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock) {
                String t = line.strip();
                if (!t.startsWith("./owsim ") && !t.startsWith("owsim ") && !t.equals("./owsim")) continue;
                int hash = t.indexOf(" #");
                String comment = hash < 0 ? "" : t.substring(hash);
                Matcher exit = EXPECTED_EXIT.matcher(comment);
                out.add(new Example(name, n + 1, (hash < 0 ? t : t.substring(0, hash)).strip(), exit.find() ? Integer.parseInt(exit.group(1)) : 0));
            } else {
                // A span's expected exit is given after it, before the next span: "(... exits 1)".
                Matcher m = SPAN.matcher(line);
                List<int[]> spans = new ArrayList<>();
                while (m.find()) spans.add(new int[] {m.start(1), m.end(1)});
                for (int k = 0; k < spans.size(); k++) {
                    String after = line.substring(spans.get(k)[1], k + 1 < spans.size() ? spans.get(k + 1)[0] : line.length());
                    Matcher exit = EXPECTED_EXIT.matcher(after);
                    out.add(new Example(name, n + 1, line.substring(spans.get(k)[0], spans.get(k)[1]).replace("\\|", "|").strip(),
                        exit.find() ? Integer.parseInt(exit.group(1)) : 0));
                }
            }
        }
        return out;
    }

    /** Splits a command line into words as a POSIX shell does for plain words and '...' or "..." quotes. */
    static List<Word> words(String line) {
        List<Word> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                quoted = true;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(new Word(w.toString(), quoted));
                w.setLength(0);
                quoted = false;
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) out.add(new Word(w.toString(), quoted));
        return out;
    }
}
