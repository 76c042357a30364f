package owsim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static final Pattern NUMBER_ATTR = Pattern.compile(" (x|x1|x2|cx|y|y1|y2|cy|width)=\"(-?[0-9.]+)\"");

    private static BarChart sobolLike() {
        // Intervals reach below 0 and above the largest value, as bootstrap intervals of small indices do.
        return new BarChart("Sobol indices", "parameter", "index", TickFormat.plain(), v -> String.format(Locale.ROOT, "%.3f", v),
            List.of("labs[0].policy.openAfterMonths", "market.elasticity"), List.of(
                new BarChart.Bars("S1", Style.color(0), new double[] {0.62, 0.01}, new double[] {0.41, -0.08}, new double[] {0.83, 0.09}),
                new BarChart.Bars("ST", Style.color(1), new double[] {0.71, 0.02}, new double[] {0.55, -0.03}, new double[] {1.12, 0.11})), new double[0]);
    }

    @Test
    void whiskersStayInsideThePlot() {
        BarChart c = sobolLike();
        Frame f = c.frame();
        Axis x = c.axis();
        for (double v : new double[] {-0.08, 1.12}) {
            assertThat(f.x(x, v)).isBetween(f.left(), f.right());
        }
        // Every drawn coordinate lies in the chart's width.
        Matcher m = NUMBER_ATTR.matcher(c.svg());
        int seen = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            if (m.group(1).startsWith("x") || m.group(1).equals("cx")) assertThat(v).isBetween(0.0, (double) Style.WIDTH);
            seen++;
        }
        assertThat(seen).isGreaterThan(20);
        assertThat(c.svg()).contains(">1.2</text>").contains(">-0.2</text>"); // a numeric axis covering the intervals
    }

    @Test
    void aMissingBarSaysSoInsteadOfDrawingNothing() {
        BarChart c = new BarChart("cost", "option", "USD/month", TickFormat.plain(), v -> Double.toString(v), List.of("subscription", "rent", "buy"),
            List.of(new BarChart.Bars("USD/month", Style.color(0), new double[] {20, 3000, Double.NaN})), new double[0]);
        String svg = c.svg();
        assertThat(svg.split("<rect ", -1).length - 1).isEqualTo(2 + 2); // background and border, then two bars
        assertThat(svg).contains(">n/a</text>").contains(">subscription</text>").contains(">buy</text>");
        // Values are written at the bar ends: the short bar outside it, the longest inside it in white.
        assertThat(svg).contains("dominant-baseline=\"middle\" fill=\"#333\">20.0</text>")
            .contains("text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#ffffff\">3000.0</text>");
    }

    @Test
    void lineChartsDrawOnePathPerLineWithRoundTicks() {
        Series a = Series.monthly("a", Style.color(0), "", new double[] {1, 2, 3, 26.49});
        Series b = Series.monthly("b", Style.color(1), "6 3", new double[] {0, Double.NaN, 1, 2});
        LineChart c = LineChart.fitted("t", "month", Axis.Months.counted(4, 9), "units", TickFormat.plain(), true, 0, List.of(a, b),
            List.of(a.key(), b.key()));
        String svg = c.svg();
        assertThat(svg.split("<path ", -1).length - 1).isEqualTo(2);
        assertThat(svg).contains(">30</text>").contains(">25</text>").doesNotContain("26.49");
        assertThat(svg).contains("<circle"); // b's first month has no neighbour: a dot
        assertThat(svg).contains("stroke-dasharray=\"6 3\"");
    }

    @Test
    void aDottedSeriesDrawsEachPointWithItsOwnTooltip() {
        Series s = new Series("h100", Style.color(0), "", new double[] {10, 20, Double.NaN, 40}, new double[] {4, 3, 2, 1})
            .withPoints(List.of("first", "second", "missing", "last"));
        LineChart c = LineChart.fitted("t", "x", Axis.linear(0, 40, TickFormat.plain()), "y", TickFormat.plain(), true, 0, List.of(s),
            List.of(s.key()));
        String svg = c.svg();
        assertThat(svg.split("<circle ", -1).length - 1).isEqualTo(3); // none where a value is missing
        assertThat(svg).contains("<title>first</title></circle>").contains("<title>last</title></circle>").doesNotContain("missing");
        assertThat(c.document()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"");
        // Without point tooltips only a value with no neighbour gets a dot, as before.
        assertThat(s.withPoints(List.of()).dotted()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.withPoints(List.of("one")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 point tooltips for 4 points");
    }

    @Test
    void aLineChartWithoutValuesSaysSo() {
        LineChart c = LineChart.fitted("t", "", Axis.Months.counted(3, 9), "u", TickFormat.plain(), true, 0,
            List.of(Series.monthly("a", "#000000", "", new double[] {Double.NaN, Double.NaN, Double.NaN})), List.of());
        assertThat(c.svg()).contains("no data in this run").doesNotContain("<path");
    }

    @Test
    void morrisScatterPutsNamedPointsAboveOrBelowTheDiagonal() {
        List<ScatterChart.Point> points = new ArrayList<>();
        points.add(new ScatterChart.Point("alone", 4, 1, 3, 5.5));
        points.add(new ScatterChart.Point("interacting", 1, 3, Double.NaN, Double.NaN));
        ScatterChart c = new ScatterChart("Morris", "μ*", "σ", TickFormat.plain(), v -> Double.toString(v), points, true);
        String svg = c.svg();
        assertThat(svg.split("<circle ", -1).length - 1).isEqualTo(2);
        assertThat(svg).contains(">alone</text>").contains(">interacting</text>").contains("stroke-dasharray=\"4 4\"");
        assertThat(c.xAxis().ticks()).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void heatMapShadesFromWhiteToBlueAndWritesEachCell() {
        HeatMap h = new HeatMap("grid", "a", "b", List.of("1", "2"), List.of("x", "y", "z"),
            new double[][] {{0, 0.5, 1}, {Double.NaN, 0.25, 0.75}}, new String[][] {{"0%", "50%", "100%"}, {"", "25%", "75%"}}, 0, 1, "0%", "100%");
        assertThat(h.shade(0)).isEqualTo("#ffffff");
        assertThat(h.shade(1)).isEqualTo("#0072b2");
        assertThat(h.shade(Double.NaN)).isEqualTo(Style.EMPTY);
        String svg = h.svg();
        assertThat(svg.split("<rect ", -1).length - 1).isEqualTo(1 + 6 + 5);
        assertThat(svg).contains(">50%</text>").contains(">rows: a</text>");
    }

    @Test
    void theSameChartGivesTheSameBytes() {
        assertThat(sobolLike().svg()).isEqualTo(sobolLike().svg());
        assertThat(sobolLike().svg()).contains("font-family=\"" + Style.FONT + "\"");
    }
}
