package owsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import owsim.format.Readable;

/** Number formatting shared by the claims writers: by unit, deterministic, locale-free. */
final class ClaimsText {
    private ClaimsText() {}

    /**
     * Why the agent engine's verdicts of f, h, k and l can differ from the aggregate engine's (the
     * figures are in docs/EXPERIMENTS.md, measured where they were found; none of it is a fault of
     * either engine).
     */
    static final String ENGINES = "On the agent engine (`--engine agent`) the verdicts of f, h, k and l can differ from these, for two"
        + " reasons found by running both engines on the same worlds, neither a fault of either engine (figures: docs/EXPERIMENTS.md,"
        + " \"Why f, h, k and l differ on the agent engine\"). f is judged at the end of the run's first year, while awareness still"
        + " spreads. The aggregate engine takes a user's awareness of the other labs to be independent of the option it holds"
        + " (docs/MODEL.md, section 3.5); among individuals, a user of the app giant's app who knew the open challenger was more"
        + " likely to have chosen it already, so those still with the app giant know the challenger less often than their region's"
        + " average and leave for it less: on the agent engine the app giant keeps more users in its home region, and f holds more"
        + " often. The agent engine is the individual process the model states; the gap closes where every user knows every lab."
        + " h, k and l read the open challenger's state at the end of the run, which its training budget (planned each quarter from"
        + " one month's revenue, its compute growth bounded by 1x and the lab's ambition) and financing (exit after six months of"
        + " negative cash) decide. On the agent engine that revenue is noisy: developers' usage is lognormal with sigma 2 in the"
        + " default scenario, so the top 5% of developers carry 64% of their tokens, and a run of 20,000 users simulates each"
        + " region's developers with about 200 individuals, ten of them in that top 5%. The budget's bounds and the exit rule turn"
        + " the noise into other capabilities and other exit months, and the open-minus-closed and on-minus-off differences these"
        + " claims read are then mostly those; with the training budget and financing switched off both engines give h, k and l"
        + " the same verdicts in the worlds compared.";

    /** A value in its unit: money for USD units, a percentage for shares, else four significant digits. */
    static String value(double v, String unit) {
        if (!Double.isFinite(v)) return Readable.NOT_AVAILABLE;
        if (unit.startsWith("USD")) return Readable.money(v) + unit.substring(3);
        if (unit.startsWith("share")) return Readable.fixed(100 * v, 2) + "%";
        if (unit.equals("users") || unit.equals("models")) return Readable.count(v) + " " + unit;
        return number(v) + " " + unit;
    }

    /** Four significant digits, no locale, "-0" as "0", never an exponent: 317.4k and -2.287B from 10,000 up. */
    static String number(double v) {
        if (!Double.isFinite(v)) return Readable.NOT_AVAILABLE;
        if (v == 0) return "0";
        if (Math.abs(v) >= 9999.5) return Readable.count(v, 4);
        String s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** An axis tick: money when the axis is in USD, compact counts from 10,000 up, else {@link #number}. */
    static String tick(double v, String axisLabel) {
        if (axisLabel.startsWith("USD") || axisLabel.contains("(USD")) return Readable.money(v);
        if (Math.abs(v) >= 1e4) return Readable.count(v);
        return number(v);
    }
}
