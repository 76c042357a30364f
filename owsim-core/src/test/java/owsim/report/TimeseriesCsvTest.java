package owsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.Csv;
import owsim.market.RunResult;
import owsim.market.Series;

class TimeseriesCsvTest {

    private static String csv(RunResult run) throws IOException {
        StringWriter w = new StringWriter();
        TimeseriesCsv.write(run, w);
        return w.toString();
    }

    @Test
    void oneRowPerMonthAndSeriesAfterTheHeader() throws IOException {
        RunResult run = SyntheticRuns.run(14);
        List<String> lines = csv(run).lines().toList();
        assertThat(lines.get(0)).isEqualTo("month,entity,metric,unit,value");
        assertThat(lines).hasSize(1 + 14 * SyntheticRuns.seriesCount());
        assertThat(lines.get(1)).startsWith("2024-11,closedai,capability,log10 FLOP,");
        // The year rolls over: 2024-11, 2024-12, 2025-01 ...
        assertThat(lines.get(lines.size() - 1)).startsWith("2025-12,market,consumerSurplusUsd,USD/month,");
    }

    @Test
    void everyValueParsesBackToTheSameDouble() throws IOException {
        RunResult run = SyntheticRuns.run(7);
        Map<String, double[]> back = new HashMap<>();
        List<String> lines = csv(run).lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(5);
            int month = List.of("2024-11", "2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05").indexOf(f[0]);
            assertThat(month).isNotNegative();
            back.computeIfAbsent(f[1] + "/" + f[2], k -> new double[7])[month] = Double.parseDouble(f[4]);
        }
        for (Series s : run.series()) {
            assertThat(back.get(s.entity() + "/" + s.metric())).as(s.metric()).containsExactly(s.values());
        }
        assertThat(back).hasSize(run.series().size());
    }

    @Test
    void missingValuesAreNaNAndNumbersArePlain() throws IOException {
        String text = csv(SyntheticRuns.run(4));
        assertThat(text).contains("2024-11,market,openModelLagMonths,months,NaN\n");
        assertThat(text).contains("2024-11,closedai,tokens,tokens,3200000000000\n");
        assertThat(text).doesNotContain("E+").doesNotContain("\r");
        assertThat(TimeseriesCsv.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(TimeseriesCsv.number(-2.5e9)).isEqualTo("-2500000000");
        assertThat(TimeseriesCsv.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuoted() {
        assertThat(Csv.field("USD/month")).isEqualTo("USD/month");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
