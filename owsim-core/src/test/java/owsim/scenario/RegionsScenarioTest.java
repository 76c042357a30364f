package owsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.io.InputException;

/**
 * The four-lab world's regions, access rules and export controls load (the default's are the same,
 * with lines for its four more labs); a mistake in them is refused with its file, line and field.
 */
class RegionsScenarioTest {
    /** The four-lab world, whose lines the edits below were written against. */
    private static String yaml() { return TestWorlds.fourLabsYaml(); }

    private static Scenario parse(String text) { return Scenarios.parse("x.yaml", text); }

    @Test
    void theFourLabWorldSplitsItsSegmentsIntoThreeRegions() {
        Scenario s = TestWorlds.fourLabs();
        assertThat(s.regions()).extracting(RegionSpec::id).containsExactly("west", "china", "row");
        Scenario split = Regions.expand(s);
        assertThat(split.segments()).hasSize(15);
        for (SegmentSpec g : s.segments()) {
            double people = 0;
            double influence = 0;
            for (SegmentSpec p : split.segments()) {
                if (!p.id().startsWith(g.id() + ".")) continue;
                people += p.population();
                influence += p.influence();
            }
            assertThat(people).as(g.id()).isCloseTo(g.population(), org.assertj.core.data.Offset.offset(g.population() * 1e-9));
            assertThat(influence).as(g.id()).isCloseTo(g.influence(), org.assertj.core.data.Offset.offset(g.influence() * 1e-9));
        }
        SegmentSpec rowConsumers = split.segments().get(split.segmentIndex("consumers.row"));
        assertThat(rowConsumers.region()).isEqualTo("row");
        assertThat(rowConsumers.priceWeightPerUsd()).isEqualTo(0.15 / 0.23);
        LabSpec frontier = split.labs().get(split.labIndex("frontier-closed"));
        assertThat(frontier.initialAwareness("consumers.west")).isEqualTo(0.69);
        assertThat(frontier.initialAwareness("developers.china")).isEqualTo(0.95); // the segment's value; access rules then zero it
        Scenario off = s.withMechanisms(s.mechanisms().with("regions", false));
        assertThat(Regions.expand(off)).isSameAs(off);
        Scenarios.checkCatalog(s, Catalog.bundled());
    }

    @Test
    void sharesThatDoNotSumToOneAreRefused() {
        assertThatThrownBy(() -> parse(yaml().replace("      consumers: 0.20              # 1.108B", "      consumers: 0.30              # 1.108B")))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("x.yaml:")
            .hasMessageContaining("populationShare of segment 'consumers' must sum to 1")
            .hasMessageContaining("china: 0.3");
    }

    @Test
    void unknownRegionsAndLabsAreNamed() {
        assertThatThrownBy(() -> parse(yaml().replace("unavailableIn: [china]", "unavailableIn: [chian]")))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("access[0].unavailableIn")
            .hasMessageContaining("unknown region 'chian'; regions: west, china, row");
        assertThatThrownBy(() -> parse(yaml().replace("homeRegion: west               # a US lab", "homeRegion: usa")))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[0].homeRegion")
            .hasMessageContaining("unknown region 'usa'");
        assertThatThrownBy(() -> parse(yaml().replace("  - lab: app-giant\n", "  - lab: app-gaint\n")))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("access[1].lab")
            .hasMessageContaining("unknown lab 'app-gaint'");
    }

    @Test
    void exportControlMonthsAreChecked() {
        assertThatThrownBy(() -> parse(yaml().replace("fromMonth: \"2025-04\"", "fromMonth: \"2025-13\"")))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("exportControls[3].fromMonth")
            .hasMessageContaining("YYYY-MM");
        assertThatThrownBy(() -> parse(yaml().replace("untilMonth: \"2025-08\"", "untilMonth: \"2025-02\"")))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("exportControls[3].untilMonth")
            .hasMessageContaining("after fromMonth");
        Scenario bad = parse(yaml().replace("accelerators: [h20]", "accelerators: [h21]"));
        assertThatThrownBy(() -> Scenarios.checkCatalog(bad, Catalog.bundled()))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("exportControls[3].accelerators")
            .hasMessageContaining("h20");
    }

    /** The scenario text without its regions, access rules, export controls and the labs' regional lines. */
    static String withoutRegions(String text) {
        String cut = text.substring(0, text.indexOf("\n# Regions: every segment")) + "\n" + text.substring(text.indexOf("mechanisms: {}"));
        StringBuilder out = new StringBuilder();
        for (String line : cut.split("\n", -1)) {
            String t = line.trim();
            if (t.startsWith("homeRegion:") || t.startsWith("hardwareOptions:") || t.startsWith("regionalAwareness:")) continue;
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    @Test
    void withoutItsRegionsTheFourLabWorldIsTheOneRegionWorld() {
        Scenario plain = parse(withoutRegions(yaml()));
        assertThat(plain).isEqualTo(Regions.strip(TestWorlds.fourLabs()));
    }

    /** The four-lab world with {@code copies} more consumer segments that live in the West only. */
    private static String withWesternCopies(int copies) {
        String text = yaml();
        int start = text.indexOf("  - id: consumers");
        int end = text.indexOf("  - id: developers");
        String copy = text.substring(start, end).replace("    reachable: true\n", "    reachable: true\n    region: west\n");
        StringBuilder more = new StringBuilder();
        for (int i = 0; i < copies; i++) more.append(copy.replace("id: consumers", "id: copy" + i));
        return text.substring(0, end) + more + text.substring(end);
    }

    @Test
    void theSegmentsRegionsMakeAreHeldToTheAgentEnginesLimit() {
        // The four-lab world's five segments make fifteen parts; with 112 segments of one region each that is the limit, 127.
        assertThat(Regions.expand(parse(withWesternCopies(112))).segments()).hasSize(Scenario.MAX_SEGMENTS);
        assertThatThrownBy(() -> parse(withWesternCopies(113)))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("segments: split into the regions they make 128 segments; at most 127");
    }

    @Test
    void regionalKeysNeedRegions() {
        String noRegions = yaml().substring(0, yaml().indexOf("regions:\n  - id: west")) + yaml().substring(yaml().indexOf("mechanisms: {}"));
        assertThatThrownBy(() -> parse(noRegions))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("labs[0].homeRegion")
            .hasMessageContaining("unknown region 'west'; the scenario declares no regions");
        String noHome = noRegions.replace("    homeRegion: west               # a US lab\n", "");
        assertThatThrownBy(() -> parse(noHome))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("x.yaml:")
            .hasMessageContaining("labs[0].regionalAwareness")
            .hasMessageContaining("unknown region 'west'; the scenario declares no regions");
    }
}
