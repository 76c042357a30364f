package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.experiment.analysis.GridMeans;
import owsim.experiment.analysis.Interval;
import owsim.experiment.analysis.MorrisEffect;
import owsim.experiment.analysis.MorrisResult;
import owsim.experiment.analysis.SobolIndex;
import owsim.experiment.analysis.SobolResult;
import owsim.experiment.store.ResultsAnalysis;
import owsim.experiment.analysis.ReplicationSummary;

class AnalysisChartsTest {
    private static final SobolResult SOBOL = new SobolResult("market.openWeightTokenShare", 0.01, 64, 1000, List.of(
        new SobolIndex("technology.spilloverPerMonth", 0.55, new Interval(0.38, 0.71, 0.95), 0.62, new Interval(0.44, 1.08, 0.95)),
        new SobolIndex("labs[open-challenger].researchers", 0.02, new Interval(-0.06, 0.1, 0.95), 0.04, new Interval(-0.01, 0.09, 0.95))));
    private static final MorrisResult MORRIS = new MorrisResult("labs[open-challenger].payoff", List.of(
        new MorrisEffect("technology.spilloverPerMonth", -2e9, 3e9, 1e9, new Interval(2e9, 4.2e9, 0.95), 10),
        new MorrisEffect("market.elasticity", 1e8, 5e8, 9e8, new Interval(2e8, 8e8, 0.95), 10)));
    private static final GridMeans GRID = GridMeans.of("market.openWeightTokenShare", "technology.spilloverPerMonth",
        new double[] {0.02, 0.02, 0.07, 0.07, 0.02, 0.07}, "labs[open-challenger].researchers", new double[] {100, 1000, 100, 1000, 100, 1000},
        new double[] {0.1, 0.2, 0.3, 0.4, 0.12, Double.NaN});

    @Test
    void sobolBarsHaveANumericAxisCoveringEveryInterval() {
        String svg = AnalysisCharts.sobol(SOBOL).svg();
        // Intervals from -0.06 to 1.08: the axis reaches -0.2 and 1.2, so no whisker is cut.
        assertThat(svg).contains(">-0.2</text>").contains(">1.2</text>").contains(">S1 (first order)</text>").contains(">ST (total)</text>");
        assertThat(AnalysisCharts.sobol(SOBOL).categories()).containsExactly("technology.spilloverPerMonth", "labs[open-challenger].researchers");
    }

    @Test
    void morrisGetsBarsAndAMuStarSigmaScatter() {
        // A payoff is in the scenario's payoff measure, so its axis is a plain magnitude (no $ sign).
        assertThat(AnalysisCharts.morrisBars(MORRIS).svg()).contains(">0</text>").contains(">5B</text>");
        String scatter = AnalysisCharts.morrisScatter(MORRIS).svg();
        assertThat(scatter.split("<circle ", -1).length - 1).isEqualTo(2);
        assertThat(scatter).contains("technology.spilloverPerMonth").contains(">σ</text>");
    }

    @Test
    void aGridIsAHeatMapOfCellMeans() {
        assertThat(GRID.mean()[0][0]).isCloseTo(0.11, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(GRID.mean()[1][1]).isEqualTo(0.4);
        assertThat(GRID.runs()[0][0]).isEqualTo(2);
        String svg = AnalysisCharts.grid(GRID, false).svg();
        assertThat(svg).contains(">11.0% (2)</text>").contains(">40.0% (1)</text>").contains(">rows: technology.spilloverPerMonth</text>");
    }

    @Test
    void thePageDrawsTheChartKindsOfItsDesign() {
        ReplicationSummary s = ReplicationSummary.of("market.openWeightTokenShare", new double[] {0.1, 0.2, 0.3}, 0.95);
        ResultsAnalysis a = new ResultsAnalysis("x", "grid", 6, 6, List.of("technology.spilloverPerMonth", "labs[open-challenger].researchers"),
            List.of(s), new double[] {Double.NaN}, List.of(SOBOL), List.of(MORRIS), List.of(), List.of(GRID), List.of());
        String html = ExperimentReport.html(a);
        assertThat(html.split("<svg ", -1).length - 1).isEqualTo(4); // Sobol bars, Morris bars and scatter, grid heat map
        assertThat(html).contains("<h2>Grid: market.openWeightTokenShare</h2>").contains("μ* against σ")
            .doesNotContain("<script").doesNotContain("http");
        assertThat(ExperimentReport.html(a)).isEqualTo(html);
    }
}
