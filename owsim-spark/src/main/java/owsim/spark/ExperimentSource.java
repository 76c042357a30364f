package owsim.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import owsim.catalog.Catalog;
import owsim.catalog.CatalogFile;
import owsim.experiment.Experiment;
import owsim.experiment.ExperimentRunner;
import owsim.experiment.Experiments;
import owsim.io.InputFiles;
import owsim.io.StrictYaml;

/**
 * Everything an executor needs to rebuild the driver's experiment, as text: executors may run on
 * machines that cannot see the driver's files. The experiment file, the files it names by a
 * relative path (a base scenario, a csv sample) and the user's catalog travel inside the task
 * closure; each executor parses them again, and the hashes the driver computed prove it got the
 * same experiment.
 *
 * @param source the experiment file as the user named it, for messages
 * @param yaml the experiment file's text
 * @param files text of each file the experiment names by a relative path, keyed by that path
 * @param catalogSource the catalog file as named, or null for the bundled catalog alone
 * @param catalogYaml that file's text, or null
 * @param baseSource the base scenario file given on the command line ({@code --base}), or null for the experiment's own
 * @param baseText that file's text, or null
 * @param fileHash the experiment's hash on the driver
 * @param baseHash the base scenario's hash on the driver
 */
public record ExperimentSource(String source, String yaml, Map<String, String> files, String catalogSource, String catalogYaml,
                               String baseSource, String baseText, String fileHash, String baseHash) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ExperimentSource {
        files = Map.copyOf(files);
    }

    /**
     * Collects, on the driver, the texts behind an experiment loaded from {@code experimentFile}
     * and an optional catalog file; errors name the file.
     */
    public static ExperimentSource of(Experiment e, Path experimentFile, Path catalogFile) {
        return of(e, experimentFile, null, catalogFile);
    }

    /** As {@link #of(Experiment, Path, Path)}, with the base scenario given on the command line ({@code --base}) when not null. */
    public static ExperimentSource of(Experiment e, Path experimentFile, Path baseFile, Path catalogFile) {
        Map<String, String> files = new LinkedHashMap<>();
        Path dir = experimentFile.toAbsolutePath().getParent();
        String base = e.spec().base();
        if (baseFile == null && !base.equals("default")) addRelative(files, dir, base);
        if (e.spec().design().kind().equals("csv")) addRelative(files, dir, e.spec().design().file());
        String catalogText = catalogFile == null ? null : InputFiles.read(catalogFile);
        return new ExperimentSource(e.source(), e.yamlText(), files, catalogFile == null ? null : catalogFile.toString(), catalogText,
            baseFile == null ? null : baseFile.toString(), baseFile == null ? null : InputFiles.read(baseFile), e.fileHash(), e.baseHash());
    }

    // An absolute path is left to be read where it is, as every Spark job reads absolute paths.
    private static void addRelative(Map<String, String> files, Path dir, String name) {
        if (!Path.of(name).isAbsolute()) files.put(name, InputFiles.read(dir.resolve(name)));
    }

    /**
     * A runner of the experiment parsed from the shipped text, with the catalog; refuses an
     * experiment that does not hash as it did on the driver. Files are laid out in a temporary
     * directory only while the runner is built: it samples the design (reading a csv file) then.
     */
    public ExperimentRunner runner() {
        Path root = null;
        try {
            Path dir;
            if (files.isEmpty()) {
                dir = Path.of("").toAbsolutePath();
            } else {
                root = Files.createTempDirectory("owsim-experiment");
                dir = lay(root);
            }
            Experiment e = Experiments.parse(source, yaml, dir, baseSource, baseText);
            if (!e.fileHash().equals(fileHash) || !e.baseHash().equals(baseHash)) {
                throw new IllegalStateException(source + ": the experiment rebuilt on an executor differs from the driver's "
                    + "(a file it names by an absolute path differs between machines)");
            }
            return new ExperimentRunner(e, catalog());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot lay out the experiment's files: " + ex.getMessage(), ex);
        } finally {
            if (root != null) delete(root);
        }
    }

    /** The bundled catalog plus the user's file, if any. */
    public Catalog catalog() {
        Catalog bundled = Catalog.bundled();
        return catalogYaml == null ? bundled : bundled.with(new StrictYaml().read(catalogSource, catalogYaml, CatalogFile.class));
    }

    /**
     * Writes the shipped files under {@code root} so that each relative path resolves from the
     * returned directory as it did from the experiment's own: the directory sits as many levels
     * below {@code root} as the paths climb with "..".
     */
    private Path lay(Path root) throws IOException {
        int up = files.keySet().stream().mapToInt(ExperimentSource::levelsUp).max().orElse(0);
        Path dir = root;
        for (int i = 0; i < up; i++) dir = dir.resolve("d" + i);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey()).normalize();
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static int levelsUp(String relative) {
        int n = 0;
        for (Path part : Path.of(relative).normalize()) {
            if (!part.toString().equals("..")) break;
            n++;
        }
        return n;
    }

    private static void delete(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // only a temporary directory left behind
        }
    }
}
