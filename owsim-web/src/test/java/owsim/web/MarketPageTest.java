package owsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.Scenarios;

/**
 * The market page's sliders start at the default world's values: an untouched slider is not sent
 * with the run, so a slider showing another value would show a number the run did not use.
 */
class MarketPageTest {
    private static final Pattern PARAM = Pattern.compile(
        "\\[\"([^\"]+)\", \"[^\"]*\", ([-0-9.e]+), ([-0-9.e]+), ([-0-9.e]+), ([-0-9.e]+)\\]");

    @Test void everySliderStartsAtTheDefaultWorldsValueInsideItsRange() throws IOException {
        String page;
        try (InputStream in = MarketPageTest.class.getResourceAsStream("/owsim/web/pages/market.html")) {
            assertThat(in).isNotNull();
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String params = page.substring(page.indexOf("const PARAMS = ["), page.indexOf("];", page.indexOf("const PARAMS = [")));
        Scenario def = Scenarios.defaultScenario();
        ScenarioOverrides paths = new ScenarioOverrides();
        List<String> seen = new ArrayList<>();
        Matcher m = PARAM.matcher(params);
        while (m.find()) {
            String path = m.group(1);
            double min = Double.parseDouble(m.group(2));
            double max = Double.parseDouble(m.group(3));
            double shown = Double.parseDouble(m.group(5));
            Object value = paths.value(def, path);
            assertThat(value).as(path).isInstanceOf(Number.class);
            assertThat(shown).as(path).isEqualTo(((Number) value).doubleValue()).isBetween(min, max);
            seen.add(path);
        }
        assertThat(seen).hasSize(8).contains("segments[consumers].churnPerMonth");
    }
}
