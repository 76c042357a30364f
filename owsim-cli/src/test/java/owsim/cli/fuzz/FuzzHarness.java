package owsim.cli.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The fuzz harness of docs/RELIABILITY.md, shared by its two classes ({@link ShippedAndScenarioFuzzIT},
 * {@link ExperimentCatalogAndConfigFuzzIT}; failsafe runs them in two JVMs side by side): changed
 * copies of the shipped scenario, experiment, catalog and Hugging Face config files, each run end to
 * end through {@code Main.execute}, must exit 0 with finite numbers only or exit 2 naming the file
 * and a line (see {@link Oracle}).
 *
 * <p>Run by failsafe in {@code mvn verify} with the tries of {@code owsim.fuzz.tries} per property
 * (four properties); {@code -Pfuzz} raises it to 2,500 (10,000 cases). Fixed seeds: a build
 * makes the same cases every time. With {@code -Dowsim.fuzz.collect=true} a failing case does not
 * stop its property: every case runs, each failure is appended to its class's
 * target/fuzz/failures-CLASS.tsv, and the class fails at its end if any was written (for a survey of
 * all failure classes at once).
 */
final class FuzzHarness {
    private static final Path WORK = Path.of("target", "fuzz");
    static final boolean COLLECT = Boolean.getBoolean("owsim.fuzz.collect");
    private static final Oracle ORACLE = new Oracle(1000L * Long.getLong("owsim.fuzz.timeoutSeconds", 120));

    private FuzzHarness() {}

    /** Where a class's collected failures go. */
    static Path failures(Class<?> harness) {
        return WORK.resolve("failures-" + harness.getSimpleName() + ".tsv");
    }

    /** Every shipped file of these kinds, unchanged, in both YAML styles. */
    static void everyShippedFile(InputKind... kinds) throws IOException {
        for (InputKind k : kinds) {
            for (int f = 0; f < k.seedFiles().size(); f++) {
                for (boolean block : new boolean[] {false, true}) check(new FuzzCase(k, f, block, List.of()), null);
            }
        }
    }

    static Arbitrary<FuzzCase> cases(InputKind kind) {
        Arbitrary<Double> place = Arbitraries.doubles().between(0, 1).ofScale(4);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Edit.Op.class), place, place, Arbitraries.longs().between(0, 1_000_000))
            .as(Edit::new);
        return Combinators.combine(Arbitraries.integers().between(0, kind.seedFiles().size() - 1), Arbitraries.of(false, true),
            edit.list().ofMinSize(1).ofMaxSize(3)).as((file, block, edits) -> new FuzzCase(kind, file, block, edits));
    }

    /** Fails if collecting wrote any failure to {@code failures}. */
    static void noFailureCollected(Path failures) throws IOException {
        if (COLLECT && Files.exists(failures)) {
            throw new AssertionError("fuzz failures (one a line, kind, case, detail): " + failures.toAbsolutePath() + "\n"
                + Files.readString(failures));
        }
    }

    /** Runs a case; a violation fails at once, or is appended to {@code collectInto} when that is not null. */
    static void check(FuzzCase c, Path collectInto) throws IOException {
        Path dir = Files.createDirectories(WORK.resolve(UUID.randomUUID().toString())).toAbsolutePath();
        Path input = dir.resolve("fuzz-case" + c.kind().suffix());
        byte[] bytes = Mutator.apply(c);
        Files.write(input, bytes);
        Oracle.Violation v;
        try {
            v = ORACLE.judge(c.kind(), input, dir);
        } finally {
            delete(dir);
        }
        if (v == null) return;
        String preview = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8);
        if (collectInto != null) {
            String row = String.join("\t", v.kind(), c.toString(), v.detail().replace('\n', ' ').replace('\t', ' ')) + "\n";
            Files.writeString(collectInto, row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return;
        }
        throw new AssertionError(v.kind() + "\ncase: " + c + "\n" + v.detail() + "\ninput starts:\n" + preview);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
