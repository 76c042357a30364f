package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The whole command tree documents itself: --help and 'owsim help ...' everywhere, completion, "did you mean". */
class CommandTreeTest {
    /** Every command path below the root, e.g. [cost, serve]. */
    private static List<List<String>> paths() {
        List<List<String>> all = new ArrayList<>();
        walk(Main.commandLine(), new ArrayList<>(), all);
        return all;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> all) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            all.add(p);
            walk(e.getValue(), p, all);
        }
    }

    @Test void everyCommandTakesHelpAndPrintsItsUsage() {
        List<List<String>> paths = paths();
        assertThat(paths).contains(List.of("cost", "serve"), List.of("catalog", "import-hf"), List.of("bench", "agents"),
            List.of("completion"), List.of("help"));
        assertThat(paths.size()).isGreaterThanOrEqualTo(20);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isZero();
            assertThat(r.out()).as(args.toString()).startsWith("Usage: owsim " + String.join(" ", path)).contains("-h, --help");
            assertThat(r.err()).as(args.toString()).isEmpty();
        }
    }

    @Test void helpCommandShowsTheHelpOfANestedCommand() {
        for (List<String> path : paths()) {
            List<String> args = new ArrayList<>(List.of("help"));
            args.addAll(path);
            Cli viaHelp = Cli.run(args.toArray(String[]::new));
            assertThat(viaHelp.exit()).as(args.toString()).isZero();
            assertThat(viaHelp.out()).as(args.toString()).startsWith("Usage: owsim " + String.join(" ", path) + " ");
        }
        assertThat(Cli.run("help", "cost", "serve").out()).isEqualTo(Cli.run("cost", "serve", "--help").out()).contains("--prompt-tokens");
        Cli wrong = Cli.run("help", "cost", "serv");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("'owsim cost' has no command 'serv'").contains("serve");
    }

    @Test void everyCommandPrintsTheVersion() {
        for (List<String> path : paths()) {
            if (path.get(0).equals("help")) continue;
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(args.toString()).isZero();
            assertThat(r.out()).as(args.toString()).startsWith("owsim ");
        }
    }

    @Test void completionPrintsABashScriptCoveringCommandsOptionsAndFormats() {
        Cli r = Cli.run("completion");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_owsim -o default owsim")
            .contains("import-hf").contains("--tokens-per-month").contains("--prompt-tokens")
            .contains("(\"table\" \"json\") # --format values")
            .contains("zsh"); // picocli's script loads bash completion into zsh too
    }

    @Test void aMistypedCommandOrOptionGetsASuggestion() {
        Cli runn = Cli.run("runn");
        assertThat(runn.exit()).isEqualTo(2);
        assertThat(runn.err()).contains("'runn'").contains("Did you mean: owsim run?").contains("See 'owsim --help'");
        Cli mnths = Cli.run("run", "--mnths", "3");
        assertThat(mnths.exit()).isEqualTo(2);
        assertThat(mnths.err()).contains("Unknown option: '--mnths'").contains("Did you mean: --months?");
        Cli nested = Cli.run("cost", "serv");
        assertThat(nested.err()).contains("owsim cost serve");
        Cli far = Cli.run("run", "--xyzzy");
        assertThat(far.err()).contains("Unknown option").doesNotContain("Did you mean");
    }
}
