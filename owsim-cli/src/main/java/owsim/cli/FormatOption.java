package owsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shared {@code --format table|json} option of every command that prints a result, and the printing of its JSON. */
final class FormatOption {
    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
        converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Candidates.class,
        description = "Print a table for people, or one JSON object {\"owsim\": version, \"command\": ..., result fields}"
            + " for programs (default: ${DEFAULT-VALUE}). Status and progress go to standard error either way.")
    OutputFormat format = OutputFormat.TABLE;

    @Spec(Spec.Target.MIXEE) CommandSpec command;

    boolean json() {
        return format == OutputFormat.JSON;
    }

    /** Prints {@code result} in the envelope every command's JSON shares, on standard output. */
    void printJson(Object result) {
        PrintWriter out = command.commandLine().getOut();
        out.println(OutputFormat.json(OutputFormat.envelope(name(command), result)));
        out.flush();
    }

    /** The command as typed after "owsim": "cost serve". */
    static String name(CommandSpec spec) {
        String q = spec.qualifiedName(" ");
        String root = spec.root().name() + " ";
        return q.startsWith(root) ? q.substring(root.length()) : q;
    }
}
