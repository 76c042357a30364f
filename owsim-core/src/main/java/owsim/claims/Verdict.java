package owsim.claims;

import owsim.format.Readable;

/**
 * What the model says about a claim: it holds, it fails, or it holds only when a parameter is
 * above or below a threshold (found by bisection).
 */
public record Verdict(Kind kind, String parameter, String direction, double threshold) {
    /** The three kinds of verdict. */
    public enum Kind { HOLDS, FAILS, HOLDS_WHEN }

    public Verdict {
        if (kind == null) throw new IllegalArgumentException("verdict: kind is required");
        if (kind == Kind.HOLDS_WHEN && (parameter == null || !(direction.equals("above") || direction.equals("below")))) {
            throw new IllegalArgumentException("verdict: HOLDS_WHEN needs a parameter and 'above' or 'below'");
        }
    }

    public static Verdict holds() { return new Verdict(Kind.HOLDS, null, null, Double.NaN); }

    public static Verdict fails() { return new Verdict(Kind.FAILS, null, null, Double.NaN); }

    public static Verdict of(boolean holds) { return holds ? holds() : fails(); }

    public static Verdict holdsWhen(String parameter, String direction, double threshold) {
        return new Verdict(Kind.HOLDS_WHEN, parameter, direction, threshold);
    }

    /** "HOLDS", "FAILS" or "HOLDS_WHEN(path below 12.3M)" (the threshold with a magnitude, as owsim writes numbers). */
    public String text() {
        if (kind != Kind.HOLDS_WHEN) return kind.name();
        return "HOLDS_WHEN(" + parameter + " " + direction + " " + Readable.count(threshold, 3) + ")";
    }
}
