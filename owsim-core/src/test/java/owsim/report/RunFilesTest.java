package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    @Test
    void writesTheThreeFilesAndNoLeftovers(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("a/b");
        List<Path> files = RunFiles.write(SyntheticRuns.run(6), "dev", out);
        assertThat(files).extracting(p -> p.getFileName().toString())
            .containsExactly("timeseries.csv", "summary.json", "report.html");
        try (Stream<Path> list = Files.list(out)) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("report.html", "summary.json", "timeseries.csv");
        }
    }

    @Test
    void sameRunGivesByteIdenticalFilesAndOverwrites(@TempDir Path tmp) throws IOException {
        RunFiles.write(SyntheticRuns.run(9), "dev", tmp.resolve("one"));
        RunFiles.write(SyntheticRuns.run(3), "dev", tmp.resolve("two"));
        RunFiles.write(SyntheticRuns.run(9), "dev", tmp.resolve("two"));
        for (String f : List.of(RunFiles.TIMESERIES, RunFiles.SUMMARY, RunFiles.REPORT)) {
            assertThat(Files.readAllBytes(tmp.resolve("two").resolve(f))).as(f)
                .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(f)));
        }
    }

    @Test
    void anOutputPathThatIsAFileIsRefused(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertThatThrownBy(() -> RunFiles.prepare(file)).isInstanceOf(IOException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> RunFiles.prepare(file.resolve("sub"))).isInstanceOf(IOException.class);
    }

    @Test
    void aDanglingLinkIsNamedAsOne(@TempDir Path tmp) throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("out"), tmp.resolve("gone"));
        assertThatThrownBy(() -> RunFiles.prepare(link)).isInstanceOf(IOException.class)
            .hasMessage("'" + link + "' is a symbolic link to '" + tmp.resolve("gone") + "', which does not exist");
        assertThatThrownBy(() -> RunFiles.prepare(link.resolve("sub"))).isInstanceOf(IOException.class)
            .hasMessageContaining("is a symbolic link to");
    }

    @Test
    void anEmptyDirectoryNameIsRefused() {
        assertThatThrownBy(() -> RunFiles.prepare(Path.of(""))).isInstanceOf(IOException.class).hasMessage("the directory name is empty");
    }

    @Test
    void aTargetThatIsADirectoryFailsBeforeAnyFileChanges(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        RunFiles.write(SyntheticRuns.run(3), "dev", out);
        byte[] csv = Files.readAllBytes(out.resolve(RunFiles.TIMESERIES));
        byte[] json = Files.readAllBytes(out.resolve(RunFiles.SUMMARY));
        Files.delete(out.resolve(RunFiles.REPORT));
        Files.createDirectory(out.resolve(RunFiles.REPORT));
        assertThatThrownBy(() -> RunFiles.prepare(out)).isInstanceOf(IOException.class)
            .hasMessage("'" + out.resolve(RunFiles.REPORT) + "' is a directory; the run writes a file there (remove or rename it)");
        assertThatThrownBy(() -> RunFiles.write(SyntheticRuns.run(9), "dev", out)).isInstanceOf(IOException.class)
            .hasMessageContaining("is a directory");
        assertThat(Files.readAllBytes(out.resolve(RunFiles.TIMESERIES))).isEqualTo(csv);
        assertThat(Files.readAllBytes(out.resolve(RunFiles.SUMMARY))).isEqualTo(json);
        try (Stream<Path> list = Files.list(out)) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("report.html", "summary.json", "timeseries.csv");
        }
    }
}
