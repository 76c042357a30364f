package owsim.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
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
 * directory. Each file is written to a temporary file beside it and then moved over the target,
 * so an interrupted run leaves either the old file or the new one, never half a file.
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
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException(dir + " exists and is not a directory");
        Files.createDirectories(dir);
        Path probe = tempFile(dir, ".owsim-write-probe");
        Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.delete(probe);
    }

    /** Renders all three files in memory, then writes each atomically; returns their paths in that order. */
    public static List<Path> write(RunResult run, String owsimVersion, Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TIMESERIES, csv(run));
        files.put(SUMMARY, json(run, owsimVersion));
        files.put(REPORT, HtmlReport.render(run, owsimVersion).getBytes(StandardCharsets.UTF_8));
        prepare(dir);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            writeAtomically(target, f.getValue());
            written.add(target);
        }
        return written;
    }

    /** The bytes of {@value #TIMESERIES}. */
    public static byte[] csv(RunResult run) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (OutputStreamWriter w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            TimeseriesCsv.write(run, w);
        }
        return bytes.toByteArray();
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
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A temporary name unique to this process, beginning with a dot so listings hide it. */
    private static Path tempFile(Path dir, String prefix) {
        return dir.resolve(prefix + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId() + ".tmp");
    }
}
