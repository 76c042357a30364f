package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import owsim.report.chart.Style;

class CostParetoCommandTest {
    @Test void jsonHasOneFrontierPerAcceleratorWithMonotonePoints() throws Exception {
        Cli r = Cli.run("cost", "pareto", "--model", "deepseek-v3", "--hardware", "h200", "--hardware", "b200", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("command").asText()).isEqualTo("cost pareto");
        JsonNode j = root.get("frontiers");
        assertThat(j).hasSize(2);
        assertThat(j.get(0).get("hardware").asText()).isEqualTo("h200");
        for (JsonNode f : j) {
            JsonNode pts = f.get("points");
            assertThat(pts.size()).isGreaterThanOrEqualTo(3);
            for (int i = 1; i < pts.size(); i++) {
                assertThat(pts.get(i).get("tokensPerSecondPerUser").asDouble()).isLessThan(pts.get(i - 1).get("tokensPerSecondPerUser").asDouble());
                assertThat(pts.get(i).get("tokensPerSecondPerGpu").asDouble()).isGreaterThan(pts.get(i - 1).get("tokensPerSecondPerGpu").asDouble());
            }
            for (String field : new String[] {"gpus", "batch", "parallelism", "usdPerMillionOutputTokens", "ttftMs"}) {
                assertThat(pts.get(0).has(field)).as(field).isTrue();
            }
        }
    }

    @Test void tableAndSvgChart(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("frontier.svg");
        Cli r = Cli.run("cost", "pareto", "--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--weights", "fp8", "--svg", svg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Pareto-optimal").contains("tok/s/user").contains("tok/s/GPU").contains("$/M output");
        String text = Files.readString(svg);
        // Self-contained: well-formed XML, no external references, both axes labelled.
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(text).doesNotContain("href").doesNotContain("<script")
            .contains("output tokens/s per user").contains("output tokens/s per GPU").contains("<circle").contains("batch");
        // The shared chart module's look: its font and first palette colour.
        assertThat(text).contains("font-family=\"" + Style.FONT + "\"").contains("stroke=\"" + Style.color(0) + "\"");
    }

    @Test void theSvgHasOneSeriesPerAcceleratorAndTheSameInputGivesTheSameBytes(@TempDir Path dir) throws Exception {
        String[] args = {"cost", "pareto", "--model", "qwen3-8b", "--hardware", "h100-sxm", "--hardware", "l40s", "--hardware", "b200", "--svg"};
        byte[][] files = new byte[2][];
        for (int i = 0; i < 2; i++) {
            Path svg = dir.resolve("f" + i + ".svg");
            String[] a = java.util.Arrays.copyOf(args, args.length + 1);
            a[args.length] = svg.toString();
            Cli r = Cli.run(a);
            assertThat(r.exit()).as(r.err()).isZero();
            files[i] = Files.readAllBytes(svg);
        }
        assertThat(files[1]).isEqualTo(files[0]);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new java.io.ByteArrayInputStream(files[0]));
        org.w3c.dom.NodeList paths = doc.getElementsByTagName("path");
        assertThat(paths.getLength()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(((org.w3c.dom.Element) paths.item(i)).getAttribute("stroke")).isEqualTo(Style.color(i));
            assertThat(paths.item(i).getTextContent()).startsWith(List.of("h100-sxm", "l40s", "b200").get(i) + " (");
        }
    }

    @Test void aModelThatDoesNotFitSaysSoAndBadInputIsRefused(@TempDir Path dir) {
        Cli r = Cli.run("cost", "pareto", "--model", "deepseek-v3", "--hardware", "rtx-4090");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("does not fit");
        Cli bad = Cli.run("cost", "pareto", "--model", "deepseek-v3", "--hardware", "h201");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("h200");
        Cli unwritable = Cli.run("cost", "pareto", "--model", "qwen3-8b", "--hardware", "h100-sxm", "--svg", dir.resolve("no/such/dir/x.svg").toString());
        assertThat(unwritable.exit()).isEqualTo(2);
        assertThat(unwritable.err()).contains("--svg").doesNotContain("Exception");
        Cli weights = Cli.run("cost", "pareto", "--model", "qwen3-8b", "--hardware", "h100-sxm", "--weights", "fp6");
        assertThat(weights.exit()).isEqualTo(2);
        assertThat(weights.err()).contains("--weights");
    }
}
