package owsim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void ticksStepByOneTwoOrFiveTimesAPowerOfTen() {
        Axis y = Axis.linear(0, 26.49, TickFormat.plain());
        assertThat(y.ticks()).containsExactly(0, 5, 10, 15, 20, 25, 30);
        assertThat(y.labels()).containsExactly("0", "5", "10", "15", "20", "25", "30");
        // The claims' capability chart once read 24.94 and 26.49: round ticks cover the data instead.
        Axis c = Axis.linear(24.94, 26.49, TickFormat.plain());
        assertThat(c.labels()).containsExactly("24.5", "25.0", "25.5", "26.0", "26.5");
        assertThat(Axis.linear(0, 0.37, TickFormat.plain()).ticks()).containsExactly(0, 0.1, 0.2, 0.3, 0.4);
        assertThat(Axis.linear(-3e9, 1.1e10, TickFormat.plain()).ticks()).containsExactly(-4e9, -2e9, 0, 2e9, 4e9, 6e9, 8e9, 1e10, 1.2e10);
    }

    @Test
    void sharesAreWrittenAsPercentages() {
        assertThat(Axis.linear(0, 0.83, TickFormat.percent()).labels()).containsExactly("0%", "20%", "40%", "60%", "80%", "100%");
        assertThat(Axis.linear(0, 0.09, TickFormat.percent()).labels()).containsExactly("0%", "2%", "4%", "6%", "8%", "10%");
        assertThat(Axis.linear(0.1, 0.112, TickFormat.percent()).labels()).contains("10.2%");
    }

    @Test
    void monthsAreWholeMonths() {
        Axis m = Axis.Months.counted(61, 9);
        assertThat(m.ticks()).containsExactly(0, 12, 24, 36, 48, 60);
        assertThat(m.labels()).containsExactly("0", "12", "24", "36", "48", "60");
        for (double t : Axis.Months.counted(37, 9).ticks()) assertThat(t).isEqualTo(Math.rint(t));
        assertThat(Axis.Months.counted(8, 9).ticks()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(m.position(60)).isEqualTo(1.0);
    }

    @Test
    void calendarMonthsFallOnQuartersHalvesOrYears() {
        Axis m = new Axis.Months(36, "2024-11", 9);
        assertThat(m.labels()).containsExactly("2025-01", "2025-07", "2026-01", "2026-07", "2027-01", "2027-07");
        assertThat(m.ticks()).containsExactly(2, 8, 14, 20, 26, 32);
        assertThat(new Axis.Months(1, "2024-11", 9).labels()).containsExactly("2024-11");
    }

    @Test
    void linesOrdersOfMagnitudeApartGetALogAxis() {
        Axis y = Axis.fit(0, 2.6e9, 4.9e7, 30, TickFormat.plain());
        assertThat(y).isInstanceOf(Axis.Log.class);
        assertThat(y.ticks()).containsExactly(1e6, 1e7, 1e8, 1e9, 1e10);
        assertThat(y.position(1e6)).isCloseTo(0, within(1e-12));
        assertThat(y.position(1e10)).isCloseTo(1, within(1e-12));
        assertThat(y.position(0)).isNaN();
        assertThat(y.note()).isEqualTo("log scale");
    }

    @Test
    void aLogAxisSpansAtMostSixDecades() {
        Axis.Log y = (Axis.Log) Axis.fit(0, 1e12, 1, 30, TickFormat.plain());
        assertThat(y.maxDecade() - y.minDecade()).isEqualTo(Axis.Log.MAX_DECADES);
        assertThat(y.position(10)).isNaN(); // far below the axis: left out rather than drawn on the floor
    }

    @Test
    void closeLinesNegativesOrRatioZeroStayLinear() {
        assertThat(Axis.fit(0, 3e8, 1e8, 30, TickFormat.plain())).isInstanceOf(Axis.Linear.class);
        assertThat(Axis.fit(-5e9, 1e10, 1e6, 30, TickFormat.plain())).isInstanceOf(Axis.Linear.class);
        assertThat(Axis.fit(0, 1e10, 1, 0, TickFormat.plain())).isInstanceOf(Axis.Linear.class);
        Axis y = Axis.linear(-5e9, 1e10, TickFormat.plain());
        assertThat(y.emphasised(0)).isTrue();
        assertThat(y.position(-5e9)).isBetween(0.0, 0.01);
    }
}
