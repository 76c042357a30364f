package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class YAxisTest {

    @Test
    void linesOrdersOfMagnitudeApartGetALogAxis() {
        YAxis y = YAxis.fit(0, 2.6e9, 4.9e7, 30);
        assertThat(y).isInstanceOf(YAxis.Log.class);
        assertThat(y.labels(Quantity.COUNT)).containsExactly("1M", "10M", "100M", "1B", "10B");
        assertThat(y.labels(Quantity.MONEY)).containsExactly("$1M", "$10M", "$100M", "$1B", "$10B");
        assertThat(y.position(1e6)).isCloseTo(0, within(1e-12));
        assertThat(y.position(1e10)).isCloseTo(1, within(1e-12));
        assertThat(y.position(0)).isNaN();
        assertThat(y.note()).isEqualTo("log scale");
    }

    @Test
    void aLogAxisSpansAtMostSixDecades() {
        YAxis.Log y = (YAxis.Log) YAxis.fit(0, 1e12, 1, 30);
        assertThat(y.maxDecade() - y.minDecade()).isEqualTo(YAxis.Log.MAX_DECADES);
        assertThat(y.position(10)).isNaN(); // far below the axis: left out rather than drawn on the floor
    }

    @Test
    void closeLinesNegativesOrRatioZeroStayLinear() {
        assertThat(YAxis.fit(0, 3e8, 1e8, 30)).isInstanceOf(YAxis.Linear.class);
        assertThat(YAxis.fit(-5e9, 1e10, 1e6, 30)).isInstanceOf(YAxis.Linear.class);
        YAxis y = YAxis.linear(-5e9, 1e10);
        assertThat(y.emphasised(0)).isTrue();
        assertThat(y.position(-5e9)).isBetween(0.0, 0.01);
    }
}
