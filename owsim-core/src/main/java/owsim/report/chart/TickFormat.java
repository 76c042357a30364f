package owsim.report.chart;

import owsim.format.Readable;

/**
 * How an axis writes its tick labels. Labels are made for all ticks at once so they share one scale
 * and just enough decimals to tell neighbours apart ("0.5", "1.0", never "0.5", "1").
 */
@FunctionalInterface
public interface TickFormat {
    String[] labels(double[] ticks, double step);

    /** Plain numbers with the decimals the step needs: 24, 25, 26 or 0.25, 0.50. */
    static TickFormat plain() {
        return (ticks, step) -> {
            int d = decimalsFor(step);
            String[] out = new String[ticks.length];
            for (int i = 0; i < ticks.length; i++) out[i] = Readable.fixed(ticks[i], d);
            return out;
        };
    }

    /** Shares 0..1 written as percentages: 0%, 20%, 40% or 2.5%, 5.0%. */
    static TickFormat percent() {
        return (ticks, step) -> {
            int d = decimalsFor(step * 100);
            String[] out = new String[ticks.length];
            for (int i = 0; i < ticks.length; i++) out[i] = Readable.fixed(ticks[i] * 100, d) + "%";
            return out;
        };
    }

    /** Decimals needed to write multiples of {@code step} exactly (0 for steps of 1 and up). */
    static int decimalsFor(double step) {
        if (!(step > 0)) return 0;
        return Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    }
}
