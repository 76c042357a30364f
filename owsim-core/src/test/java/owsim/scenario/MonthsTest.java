package owsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MonthsTest {
    /** The label written by hand is the formatter's text, for every month of runs starting in several years, before and after the start. */
    @Test void labelIsTheFormattersText() {
        for (String start : new String[] {"0000-01", "0001-12", "0999-06", "2024-01", "2025-07", "2026-12", "9998-03", "9999-12"}) {
            for (int m = -30; m <= 400; m++) {
                int t = Integer.parseInt(start.substring(0, 4)) * 12 + Integer.parseInt(start.substring(5, 7)) - 1 + m;
                String expected = String.format("%04d-%02d", Math.floorDiv(t, 12), Math.floorMod(t, 12) + 1);
                assertEquals(expected, Months.label(start, m), start + " + " + m);
            }
        }
        assertEquals("2026-01", Months.label("2025-12", 1));
        assertEquals("2025-01", Months.label("2025-12", -11));
        assertEquals("-001-12", Months.label("0000-01", -1));
        assertEquals("10000-01", Months.label("9999-12", 1));
    }

    /** A label read back is its index. */
    @Test void labelAndIndexAgree() {
        for (int m = -24; m <= 240; m++) assertEquals(m, Months.index("2025-03", Months.label("2025-03", m)));
    }
}
