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
}
