package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void labColumnsAreAlignedAndMoneyIsReadable() {
        String text = SummaryTable.render(SyntheticRuns.run(12));
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Scenario synthetic & <test>, seed 42, aggregate engine, 12 months 2024-11 to 2025-10");
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("  lab ")).findFirst().orElseThrow());
        int end = lines.subList(header, lines.size()).indexOf("") + header;
        List<String> table = lines.subList(header, end);
        // Right-aligned numbers: every row of the lab table ends in the same column.
        assertThat(table).allSatisfy(l -> assertThat(l).hasSize(table.get(0).length()));
        assertThat(table).contains("  lab                      closedai  openlab           bigapp");
        assertThat(table).anySatisfy(l -> assertThat(l.split(" {2,}")).containsExactly("", "revenue", "$492M", "$984M", "$1.5B"));
        assertThat(table).anySatisfy(l -> assertThat(l.split(" {2,}"))
            .containsExactly("", "users: subscription", "2.4M", "4.8M", "7.2M"));
        assertThat(table).anySatisfy(l -> assertThat(l.split(" {2,}")).containsExactly("", "payoff", "-$340M", "$660M", "$1.7B"));
        assertThat(text).contains("open-weight share of tokens (last 12 months)").contains("31.7%")
            .contains("7.5 months").contains("$33B");
        assertThat(text).doesNotContain(" \n");
    }
}
