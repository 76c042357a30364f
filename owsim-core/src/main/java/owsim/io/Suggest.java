package owsim.io;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Closest names to a misspelt one, for "did you mean" messages. */
public final class Suggest {
    private Suggest() {}

    /** Up to {@code max} candidates ordered by edit distance, nearest first. */
    public static List<String> closest(String wrong, Collection<String> candidates, int max) {
        String w = wrong.toLowerCase();
        return candidates.stream()
            .sorted(Comparator.<String>comparingInt(c -> score(w, c.toLowerCase())).thenComparing(c -> c))
            .limit(max)
            .toList();
    }

    private static int score(String wrong, String candidate) {
        int d = levenshtein(wrong, candidate);
        // A candidate that contains what was typed ("qwen3" in "qwen3-32b") is closer than its length says.
        if (candidate.contains(wrong) || wrong.contains(candidate)) d = Math.min(d, 1 + Math.abs(candidate.length() - wrong.length()) / 4);
        return d;
    }

    /** Edit distance: insertions, deletions and substitutions that turn a into b. */
    public static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
