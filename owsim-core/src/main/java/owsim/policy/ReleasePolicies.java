package owsim.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in release policies, parsed from their scenario text. */
public final class ReleasePolicies {
    /** The forms a policy may take, for error messages. */
    public static final String ALLOWED = "closed, open, open-delayed(months), open-small(maxTotalParams, e.g. 32e9 or 32B), open-behind-frontier(lagMonths)";

    private static final Pattern CALL = Pattern.compile("\\s*([a-z-]+)\\s*(?:\\(\\s*([^)]*?)\\s*\\))?\\s*");

    private ReleasePolicies() {}

    /** Parses "closed", "open", "open-delayed(6)", "open-small(32B)", "open-behind-frontier(12)". */
    public static ReleasePolicy parse(String text) {
        if (text == null) throw new IllegalArgumentException("policy: is required; allowed: " + ALLOWED);
        Matcher m = CALL.matcher(text);
        if (!m.matches()) throw bad(text);
        String name = m.group(1);
        String arg = m.group(2);
        switch (name) {
            case "closed": noArg(text, arg); return new Closed();
            case "open": noArg(text, arg); return new Open();
            case "open-delayed": return new OpenDelayed((int) Math.round(number(text, arg, 0, 600)));
            case "open-small": return new OpenSmall(number(text, arg, 1e6, 1e14));
            case "open-behind-frontier": return new OpenBehindFrontier(number(text, arg, 0, 600));
            default: throw bad(text);
        }
    }

    private static void noArg(String text, String arg) {
        if (arg != null) throw new IllegalArgumentException("policy: '" + text + "' takes no argument; allowed: " + ALLOWED);
    }

    private static double number(String text, String arg, double min, double max) {
        if (arg == null || arg.isEmpty()) throw new IllegalArgumentException("policy: '" + text + "' needs an argument; allowed: " + ALLOWED);
        String a = arg.trim();
        double scale = 1;
        char last = Character.toUpperCase(a.charAt(a.length() - 1));
        if (last == 'B' || last == 'M' || last == 'T') {
            scale = last == 'B' ? 1e9 : last == 'M' ? 1e6 : 1e12;
            a = a.substring(0, a.length() - 1);
        }
        double v;
        try {
            v = Double.parseDouble(a) * scale;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy: '" + text + "' has a non-numeric argument; allowed: " + ALLOWED);
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("policy: argument of '" + text + "' must be between " + min + " and " + max);
        }
        return v;
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("policy: '" + text + "' is not a release policy; allowed: " + ALLOWED);
    }

    /** Never opens weights. */
    public record Closed() implements ReleasePolicy {
        @Override public boolean isOpen(ReleaseView m, PolicyContext c) { return false; }
        @Override public String text() { return "closed"; }
    }

    /** Opens every model on release. */
    public record Open() implements ReleasePolicy {
        @Override public boolean isOpen(ReleaseView m, PolicyContext c) { return true; }
        @Override public String text() { return "open"; }
    }

    /** Opens every model {@code months} after its release. */
    public record OpenDelayed(int months) implements ReleasePolicy {
        @Override public boolean isOpen(ReleaseView m, PolicyContext c) { return c.month() - m.releaseMonth() >= months; }
        @Override public String text() { return "open-delayed(" + months + ")"; }
    }

    /** Opens on release the models with at most {@code maxTotalParams} parameters; keeps larger ones closed. */
    public record OpenSmall(double maxTotalParams) implements ReleasePolicy {
        @Override public boolean isOpen(ReleaseView m, PolicyContext c) { return m.totalParams() <= maxTotalParams; }
        @Override public String text() { return "open-small(" + (maxTotalParams / 1e9) + "B)"; }
    }

    /**
     * Opens a model once the market's frontier is {@code lagMonths} of frontier progress ahead of
     * it: the weights come out when they no longer carry the lead.
     */
    public record OpenBehindFrontier(double lagMonths) implements ReleasePolicy {
        @Override public boolean isOpen(ReleaseView m, PolicyContext c) {
            return c.frontierCapability() - m.capability() >= lagMonths * c.frontierLog10PerMonth() - 1e-12;
        }
        @Override public String text() { return "open-behind-frontier(" + lagMonths + ")"; }
    }
}
