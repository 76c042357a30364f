package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import owsim.catalog.Catalog;
import owsim.catalog.WeightFormat;
import owsim.report.chart.Style;
import owsim.serving.KvFormat;
import owsim.serving.ParetoFrontier;
import owsim.serving.ServeRequest;
import owsim.serving.ServingEngine;
import owsim.serving.ServingPareto;

/** The serving frontier drawn by the shared chart module: a standalone SVG file, one series per accelerator, round ticks. */
class ParetoChartTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Pattern TICK = Pattern.compile("<line x1=\"([0-9.]+)\" x2=\"\\1\" y1=\"[0-9.]+\" y2=\"[0-9.]+\" stroke=\"#888\"/>\n"
        + "<text x=\"\\1\" y=\"[0-9.]+\" text-anchor=\"middle\" fill=\"#333\">([^<]+)</text>");

    private static List<ParetoFrontier> frontiers(String model, String... hardware) {
        ServingPareto pareto = new ServingPareto(new ServingEngine());
        List<ParetoFrontier> out = new ArrayList<>();
        for (String h : hardware) {
            out.add(pareto.frontier(ServeRequest.of(CATALOG.model(model), CATALOG.accelerator(h)).withFormats(WeightFormat.FP8, KvFormat.BF16)));
        }
        return out;
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test void aWellFormedStandaloneSvgWithOneSeriesPerAccelerator() throws Exception {
        List<ParetoFrontier> fs = frontiers("llama-3.1-70b", "h100-sxm", "h200", "b200");
        String svg = ParetoChart.of("llama-3.1-70b & friends", fs).document();
        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" ");
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).doesNotContain("href").doesNotContain("<script").contains("&amp; friends")
            .contains("font-family=\"" + Style.FONT + "\"")
            .contains(ParetoChart.X_NAME).contains(ParetoChart.Y_NAME);
        // One line per accelerator in the palette's order, and one dot per Pareto point, each naming its batch.
        NodeList paths = doc.getElementsByTagName("path");
        assertThat(paths.getLength()).isEqualTo(3);
        int points = 0;
        for (int i = 0; i < 3; i++) {
            Element p = (Element) paths.item(i);
            assertThat(p.getAttribute("stroke")).isEqualTo(Style.color(i));
            assertThat(p.getTextContent()).startsWith(fs.get(i).hardware() + " (fp8 weights");
            points += fs.get(i).points().size();
        }
        NodeList circles = doc.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(points);
        for (int i = 0; i < circles.getLength(); i++) assertThat(circles.item(i).getTextContent()).contains("batch").contains("tok/s/GPU");
    }

    @Test void theSameFrontiersGiveTheSameBytes() {
        String a = ParetoChart.of("t", frontiers("qwen3-8b", "h100-sxm", "l40s")).document();
        String b = ParetoChart.of("t", frontiers("qwen3-8b", "h100-sxm", "l40s")).document();
        assertThat(a).isEqualTo(b);
    }

    @Test void axisTicksAreRoundAndCoverEveryPoint() {
        List<ParetoFrontier> fs = frontiers("llama-3.1-70b", "h100-sxm", "h200");
        var chart = ParetoChart.of("t", fs);
        double maxX = 0;
        double maxY = 0;
        for (ParetoFrontier f : fs) {
            for (var p : f.points()) {
                maxX = Math.max(maxX, p.tokensPerSecondPerUser());
                maxY = Math.max(maxY, p.tokensPerSecondPerGpu());
            }
        }
        for (double[] ticks : List.of(chart.x().ticks(), chart.y().ticks())) {
            assertThat(ticks[0]).isZero();
            double step = ticks[1] - ticks[0];
            double mag = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertThat(Math.round(step / mag * 1e9) / 1e9).isIn(1.0, 2.0, 5.0);
            for (int i = 1; i < ticks.length; i++) assertThat(ticks[i] - ticks[i - 1]).isCloseTo(step, org.assertj.core.data.Offset.offset(step * 1e-9));
        }
        double[] xt = chart.x().ticks();
        double[] yt = chart.y().ticks();
        assertThat(xt[xt.length - 1]).isGreaterThanOrEqualTo(maxX);
        assertThat(yt[yt.length - 1]).isGreaterThanOrEqualTo(maxY);
        // The labels drawn under the plot are the ticks', in compact form (no 14.75 or 24.94).
        Matcher m = TICK.matcher(chart.svg());
        List<String> labels = new ArrayList<>();
        while (m.find()) labels.add(m.group(2));
        assertThat(labels).hasSize(xt.length).allMatch(s -> s.matches("0|[0-9]+(\\.[0-9])?k?"));
    }

    @Test void anAcceleratorTheModelDoesNotFitKeepsItsLegendEntry() throws Exception {
        List<ParetoFrontier> fs = frontiers("deepseek-v3", "h200", "rtx-4090");
        assertThat(fs.get(1).points()).isEmpty();
        String svg = ParetoChart.of("t", fs).document();
        parse(svg);
        assertThat(svg).contains(">rtx-4090: does not fit</text>");
        assertThat(svg.split("<path ", -1).length - 1).isEqualTo(1);
    }
}
