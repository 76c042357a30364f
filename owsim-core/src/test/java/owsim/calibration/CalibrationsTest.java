package owsim.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenarios;

/** Bad targets files are refused before any fit, naming file, line and field, and saying what is allowed. */
class CalibrationsTest {
    private static final AggregateEngine ENGINE = new AggregateEngine(Catalog.bundled());

    static final String GOOD = """
        name: t
        rootSeed: 1
        parameters:
          - path: labs[frontier-closed].brandUtility
            min: 0
            max: 3
        targets:
          - id: users
            entity: frontier-closed
            metric: users
            at: 2025-02
            value: 8.0e8
            unit: users
            tolerance: 0.2
            source: somebody
            date: 2025-10
          - id: share
            entity: frontier-closed
            metric: users.subscription
            per: users
            mean: [2025-01, 2025-03]
            value: 0.05
            unit: share
            toleranceFactor: 2
            use: check
            source: somebody
            date: 2025-10-06
        """;

    static Calibration parse(String text, List<String> params) {
        return Calibrations.parse("t.yaml", text, "default", Scenarios.defaultYaml(), Scenarios.defaultScenario(), params, ENGINE);
    }

    private static String error(String text) {
        try {
            parse(text, null);
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted:\n" + text);
    }

    @Test
    void aGoodFileResolvesMonthsAndCutsTheRunToTheLastTarget() {
        Calibration c = parse(GOOD, null);
        // The run is cut after the last target's month: March (the mean over January to March).
        assertThat(c.base().months()).isEqualTo(3);
        assertThat(c.targets().get(0).from()).isEqualTo(1);
        assertThat(c.targets().get(1).kind()).isEqualTo(Target.Kind.MEAN);
        assertThat(c.targets().get(1).to()).isEqualTo(2);
        assertThat(c.fitCount()).isEqualTo(1);
        assertThat(c.parameters()).hasSize(1);
    }

    @Test
    void errorsNameFileLineAndField() {
        assertThat(error(GOOD.replace("tolerance: 0.2", "tolerance: 1.5")))
            .startsWith("t.yaml:14:").contains("targets[0].tolerance: must be above 0 and below 1");
        assertThat(error(GOOD.replace("    tolerance: 0.2\n", "")))
            .startsWith("t.yaml:").contains("targets[0].tolerance: give exactly one of tolerance");
        assertThat(error(GOOD.replace("metric: users\n", "metric: usres\n")))
            .startsWith("t.yaml:10:").contains("targets[0].metric: 'frontier-closed' has no series 'usres'; did you mean 'users'?");
        assertThat(error(GOOD.replace("entity: frontier-closed\n    metric: users\n", "entity: frontier-closd\n    metric: users\n")))
            .startsWith("t.yaml:9:").contains("targets[0].entity: no entity 'frontier-closd'").contains("did you mean 'frontier-closed'?");
        assertThat(error(GOOD.replace("per: users", "per: user")))
            .contains("targets[1].per: 'frontier-closed' has no series 'user'");
        assertThat(error(GOOD.replace("at: 2025-02", "at: 2031-10")))
            .startsWith("t.yaml:11:").contains("targets[0].at: 2031-10 is after the scenario ends (2025-01 to 2029-12)");
        assertThat(error(GOOD.replace("at: 2025-02", "at: 2024-12")))
            .contains("targets[0].at: 2024-12 is before the scenario starts");
        assertThat(error(GOOD.replace("at: 2025-02", "at: Oct 2025")))
            .contains("targets[0].at: a month is written YYYY-MM, was 'Oct 2025'");
        assertThat(error(GOOD.replace("    at: 2025-02\n", "    at: 2025-02\n    sum: [2025-01, 2025-02]\n")))
            .contains("targets[0].at: give exactly one of at");
        assertThat(error(GOOD.replace("id: share", "id: users"))).startsWith("t.yaml:17:").contains("targets[1].id: 'users' is used twice");
        assertThat(error(GOOD.replace("use: check", "use: holdout"))).contains("targets[1].use: must be 'fit' or 'check'");
        assertThat(error(GOOD.replace("    source: somebody\n    date: 2025-10\n", "    date: 2025-10\n")))
            .contains("targets[0].source: required");
        assertThat(error(GOOD.replace("date: 2025-10\n", "date: last year\n"))).contains("targets[0].date: required as YYYY-MM");
        assertThat(error(GOOD.replace("value: 8.0e8", "value: 0"))).contains("targets[0].value: must be a finite number > 0");
        assertThat(error(GOOD.replace("    unit: users\n", "    unti: users\n"))).startsWith("t.yaml:13:").contains("targets[0].unti: unknown key 'unti'; did you mean 'unit'");
        assertThat(error(GOOD.replace("labs[frontier-closed].brandUtility", "labs[frontier-closed].brandUtilty")))
            .startsWith("t.yaml:4:").contains("parameters[0].path:").contains("did you mean 'brandUtility'?");
        assertThat(error(GOOD.replace("    min: 0\n    max: 3\n", "    distribution: discrete\n    levels: [0, 1]\n")))
            .contains("parameters[0].distribution: discrete levels cannot be fitted");
        assertThat(error(GOOD.replace("max: 3", "max: 300"))).contains("parameters[0].max: 300.0 is not allowed for labs[frontier-closed].brandUtility");
        assertThat(error(GOOD.replace("    tolerance: 0.2\n", "    tolerance: 0.2\n    use: check\n")))
            .contains("targets: no target has use: fit");
        assertThat(error(GOOD.replace("rootSeed: 1\n", ""))).contains("rootSeed: required");
        assertThat(error(GOOD.replace("rootSeed: 1\n", "rootSeed: 1\nsearch: {starts: 0}\n")))
            .startsWith("t.yaml:3:").contains("search.starts: must be from 1 to 256");
    }

    @Test
    void commandLineParametersReplaceTheFilesAndAreChecked() {
        Calibration c = parse(GOOD, List.of("labs[frontier-closed].brandUtility", "segments[consumers].priceWeightPerUsd=log:0.05..0.5"));
        assertThat(c.parameters()).hasSize(2);
        assertThat(c.parameters().get(1).distribution().fromUnit(1)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> parse(GOOD, List.of("labs[frontier-closed].brandUtilit")))
            .hasMessageContaining("--params: 'labs[frontier-closed].brandUtilit' has no range in the targets file; did you mean 'labs[frontier-closed].brandUtility'?");
        assertThatThrownBy(() -> parse(GOOD, List.of("segments[consumers].priceWeightPerUsd=0.05-0.5")))
            .hasMessageContaining("--params: write PATH=MIN..MAX or PATH=log:MIN..MAX");
        assertThatThrownBy(() -> parse(GOOD, List.of("segments[consumers].priceWeightPerUsd=a..b"))).hasMessageContaining("must be numbers");
        assertThatThrownBy(() -> parse(GOOD, List.of("segments[nobody].priceWeightPerUsd=0..1"))).hasMessageContaining("--params: ");
        assertThatThrownBy(() -> parse(GOOD, List.of("segments[consumers].priceWeightPerUsd=-1..1")))
            .hasMessageContaining("--params: -1.0 is not allowed for segments[consumers].priceWeightPerUsd");
    }
}
