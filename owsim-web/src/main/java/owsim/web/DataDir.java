package owsim.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server's files, all under the data directory: posted scenarios and run outputs in
 * {@code runs/ID/}, results stores ({@code *.duckdb}) found by listing. A request names a run by
 * its id and a store by its listed name, never by a path; both are checked before use.
 */
final class DataDir {
    static final String RUNS = "runs";
    static final String SCENARIO_FILE = "scenario.yaml";
    /** A posted uncertainty file (the claims under uncertainty), as its messages name it. */
    static final String UNCERTAINTY_UPLOAD = "uncertainty.yaml";
    /** The files of a run a client may download. */
    static final List<String> RUN_FILES = List.of("timeseries.csv", "summary.json", "report.html", SCENARIO_FILE);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern STORE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.duckdb");

    private final Path root;

    DataDir(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
            Path runs = this.root.resolve(RUNS);
            // runs/ holds this server's own scratch; a previous server's is of no use.
            if (Files.isDirectory(runs)) {
                try (Stream<Path> s = Files.walk(runs)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(runs)) Files.deleteIfExists(p);
                }
            }
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot use '" + root + "' as the data directory: " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /** A new run's directory, with the posted scenario written into it if there is one. */
    Path newRun(String id, String scenarioYaml) {
        Path dir = runDir(id);
        try {
            Files.createDirectories(dir);
            if (scenarioYaml != null) Files.writeString(dir.resolve(SCENARIO_FILE), scenarioYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The directory of a run id the server made; 404 for anything else. */
    Path runDir(String id) {
        if (id == null || !ID.matcher(id).matches()) throw new BadRequest(404, Problem.ofField("run", "no run '" + id + "'"));
        return root.resolve(RUNS).resolve(id);
    }

    /** One downloadable file of a run; 404 if the name is not one of them or the file is not there. */
    Path runFile(String id, String name) {
        if (!RUN_FILES.contains(name)) {
            throw new BadRequest(404, Problem.ofField("file", "no file '" + name + "'; a run has " + String.join(", ", RUN_FILES)));
        }
        Path f = runDir(id).resolve(name);
        if (!Files.isRegularFile(f)) throw new BadRequest(404, Problem.ofField("run", "run '" + id + "' has no " + name));
        return f;
    }

    /**
     * Writes one of a run's files made after the run (see {@link LazyFiles}): staged under a temporary name and moved
     * into place, so a download never reads half a file. Nothing is written when the run's directory is gone (its
     * cache entry was dropped meanwhile); the download then finds no file.
     */
    void writeRunFile(String id, String name, byte[] content) {
        if (!RUN_FILES.contains(name)) throw new IllegalArgumentException("not a run file: " + name);
        Path dir = runDir(id);
        if (!Files.isDirectory(dir)) return;
        Path tmp = dir.resolve("." + name + ".part");
        try {
            Files.write(tmp, content);
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The directory went away between the check and the write (a dropped cache entry): no file, a 404.
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // gone with its directory
            }
        }
    }

    /** Deletes a run's directory (an evicted cache entry). */
    void deleteRun(String id) {
        Path dir = runDir(id);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // A file held open by a download stays until the next start; nothing else depends on it.
        }
    }

    /** The results stores directly in the data directory, by name. */
    List<String> stores() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (STORE.matcher(n).matches() && Files.isRegularFile(p)) names.add(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.sort(null);
        return names;
    }

    /** The store of a listed name; 404 for a name not listed (so never a path from the request). */
    Path store(String name) {
        if (!stores().contains(name)) throw new BadRequest(404, Problem.ofField("store", "no results store '" + name + "' in the data directory"));
        return root.resolve(name);
    }

    /** Replaces the data directory's path in a message with "data/", so no server path reaches a client. */
    String hidePaths(String message) {
        if (message == null) return null;
        return message.replace(root.toString() + java.io.File.separator, "data/").replace(root.toString(), "data");
    }
}
