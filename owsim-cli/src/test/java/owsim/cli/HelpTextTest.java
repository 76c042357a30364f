package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli formats every description line with String.format: a bare '%' (as in "95% interval")
 * makes it print a warning on standard error instead of the help. Every command's help must render
 * without one.
 */
class HelpTextTest {
    @Test void everyCommandsHelpRendersWithoutAFormatWarning() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        StringBuilder help = new StringBuilder();
        try {
            render(Main.commandLine(), help);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
        assertThat(help).doesNotContain("%%").contains("1%").contains("95%");
    }

    private static void render(CommandLine cl, StringBuilder help) {
        help.append(cl.getUsageMessage());
        for (CommandLine sub : cl.getSubcommands().values()) render(sub, help);
    }
}
