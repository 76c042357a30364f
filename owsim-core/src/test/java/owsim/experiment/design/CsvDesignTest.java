package owsim.experiment.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.io.InputException;
import owsim.random.Distribution;

class CsvDesignTest {
    private static final List<Parameter> DECLARED = List.of(
        new Parameter("labs.meta.researchers", new Distribution.Uniform(100, 5000)),
        new Parameter("market.churnPerMonth", new Distribution.Uniform(0, 0.2)));

    @Test
    void readsRowsAndReordersColumnsToTheDeclaredOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("runs.csv");
        Files.writeString(f, "# my own runs\nmarket.churnPerMonth, labs.meta.researchers\n0.05,1000\n\n0.1, 2500\n");
        SampleMatrix m = new CsvDesign(f).sample(DECLARED, 0);
        assertThat(m.paths()).containsExactly("labs.meta.researchers", "market.churnPerMonth");
        assertThat(m.runs()).isEqualTo(2);
        assertThat(m.row(1)).containsExactly(2500, 0.1);
        assertThat(new CsvDesign(f).runCount(DECLARED)).isEqualTo(2);
    }

    @Test
    void withoutDeclaredParametersTheHeaderDefinesThem() {
        SampleMatrix m = CsvDesign.parse("x.csv", "a,b.c\n1,2\n3,4\n", List.of());
        assertThat(m.paths()).containsExactly("a", "b.c");
        assertThat(m.column(0)).containsExactly(1, 3);
    }

    @Test
    void errorsNameFileLineColumnAndParameter() {
        assertError("labs.meta.researchers,market.churnPerMonth\n1000,abc\n", "runs.csv:2:6: market.churnPerMonth: 'abc' is not a number");
        assertError("labs.meta.researchers,market.churnPerMonth\n1000,0.5\n", "runs.csv:2:6: market.churnPerMonth: 0.5 is outside uniform(0.0, 0.2)");
        assertError("labs.meta.researchers,market.churnPerMonth\n1000\n", "runs.csv:2: has 1 values, the header has 2 columns");
        assertError("labs.meta.researcher,market.churnPerMonth\n1,0\n", "runs.csv:1:1: labs.meta.researcher: is not a parameter of this experiment; did you mean 'labs.meta.researchers'?");
        assertError("labs.meta.researchers\n1000\n", "runs.csv:1: market.churnPerMonth: has no column in the header");
        assertError("labs.meta.researchers,labs.meta.researchers\n1,1\n", "runs.csv:1:23: labs.meta.researchers: appears twice");
        assertError("labs.meta.researchers,market.churnPerMonth\n", "runs.csv:1: no runs");
        assertError("# nothing\n\n", "runs.csv: no header line");
    }

    @Test
    void missingFileIsAnInputError(@TempDir Path dir) {
        assertThatThrownBy(() -> new CsvDesign(dir.resolve("none.csv")).sample(DECLARED, 0))
            .isInstanceOf(InputException.class).hasMessageContaining("none.csv: no such file");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> CsvDesign.parse("runs.csv", text, DECLARED))
            .isInstanceOf(InputException.class).hasMessageContaining(message);
    }
}
