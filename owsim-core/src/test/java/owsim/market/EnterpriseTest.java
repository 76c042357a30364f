package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism {@code enterprise}: switched off, or with no segment carrying an {@code enterprise:}
 * block, the run is the one before the mechanism existed, bit for bit; on, a segment with a
 * procurement lag is offered each release exactly the lag after it was released (never before, and
 * as soon as it passes), other segments as before; the lab-API premium moves the segment's users
 * to the labs' APIs and its tokens off open weights; bad blocks name the file, line and field.
 */
class EnterpriseTest {
    private static final Scenario ON = Fixtures.FOUR_LABS;
    private static final Scenario OFF = ON.with(MechanismSwitch.ENTERPRISE, false);
    private static final String BLOCK_START = "    enterprise:";
    /**
     * Every series of the default world's 60 months with the switch off: the run before the mechanism existed (the
     * mechanism tests' digests pinned before it, FinancingTest's and the others', hold with it off, bit for bit).
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    static final String BEFORE_ENTERPRISE = "937615183e243aadd954f303cb9aedf3361f0312a1f9ea0dc34f327a67bf38f8";
    /** The lag the tests give the major players: every lab's last release before the run passes at a different month (0 to 2). */
    private static final int LAG = 5;

    /** The default world's text without the major players' enterprise block (its header line and its two fields). */
    static String withoutBlock(String yaml) {
        int at = yaml.indexOf(BLOCK_START);
        assertThat(at).as("the default's enterprise block").isPositive();
        int end = at;
        for (int k = 0; k < 3; k++) end = yaml.indexOf('\n', end) + 1;
        return yaml.substring(0, at) + yaml.substring(end);
    }

    @Test void offOrWithoutABlockIsTheRunBeforeItBitForBit() {
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF))).isEqualTo(BEFORE_ENTERPRISE);
        Scenario none = Scenarios.parse("x.yaml", withoutBlock(owsim.scenario.TestWorlds.fourLabsYaml()));
        assertThat(none.segments().stream().allMatch(g -> g.enterprise() == null)).isTrue();
        assertThat(RunDigest.of(Fixtures.ENGINE.run(none))).isEqualTo(BEFORE_ENTERPRISE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON))).isNotEqualTo(BEFORE_ENTERPRISE);
    }

    /** A block with no lag and no premium changes nothing either. */
    @Test void aBlockOfZerosIsTheRunBefore() {
        Scenario zeros = Fixtures.set(Fixtures.set(ON, "segments[major-players].enterprise.procurementLagMonths", 0),
            "segments[major-players].enterprise.labApiPremiumUtils", 0);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(zeros.withMonths(24)))).isEqualTo(RunDigest.of(Fixtures.ENGINE.run(OFF.withMonths(24))));
    }

    /**
     * Every release the major players are offered, through any option, is offered first exactly the lag
     * after its release (month 0 for one that passed before the run), and never before; releases made in
     * the run are among them, and without the switch the same releases reach the segment in their release
     * month. The developers (no block) are offered each release from its release month, as without the switch.
     */
    @Test void theLagDelaysEachReleaseByExactlyTheLag() {
        Scenario lagged = Fixtures.set(Fixtures.ONE_REGION, "segments[major-players].enterprise.procurementLagMonths", LAG).withMonths(24);
        Map<String, Integer> on = firstOffered(lagged, "major-players");
        Map<String, Integer> off = firstOffered(lagged.with(MechanismSwitch.ENTERPRISE, false), "major-players");
        Map<String, Integer> releaseMonth = new HashMap<>();
        Fixtures.run(lagged.withMonths(24), (w, s) -> {
            for (Release r : s.releases) releaseMonth.put(r.model.id(), r.month);
        });
        int inRun = 0;
        for (Map.Entry<String, Integer> e : on.entrySet()) {
            int released = releaseMonth.get(e.getKey());
            assertThat(e.getValue()).as("first month %s is offered to the major players", e.getKey()).isEqualTo(Math.max(0, released + LAG));
            if (released >= 0) {
                inRun++;
                assertThat(off.get(e.getKey())).as("without the switch, %s", e.getKey()).isEqualTo(released);
            }
        }
        assertThat(inRun).as("releases made in the run that reach the major players").isGreaterThanOrEqualTo(3);
        assertThat(firstOffered(lagged, "developers")).isEqualTo(firstOffered(lagged.with(MechanismSwitch.ENTERPRISE, false), "developers"));
    }

    /** The first month each release (by model id) is offered to a class of the segment, through any option. */
    private static Map<String, Integer> firstOffered(Scenario s, String segment) {
        Map<String, Integer> first = new HashMap<>();
        Fixtures.run(s, (w, st) -> {
            int g = w.scenario.segmentIndex(segment);
            for (int c = 0; c < w.classes; c++) {
                if (w.userClasses.segment[c] != g) continue;
                for (int o = 1; o < w.options; o++) {
                    if (st.offerAvailable[c * w.options + o]) first.putIfAbsent(st.offerModel[c * w.options + o].model.id(), st.month);
                }
            }
        });
        return first;
    }

    /**
     * With the lag at 0, the premium alone: the major players' users of the labs' APIs rise and their
     * open-weight share of tokens falls, in every month; the developers' are unchanged in the first month
     * (before the segments' choices act on the labs through revenue and awareness).
     */
    @Test void thePremiumMovesTheSegmentToLabApis() {
        Scenario base = Fixtures.set(ON, "segments[major-players].enterprise.procurementLagMonths", 0).withMonths(12);
        Scenario none = Fixtures.set(base, "segments[major-players].enterprise.labApiPremiumUtils", 0);
        RunResult with = Fixtures.ENGINE.run(base);
        RunResult without = Fixtures.ENGINE.run(none);
        String seg = "major-players.west";
        double[] apiWith = apiUsers(with, base, seg);
        double[] apiWithout = apiUsers(without, base, seg);
        double[] openWith = with.series(seg, MetricNames.OPEN_WEIGHT_TOKEN_SHARE).values();
        double[] openWithout = without.series(seg, MetricNames.OPEN_WEIGHT_TOKEN_SHARE).values();
        for (int m = 0; m < 12; m++) {
            assertThat(apiWith[m]).as("API users, month %d", m).isGreaterThan(apiWithout[m]);
            assertThat(openWith[m]).as("open-weight token share, month %d", m).isLessThan(openWithout[m]);
        }
        assertThat(with.series("developers.west", MetricNames.TOKENS).values()[0])
            .isEqualTo(without.series("developers.west", MetricNames.TOKENS).values()[0]);
    }

    static double[] apiUsers(RunResult r, Scenario s, String segment) {
        double[] sum = new double[r.series(segment, MetricNames.TOKENS).values().length];
        for (var l : s.labs()) {
            var series = r.series(segment, MetricNames.users(l.id(), OptionKind.API));
            if (series == null) continue;
            double[] v = series.values();
            for (int m = 0; m < sum.length; m++) sum[m] += v[m];
        }
        return sum;
    }

    @Test void badBlocksNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("procurementLagMonths: 3 ", "procurementLagMonths: 40 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml").hasMessageContaining("procurementLagMonths");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("labApiPremiumUtils: 0.5 ", "labApiPremiumUtils: -1 ")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml").hasMessageContaining("labApiPremiumUtils");
    }
}
