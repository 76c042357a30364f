package owsim.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import owsim.market.RunResult;

/**
 * Writes a run's three files ({@value #TIMESERIES}, {@value #SUMMARY}, {@value #REPORT}) into a
 * directory. Every target is checked first, then each file is written to a temporary file beside
 * it, and only then are they moved over the targets: an interrupted run leaves either the old file
 * or the new one, never half a file, and a target that cannot be replaced changes nothing.
 */
public final class RunFiles {
    private RunFiles() {}

    public static final String TIMESERIES = "timeseries.csv";
    public static final String SUMMARY = "summary.json";
    public static final String REPORT = "report.html";

    /**
     * Creates the directory if needed and proves it is writable (a probe file, removed again),
     * so a bad output directory fails before a long run rather than after it.
     */
    public static void prepare(Path dir) throws IOException {
        prepare(dir, List.of(TIMESERIES, SUMMARY, REPORT));
    }

    /** {@link #prepare(Path)} for files of other names. */
    public static void prepare(Path dir, List<String> names) throws IOException {
        if (dir.toString().isEmpty()) throw new IOException("the directory name is empty");
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p) && Files.isDirectory(p)) break;
            String obstacle = obstacle(p);
            if (obstacle != null) throw new IOException(obstacle);
        }
        Files.createDirectories(dir);
        checkTargets(dir, names);
        Path probe = tempFile(dir, ".owsim-write-probe");
        Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.delete(probe);
    }

    /**
     * What stands where a directory or file is to be made, in words, or null when nothing does:
     * a dangling symbolic link, a file where a directory goes, a directory where a file goes.
     */
    public static String obstacle(Path p) {
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            String target;
            try {
                target = Files.readSymbolicLink(p).toString();
            } catch (IOException e) {
                target = "a missing path";
            }
            return "'" + p + "' is a symbolic link to '" + target + "', which does not exist";
        }
        if (Files.exists(p) && !Files.isDirectory(p)) {
            return "'" + p + "' is " + (Files.isRegularFile(p) ? "a file" : "a special file") + ", not a directory";
        }
        return null;
    }

    /**
     * Refuses when any output file's place holds something that cannot be replaced by a file
     * (a directory, a device, a dangling link), before anything is written: a failure changes nothing.
     */
    public static void checkTargets(Path dir, List<String> names) throws IOException {
        for (String name : names) {
            Path t = dir.resolve(name);
            if (Files.isDirectory(t)) throw new IOException("'" + t + "' is a directory; the run writes a file there (remove or rename it)");
            if (Files.exists(t, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(t)) {
                throw new IOException("'" + t + "' is a special file; the run writes a file there (remove or rename it)");
            }
        }
    }

    /** Renders all three files in memory, then writes each atomically; returns their paths in that order. */
    public static List<Path> write(RunResult run, String owsimVersion, Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : List.of(TIMESERIES, SUMMARY, REPORT)) files.put(name, render(run, owsimVersion, name));
        prepare(dir);
        return writeAll(dir, files);
    }

    /**
     * One of the three files ({@link #TIMESERIES}, {@link #SUMMARY}, {@link #REPORT}) as {@link #write} writes it, or
     * null for another name: the web app makes a run's file only when a client asks for it.
     */
    public static byte[] render(RunResult run, String owsimVersion, String name) throws IOException {
        return switch (name) {
            case TIMESERIES -> csv(run);
            case SUMMARY -> json(run, owsimVersion);
            case REPORT -> HtmlReport.render(run, owsimVersion).getBytes(StandardCharsets.UTF_8);
            default -> null;
        };
    }

    /**
     * Writes files of any names into a directory as {@link #write} does: the directory and every
     * target checked first, all staged before any is moved into place. Returns their paths.
     */
    public static List<Path> writeFiles(Path dir, Map<String, byte[]> files) throws IOException {
        prepare(dir, List.copyOf(files.keySet()));
        return writeAll(dir, files);
    }

    /**
     * Writes every file to a temporary file first and only then moves each over its target, so a
     * full disk or an unwritable name fails before any target has changed.
     */
    static List<Path> writeAll(Path dir, Map<String, byte[]> files) throws IOException {
        checkTargets(dir, List.copyOf(files.keySet()));
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Path tmp = tempFile(target.toAbsolutePath().getParent(), "." + target.getFileName());
                staged.put(target, tmp);
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    out.write(f.getValue());
                }
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                move(e.getValue(), e.getKey());
                written.add(e.getKey());
            }
            return written;
        } finally {
            for (Path tmp : staged.values()) Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The bytes of {@value #TIMESERIES}. */
    public static byte[] csv(RunResult run) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (OutputStreamWriter w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            TimeseriesCsv.write(run, w);
        }
        return bytes.toByteArray();
    }

    /**
     * {@value #SUMMARY}'s content as a JSON tree: the file is this tree written with two-space indents. A command
     * that prints the summary in its JSON envelope takes the tree itself, not the file's text parsed again (the
     * numbers are the same doubles either way, so the printed text is too).
     */
    public static ObjectNode summary(RunResult run, String owsimVersion) {
        return SummaryJson.tree(run, owsimVersion);
    }

    /** The bytes of {@value #SUMMARY}. */
    public static byte[] json(RunResult run, String owsimVersion) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
        SummaryJson.write(run, owsimVersion, bytes);
        return bytes.toByteArray();
    }

    /** Writes to a temporary file in the target's directory, then moves it over the target. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = tempFile(target.toAbsolutePath().getParent(), "." + target.getFileName());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A temporary name unique to this process, beginning with a dot so listings hide it. */
    private static Path tempFile(Path dir, String prefix) {
        return dir.resolve(prefix + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
    }
}
