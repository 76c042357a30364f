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
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The fuzz harness of docs/RELIABILITY.md: changed copies of the shipped scenario, experiment,
 * catalog and Hugging Face config files, each run end to end through {@code Main.execute}, must
 * exit 0 with finite numbers only or exit 2 naming the file and a line (see {@link Oracle}).
 *
 * <p>Run by failsafe in {@code mvn verify} with the tries of {@code owsim.fuzz.tries} per property
 * (four properties); {@code -Pfuzz} raises it to 2,500 (10,000 cases). Fixed seeds: a build
 * makes the same cases every time. With {@code -Dowsim.fuzz.collect=true} a failing case does not
 * stop its property: every case runs, each failure is appended to target/fuzz/failures.tsv, and
 * the class fails at its end if any was written (for a survey of all failure classes at once).
 */
class InputFuzzIT {
    private static final Path WORK = Path.of("target", "fuzz");
    private static final Path FAILURES = WORK.resolve("failures.tsv");
    private static final boolean COLLECT = Boolean.getBoolean("owsim.fuzz.collect");
    private static final Oracle ORACLE = new Oracle(1000L * Long.getLong("owsim.fuzz.timeoutSeconds", 120));

    @Example
    void everyShippedFileAsItIsPasses() throws IOException {
        for (InputKind k : InputKind.values()) {
            for (int f = 0; f < k.seedFiles().size(); f++) {
                for (boolean block : new boolean[] {false, true}) check(new FuzzCase(k, f, block, List.of()), false);
            }
        }
    }

    @Property(seed = "1202", shrinking = ShrinkingMode.BOUNDED)
    void scenarioFiles(@ForAll("scenarios") FuzzCase c) throws IOException {
        check(c, COLLECT);
    }

    @Property(seed = "1203", shrinking = ShrinkingMode.BOUNDED)
    void experimentFiles(@ForAll("experiments") FuzzCase c) throws IOException {
        check(c, COLLECT);
    }

    @Property(seed = "1204", shrinking = ShrinkingMode.BOUNDED)
    void catalogFiles(@ForAll("catalogs") FuzzCase c) throws IOException {
        check(c, COLLECT);
    }

    @Property(seed = "1205", shrinking = ShrinkingMode.BOUNDED)
    void huggingFaceConfigs(@ForAll("configs") FuzzCase c) throws IOException {
        check(c, COLLECT);
    }

    @Provide Arbitrary<FuzzCase> scenarios() {
        return cases(InputKind.SCENARIO);
    }

    @Provide Arbitrary<FuzzCase> experiments() {
        return cases(InputKind.EXPERIMENT);
    }

    @Provide Arbitrary<FuzzCase> catalogs() {
        return cases(InputKind.CATALOG);
    }

    @Provide Arbitrary<FuzzCase> configs() {
        return cases(InputKind.HF_CONFIG);
    }

    private static Arbitrary<FuzzCase> cases(InputKind kind) {
        Arbitrary<Double> place = Arbitraries.doubles().between(0, 1).ofScale(4);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Edit.Op.class), place, place, Arbitraries.longs().between(0, 1_000_000))
            .as(Edit::new);
        return Combinators.combine(Arbitraries.integers().between(0, kind.seedFiles().size() - 1), Arbitraries.of(false, true),
            edit.list().ofMinSize(1).ofMaxSize(3)).as((file, block, edits) -> new FuzzCase(kind, file, block, edits));
    }

    @AfterContainer
    static void noFailureCollected() throws IOException {
        if (COLLECT && Files.exists(FAILURES)) {
            throw new AssertionError("fuzz failures (one a line, kind, case, detail): " + FAILURES.toAbsolutePath() + "\n"
                + Files.readString(FAILURES));
        }
    }

    private static void check(FuzzCase c, boolean collect) throws IOException {
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
        if (collect) {
            String row = String.join("\t", v.kind(), c.toString(), v.detail().replace('\n', ' ').replace('\t', ' ')) + "\n";
            Files.writeString(FAILURES, row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
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
