package owsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import owsim.io.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "Did you mean ..." for a mistyped command or option. picocli's suggestions find commands well but
 * options only by their first two letters ({@code --mnths} finds nothing), so options that picocli
 * misses are matched by edit distance.
 */
final class Mistyped {
    /** Edits (per 4 letters typed, at least 2) a name may be away from what was typed and still be suggested. */
    private static final int LETTERS_PER_EDIT = 4;

    private Mistyped() {}

    /** Prints a suggestion line for {@code ex} if there is one; returns whether it did. */
    static boolean suggest(CommandLine.ParameterException ex, PrintWriter err) {
        if (!(ex instanceof UnmatchedArgumentException u)) return false;
        List<String> names = u.getSuggestions();
        if (names.isEmpty() && u.isUnknownOption() && !u.getUnmatched().isEmpty()) {
            names = nearOptions(u.getUnmatched().get(0), u.getCommandLine());
        }
        if (names.isEmpty()) return false;
        boolean option = names.get(0).startsWith("-");
        String prefix = option ? "" : u.getCommandLine().getCommandSpec().qualifiedName() + " ";
        List<String> shown = new ArrayList<>();
        for (String n : names) shown.add(prefix + n);
        err.println("Did you mean: " + String.join(" or ", shown) + "?");
        return true;
    }

    /** The command's visible options within a few edits of what was typed (the value after '=' left out). */
    static List<String> nearOptions(String typed, CommandLine command) {
        String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        int allowed = Math.max(2, name.length() / LETTERS_PER_EDIT);
        List<String> all = new ArrayList<>();
        for (OptionSpec o : command.getCommandSpec().options()) {
            if (o.hidden()) continue;
            for (String n : o.names()) if (n.startsWith("--")) all.add(n);
        }
        List<String> near = new ArrayList<>();
        for (String n : Suggest.closest(name, all, 3)) {
            if (Suggest.levenshtein(name.toLowerCase(), n.toLowerCase()) <= allowed) near.add(n);
        }
        return near;
    }
}
