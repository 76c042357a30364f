package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.claims.ChartData;
import owsim.report.chart.Axis;
import owsim.report.chart.BarChart;
import owsim.report.chart.Chart;
import owsim.report.chart.LineChart;

class ClaimChartsTest {

    @Test
    void optionsAreComparedAsBarsNotJoinedByALine() {
        ChartData d = ChartData.categorical("Monthly cost", "option", List.of("subscription", "rent", "buy"), "USD/month", "USD/month",
            new double[] {20, 2400, Double.NaN});
        // The text forms keep the x label they had.
        assertThat(d.xLabel()).isEqualTo("option (0 subscription, 1 rent, 2 buy)");
        Chart c = ClaimCharts.of(d);
        assertThat(c).isInstanceOf(BarChart.class);
        String svg = c.svg();
        assertThat(svg).doesNotContain("<path").contains(">rent</text>").contains(">option</text>").contains(">$2.5k</text>");
    }

    @Test
    void monthsAndSweepsAreLinesWithWholeMonthsAndPercentages() {
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i;
            y[i] = 0.2 + i * 0.01;
        }
        Chart c = ClaimCharts.of(new ChartData("Share", "month", "share", List.of(new ChartData.Line("on", x, y))));
        assertThat(c).isInstanceOf(LineChart.class);
        LineChart l = (LineChart) c;
        assertThat(l.x()).isInstanceOf(Axis.Months.class);
        assertThat(l.x().labels()).containsExactly("0", "12", "24", "36", "48");
        assertThat(l.svg()).contains(">20%</text>").contains(">80%</text>").doesNotContain("14.75").doesNotContain(">0.2<");

        double[] sweep = {1e3, 1e4, 1e5, 1e6};
        LineChart s = (LineChart) ClaimCharts.of(new ChartData("Payoff", "spend (USD/month, log scale)", "USD",
            List.of(new ChartData.Line("payoff", sweep, new double[] {-2e9, -1e9, 0.5e9, 1.5e9}))));
        assertThat(s.x()).isInstanceOf(Axis.Log.class);
        assertThat(s.x().labels()).containsExactly("$1k", "$10k", "$100k", "$1M");
        assertThat(s.y().labels()).containsExactly("-$2B", "-$1B", "$0", "$1B", "$2B");
    }
}
