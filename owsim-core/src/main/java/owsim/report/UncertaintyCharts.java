package owsim.report;

import java.util.ArrayList;
import java.util.List;
import owsim.claims.uncertainty.ClaimUncertainty;
import owsim.claims.uncertainty.UncertaintyAnalysis;
import owsim.experiment.discovery.TippingSurface;
import owsim.format.Readable;
import owsim.report.chart.BarChart;
import owsim.report.chart.Chart;
import owsim.report.chart.HeatMap;
import owsim.report.chart.Style;
import owsim.report.chart.TickFormat;

/**
 * A claim's chart under uncertainty: the tipping surface as a heat map of the share of worlds where
 * the claim holds, or, when there is no surface (the claim holds in every world or none), its share
 * as a bar with its 95 % interval on a 0-100 % axis.
 */
final class UncertaintyCharts {
    private UncertaintyCharts() {}

    static Chart of(ClaimUncertainty c) {
        return c.surface() == null ? bar(c) : surface(c);
    }

    private static HeatMap surface(ClaimUncertainty c) {
        TippingSurface s = c.surface();
        int rows = s.share().length;
        int cols = s.share()[0].length;
        String[][] text = new String[rows][cols];
        for (int a = 0; a < rows; a++) {
            for (int b = 0; b < cols; b++) {
                double v = s.share()[a][b];
                text[a][b] = Double.isNaN(v) ? "" : Readable.percent(v) + " (" + s.points()[a][b] + ")";
            }
        }
        return new HeatMap("Claim " + c.claim() + ": share of worlds where it holds (worlds in the cell)", c.surfacePaths().get(0),
            c.surfacePaths().get(1), ranges(s.edgesA()), ranges(s.edgesB()), s.share(), text, 0, 1, "0%", "100%");
    }

    private static List<String> ranges(double[] edges) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < edges.length; i++) out.add(UncertaintyAnalysis.number(edges[i]) + "-" + UncertaintyAnalysis.number(edges[i + 1]));
        return out;
    }

    private static BarChart bar(ClaimUncertainty c) {
        BarChart.Bars share = new BarChart.Bars("share of worlds", Style.color(2), new double[] {c.share()},
            new double[] {c.interval().low()}, new double[] {c.interval().high()});
        return new BarChart("Claim " + c.claim() + ": share of worlds where it holds, 95% interval", "", "share of sampled worlds",
            TickFormat.percent(), Readable::percent, List.of("holds"), List.of(share), new double[] {1});
    }
}
