package owsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import owsim.report.chart.Style;

/** The web app's charts look like the static pages': the chart module's palette and font, in the same order. */
class PagesStyleTest {
    private static String page(String name) throws IOException {
        try (InputStream in = PagesStyleTest.class.getResourceAsStream("/owsim/web/pages/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test void theChartsShareThePaletteAndFontOfTheChartModule() throws IOException {
        String js = page("app.js");
        String palette = Style.PALETTE.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ", "[", "]"));
        assertThat(js).contains("const PALETTE = " + palette + ";").contains("const FONT = \"" + Style.FONT + "\";");
        assertThat(page("app.css")).contains("font: 14px/1.45 " + Style.FONT + ";");
    }
}
