package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import owsim.market.RunResult;
import owsim.report.chart.Axis;
import owsim.report.chart.LineChart;
import owsim.report.chart.Style;

class HtmlReportTest {

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    @Test
    void oneSelfContainedPageWithAnSvgPerChart() {
        String html = HtmlReport.render(SyntheticRuns.run(36), "dev");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        // Nothing to fetch: no links, no scripts, no external resources of any kind.
        assertThat(html.toLowerCase()).doesNotContain("http").doesNotContain("src=").doesNotContain("<script")
            .doesNotContain("<link").doesNotContain("url(").doesNotContain("@import");
        assertThat(count(html, "<svg")).isEqualTo(6).isEqualTo(count(html, "</svg>"));
        for (String title : List.of("Capability of each lab", "Users per lab", "Revenue and serving cost", "Cash per lab",
            "Open-weight share of tokens", "Lag of the best open-weight model")) {
            assertThat(html).contains(title);
        }
        for (String id : SyntheticRuns.LAB_IDS) assertThat(html).contains(id);
        assertThat(html).contains("best closed model").contains("best open-weight model");
    }

    @Test
    void titleNamesScenarioSeedAndEngineEscaped() {
        String html = HtmlReport.render(SyntheticRuns.run(12), "dev");
        assertThat(html).contains("<title>owsim: synthetic &amp; &lt;test&gt;, seed 42, aggregate engine</title>");
        assertThat(html).doesNotContain("<test>");
    }

    @Test
    void axesHaveMonthLabelsAndUnits() {
        String html = HtmlReport.render(SyntheticRuns.run(36), "dev");
        // 36 months from 2024-11: labels every 6 months, on calendar quarters/halves.
        assertThat(html).contains(">2025-01</text>").contains(">2025-07</text>").contains(">2026-07</text>");
        assertThat(html).contains(">USD per month</text>").contains(">months</text>");
        // The share axis is in percent, cash goes negative and shows a minus sign.
        assertThat(html).contains(">40%</text>").contains(">80%</text>");
        Matcher m = Pattern.compile(">-\\$[0-9.]+B</text>").matcher(html);
        assertThat(m.find()).isTrue();
    }

    @Test
    void aMissingSeriesSaysNoDataInsteadOfFailing() {
        RunResult base = SyntheticRuns.run(12);
        RunResult noMarket = new RunResult(base.scenarioName(), base.startMonth(), base.months(), base.seed(), base.engine(),
            base.series().stream().filter(s -> !s.entity().equals("market")).toList(), base.labs(), base.market());
        String html = HtmlReport.render(noMarket, "dev");
        assertThat(count(html, "<svg")).isEqualTo(6);
        assertThat(count(html, "no data in this run")).isEqualTo(2);
    }

    @Test
    void oneMonthRunDrawsPoints() {
        String html = HtmlReport.render(SyntheticRuns.run(1), "dev");
        assertThat(html).contains("<circle").contains(">2024-11</text>");
    }

    @Test
    void everyChartIsALineChartOverCalendarMonthsInTheSharedFont() {
        RunResult run = SyntheticRuns.run(36);
        for (LineChart c : ReportCharts.of(run)) {
            assertThat(c.x()).as(c.title()).isInstanceOf(Axis.Months.class);
            for (double t : c.x().ticks()) assertThat(t).isEqualTo(Math.rint(t));
        }
        String html = HtmlReport.render(run, "dev");
        assertThat(count(html, "font-family=\"" + Style.FONT + "\"")).isEqualTo(6);
        assertThat(html).contains("font-family: " + Style.FONT + ";");
    }

    @Test
    void sameRunSameBytes() {
        assertThat(HtmlReport.render(SyntheticRuns.run(24), "dev")).isEqualTo(HtmlReport.render(SyntheticRuns.run(24), "dev"));
    }
}
