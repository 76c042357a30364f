package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import owsim.format.Readable;
import owsim.report.chart.NiceScale;

class ReadableTest {

    @Test
    void moneyInReadableUnits() {
        assertThat(Readable.money(1.2e9)).isEqualTo("$1.2B");
        assertThat(Readable.money(3.4e8)).isEqualTo("$340M");
        assertThat(Readable.money(12_345)).isEqualTo("$12k");
        assertThat(Readable.money(-2.5e6)).isEqualTo("-$2.5M");
        assertThat(Readable.money(999.7e6)).isEqualTo("$1.0B");
        assertThat(Readable.money(950)).isEqualTo("$950");
        assertThat(Readable.money(0)).isEqualTo("$0");
        assertThat(Readable.money(4.2e12)).isEqualTo("$4.2T");
        assertThat(Readable.money(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void moneyAndCountsToSignificantDigits() {
        // The equilibrium table and the experiment report: neighbours differ in the third digit.
        assertThat(Readable.money(-92_851.9e6, 3)).isEqualTo("-$92.9B");
        assertThat(Readable.money(-3_337e6, 3)).isEqualTo("-$3.34B");
        assertThat(Readable.money(-3_196e6, 3)).isEqualTo("-$3.20B");
        assertThat(Readable.money(-123_092e6, 3)).isEqualTo("-$123B");
        assertThat(Readable.money(350_000, 3)).isEqualTo("$350k");
        // Cash spent down to rounding is no money, not "$3.6e-07".
        assertThat(Readable.money(3.6e-7)).isEqualTo("$0");
        assertThat(Readable.money(-1.2e-7)).isEqualTo("$0");
        assertThat(Readable.money(0.42)).isEqualTo("$0.42");
        assertThat(Readable.money(-1.192e-7, 4)).isEqualTo("$0");
        assertThat(Readable.money(1.2e6, 2)).isEqualTo("$1.2M");
        assertThat(Readable.money(999_960, 3)).isEqualTo("$1.00M");
        assertThat(Readable.money(0.4213, 3)).isEqualTo("$0.421");
        assertThat(Readable.money(0, 3)).isEqualTo("$0");
        assertThat(Readable.money(-3.58278e9, 3)).isEqualTo("-$3.58B");
        assertThat(Readable.money(3.4e15, 3)).isEqualTo("$3,400T");
        assertThat(Readable.money(Double.POSITIVE_INFINITY, 3)).isEqualTo("n/a");
        assertThat(Readable.count(1_234_567, 3)).isEqualTo("1.23M");
        assertThat(Readable.count(-4_560, 3)).isEqualTo("-4.56k");
        assertThat(Readable.count(0.012345, 3)).isEqualTo("0.0123");
        assertThat(Readable.count(950, 3)).isEqualTo("950");
        assertThat(Quantity.of("labs[a].payoff", null).format(-92_851.9e6, 3)).isEqualTo("-92.9B");
        assertThat(Quantity.of("labs[a].cashUsd", null).format(-92_851.9e6, 3)).isEqualTo("-$92.9B");
        assertThat(Quantity.of("market.openWeightTokenShare", null).format(0.002134, 3)).isEqualTo("0.213%");
        assertThat(Quantity.of("market.openWeightTokenShare", null).format(0.269, 3)).isEqualTo("26.9%");
        assertThat(Quantity.of("market.openModelLagMonths", null).format(4, 3)).isEqualTo("4.00 months");
        assertThat(Quantity.of("market.openModelLagMonths", null).format(Double.NaN, 3)).isEqualTo("n/a");
    }

    @Test
    void countsAndPercentages() {
        assertThat(Readable.count(1.234e6)).isEqualTo("1.2M");
        assertThat(Readable.count(3.4e15)).isEqualTo("3,400T");
        assertThat(Readable.count(0.25)).isEqualTo("0.25");
        assertThat(Readable.count(1234)).isEqualTo("1,234");
        assertThat(Readable.count(9999.7)).isEqualTo("10k");
        assertThat(Readable.percent(0.3456)).isEqualTo("34.6%");
        assertThat(Readable.percent(0.0001)).isEqualTo("<0.1%");
        assertThat(Readable.fixed(-0.001, 1)).isEqualTo("0.0");
    }

    @Test
    void tickLabelsShareOneScale() {
        assertThat(Quantity.MONEY.tickLabels(new double[] {0, 5e8, 1e9, 1.5e9}, 5e8))
            .containsExactly("$0", "$0.5B", "$1.0B", "$1.5B");
        assertThat(Quantity.SHARE.tickLabels(new double[] {0, 0.2, 0.4}, 0.2)).containsExactly("0%", "20%", "40%");
        assertThat(Quantity.CAPABILITY.tickLabels(new double[] {24.5, 25, 25.5}, 0.5)).containsExactly("24.5", "25.0", "25.5");
    }

    @Property
    void niceTicksCoverTheRangeWithDistinctLabels(@ForAll @DoubleRange(min = -1e12, max = 1e12) double a,
                                                  @ForAll @DoubleRange(min = 0, max = 1e12) double width) {
        NiceScale s = NiceScale.of(a, a + width, 5);
        double[] t = s.ticks();
        assertThat(s.min()).isLessThanOrEqualTo(a);
        assertThat(s.max()).isGreaterThanOrEqualTo(a + width);
        assertThat(t.length).isBetween(2, 12);
        String[] labels = Quantity.MONEY.tickLabels(t, s.step());
        assertThat(Arrays.stream(labels).distinct().count()).as(Arrays.toString(labels)).isEqualTo(labels.length);
    }
}
