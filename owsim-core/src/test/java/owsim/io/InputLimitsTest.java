package owsim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.catalog.CatalogFile;
import owsim.scenario.Scenario;

/** Limits on what an input file may be: size, encoding, YAML tags, aliases and nesting. */
class InputLimitsTest {
    @TempDir Path dir;
    private final StrictYaml yaml = new StrictYaml();

    @Test
    void aFileOverTheLimitIsRefusedQuicklyWithoutReadingIt() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = "# a comment line that makes the file long, the way a pasted log would\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n <= InputFiles.MAX_BYTES + 1L; n += line.length) out.write(line);
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> yaml.read(big, Scenario.class))
            .isInstanceOf(InputException.class)
            .hasMessage(big + ": is larger than 8 MiB, the limit for an input file");
        // Under a second even on a loaded machine (the 50 MB case took minutes before the limit).
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
    }

    @Test
    void anEndlessDeviceStopsAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "needs /dev/zero");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> InputFiles.read(zero))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("larger than 8 MiB");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
    }

    @Test
    void aDirectoryIsNamedAsOne() {
        assertThatThrownBy(() -> InputFiles.read(dir))
            .isInstanceOf(InputException.class)
            .hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void nonUtf8NamesTheByteOffsetLineAndColumn() throws IOException {
        Path latin1 = dir.resolve("s.yaml");
        // "name: café" in ISO-8859-1 on the second line: 0xE9 alone is not UTF-8.
        byte[] head = "months: 12\nname: caf".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '\n';
        Files.write(latin1, bytes);
        assertThatThrownBy(() -> InputFiles.read(latin1))
            .isInstanceOf(InputException.class)
            .hasMessage(latin1 + ":2:10: not UTF-8 text: byte 0xE9 at byte offset 20 is not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void utf8IsReadAsIs() throws IOException {
        Path f = dir.resolve("u.yaml");
        Files.writeString(f, "name: café – ok\n", StandardCharsets.UTF_8);
        assertThat(InputFiles.read(f)).isEqualTo("name: café – ok\n");
    }

    @Test
    void unknownTagIsRefusedWithItsPosition() {
        String text = "accelerators:\n  - id: !foo x\n";
        assertThatThrownBy(() -> yaml.read("hw.yaml", text, CatalogFile.class))
            .isInstanceOf(InputException.class)
            .hasMessage("hw.yaml:2:9: accelerators[0].id: unknown YAML tag '!foo'; owsim files use no tags: remove it");
    }

    @Test
    void coreSchemaTagsAreAllowed() {
        assertThat(yaml.read("t.yaml", "accelerators: !!seq []\n", CatalogFile.class)).isNotNull();
    }

    @Test
    void aliasesAreRefused() {
        // The start of a "billion laughs" document: each line would repeat the one before ten times.
        String text = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
        assertThatThrownBy(() -> yaml.read("laughs.yaml", text, CatalogFile.class))
            .isInstanceOf(InputException.class)
            .hasMessage("laughs.yaml:2:8: b[0]: YAML aliases ('*a') are not allowed; write the value out in full");
    }

    @Test
    void deepNestingIsRefusedWithTheLimit() {
        String text = "accelerators: " + "[".repeat(StrictYaml.MAX_NESTING_DEPTH + 5) + "]".repeat(StrictYaml.MAX_NESTING_DEPTH + 5) + "\n";
        assertThatThrownBy(() -> yaml.read("deep.yaml", text, CatalogFile.class))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("deep.yaml:1:")
            .hasMessageEndingWith("nested deeper than 64 levels, the limit for an input file");
    }

    @Test
    void deepJsonIsRefusedToo() {
        String json = "{\"a\":" + "[".repeat(StrictYaml.MAX_NESTING_DEPTH + 5) + "]".repeat(StrictYaml.MAX_NESTING_DEPTH + 5) + "}";
        assertThatThrownBy(() -> StrictYaml.jsonMapper().readTree(json))
            .hasMessageContaining("nesting depth");
    }
}
