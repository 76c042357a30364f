package owsim.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The four kinds of input file a user hands owsim, the shipped valid files each kind's cases are
 * made from (paths from the owsim-cli module, where Maven runs the tests), and the command lines
 * that read one: the first reads the file, the next (run only after the first succeeded) uses
 * what it made. {@code IN} stands for the input file, {@code DIR} for the case's own folder.
 */
enum InputKind {
    SCENARIO(".yaml", List.of("../owsim-core/src/main/resources/owsim/scenario/default.yaml", "../scenarios"),
        List.of(List.of("run", "IN", "--out", "DIR/out", "--format", "json"))),
    EXPERIMENT(".yaml", List.of("../experiments/small-grid.yaml", "../experiments/morris-screen.yaml"),
        List.of(List.of("sweep", "IN", "--out", "DIR/results.duckdb", "--threads", "1"),
            List.of("export", "DIR/results.duckdb", "--csv", "--out", "DIR/results.csv"))),
    CATALOG(".yaml", List.of("../owsim-core/src/main/resources/owsim/catalog/accelerators.yaml",
        "../owsim-core/src/main/resources/owsim/catalog/models.yaml"),
        List.of(List.of("catalog", "list", "--catalog", "IN", "--format", "json"),
            List.of("cost", "serve", "--model", "deepseek-v3", "--hardware", "h100-sxm", "--catalog", "IN", "--format", "json"))),
    HF_CONFIG(".json", List.of("../owsim-core/src/test/resources/hf"),
        List.of(List.of("catalog", "import-hf", "IN", "--id", "fuzz-model", "--out", "DIR/model.yaml"),
            List.of("cost", "serve", "--model", "fuzz-model", "--hardware", "h100-sxm", "--catalog", "DIR/model.yaml", "--format", "json")));

    private final String suffix;
    private final List<Path> seedFiles;
    private final List<List<String>> commands;

    InputKind(String suffix, List<String> seeds, List<List<String>> commands) {
        this.suffix = suffix;
        this.seedFiles = expand(seeds);
        this.commands = commands;
    }

    String suffix() {
        return suffix;
    }

    boolean json() {
        return suffix.equals(".json");
    }

    /** The shipped valid files, in a fixed order (a folder stands for its files of this kind). */
    List<Path> seedFiles() {
        return seedFiles;
    }

    /** The command lines with the input file and the case's folder filled in. */
    List<String[]> commands(Path input, Path dir) {
        List<String[]> out = new ArrayList<>();
        for (List<String> c : commands) {
            out.add(c.stream().map(a -> a.equals("IN") ? input.toString() : a.replace("DIR", dir.toString())).toArray(String[]::new));
        }
        return out;
    }

    private List<Path> expand(List<String> seeds) {
        List<Path> out = new ArrayList<>();
        for (String s : seeds) {
            Path p = Path.of(s);
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> files = Files.list(p)) {
                files.filter(f -> f.toString().endsWith(suffix)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }
}
