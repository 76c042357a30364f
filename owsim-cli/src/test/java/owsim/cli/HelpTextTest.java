package owsim.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli formats every description line with String.format: a bare '%' (as in "95% interval")
 * makes it print a warning instead of the help. Every line of every command must format.
 */
class HelpTextTest {
    @Test void everyDescriptionLineIsAValidFormatString() {
        List<String> lines = new ArrayList<>();
        collect(Main.commandLine(), lines);
        for (String line : lines) {
            assertThatCode(() -> String.format(Locale.ROOT, line)).as(line).doesNotThrowAnyException();
        }
    }

    private static void collect(CommandLine cl, List<String> lines) {
        CommandSpec spec = cl.getCommandSpec();
        lines.addAll(List.of(spec.usageMessage().description()));
        for (ArgSpec a : spec.args()) lines.addAll(List.of(a.description()));
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, lines);
    }
}
