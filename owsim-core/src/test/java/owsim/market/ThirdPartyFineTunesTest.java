package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.ThirdPartyFineTunesSpec;

/**
 * Mechanism {@code thirdPartyFineTunes}: switched off, or the section left out, the run is the one
 * before, bit for bit, and so is a section with {@code ownApiShare} 1; at 0, in a hand-checked month
 * the ratio of an open lab's API users to its hosted users in each class falls by exactly
 * (1 + D)^theta, the logit's amount, and over a run the open labs' API users move to hosted options.
 */
class ThirdPartyFineTunesTest {
    private static final Scenario BEFORE = Fixtures.FOUR_LABS;
    private static final String LAB = "open-challenger";

    static Scenario withShare(Scenario s, double share) {
        return s.withThirdPartyFineTunes(new ThirdPartyFineTunesSpec(share, Map.of()));
    }

    @Test void offOrLeftOutOrShareOneIsTheRunBeforeBitForBit() {
        assertThat(BEFORE.thirdPartyFineTunes()).as("the default world has no thirdPartyFineTunes section").isNull();
        assertThat(BEFORE.mechanisms().isOn(MechanismSwitch.THIRD_PARTY_FINE_TUNES)).as("the switch is on by default").isTrue();
        String before = RunDigest.of(Fixtures.ENGINE.run(BEFORE));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(withShare(BEFORE, 0).with(MechanismSwitch.THIRD_PARTY_FINE_TUNES, false)))).isEqualTo(before);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(withShare(BEFORE, 1)))).as("ownApiShare 1").isEqualTo(before);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(withShare(BEFORE, 0)))).isNotEqualTo(before);
        Scenario perLab = BEFORE.withThirdPartyFineTunes(new ThirdPartyFineTunesSpec(1.0, Map.of(LAB, 1.0, "small-open", 1.0)));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(perLab))).as("every lab's own share 1").isEqualTo(before);
    }

    /**
     * Month 0 (every user chooses, no switching cost) with the open lab's stock set to D = 1000:
     * within any set of known labs, P(API) / P(hosted) is the ratio of their logit weights, so in
     * every class the ratio of the lab's API share to its hosted share at ownApiShare 0 is the one at 1
     * divided by exp(theta ln(1 + D)) = (1 + D)^theta, and the hosted share rises.
     */
    @Test void atZeroAMonthMovesApiUsersToHostedByTheLogitsAmount() {
        double d = 1000;
        Fixtures.Stepped one = chosen(withShare(BEFORE, 1), d);
        Fixtures.Stepped zero = chosen(withShare(BEFORE, 0), d);
        World w = one.world();
        int lab = BEFORE.labIndex(LAB);
        int api = w.optionTable.base(lab) + OptionTable.API;
        int checked = 0;
        for (int c = 0; c < w.classes; c++) {
            double theta = w.scenario.segments().get(w.userClasses.segment[c]).ecosystemWeight();
            int row = c * w.options;
            double hosted1 = 0;
            double hosted0 = 0;
            for (int o = 1; o < w.options; o++) {
                if (w.optionTable.lab[o] != lab || w.optionTable.kind[o] != OptionKind.HOSTED) continue;
                hosted1 += one.state().shares[row + o];
                hosted0 += zero.state().shares[row + o];
            }
            double api1 = one.state().shares[row + api];
            double api0 = zero.state().shares[row + api];
            if (theta <= 0 || api1 <= 1e-12 || hosted1 <= 1e-12) continue;
            double hand = api1 / hosted1 / Math.pow(1 + d, theta);
            assertThat(api0 / hosted0).as("class %d: API over hosted at 0, theta %s", c, theta).isCloseTo(hand, within(1e-9 * hand));
            assertThat(api0).as("class %d: API share", c).isLessThan(api1);
            assertThat(hosted0).as("class %d: hosted share", c).isGreaterThan(hosted1);
            checked++;
        }
        assertThat(checked).as("classes offered both the lab's API and its hosts").isGreaterThanOrEqualTo(3);
    }

    /** The world at month 0 with the lab's stock D, after the month's choice. */
    private static Fixtures.Stepped chosen(Scenario s, double d) {
        Fixtures.Stepped x = Fixtures.steppedTo(s, 0);
        x.state().derivatives[s.labIndex(LAB)] = d;
        Fixtures.stepUntil(x, Choice.class);
        new Choice().apply(x.world(), x.state());
        return x;
    }

    /**
     * Over two years at 0, against the run at 1: the open labs' API users fall and the hosted share of
     * their API and hosted users rises (their hosted users need not rise: their free tiers lose the
     * term too, so fewer users know and make derivatives).
     */
    @Test void atZeroTheOpenLabsApiUsersMoveToHosts() {
        RunResult one = Fixtures.ENGINE.run(withShare(BEFORE, 1).withMonths(24));
        RunResult zero = Fixtures.ENGINE.run(withShare(BEFORE, 0).withMonths(24));
        for (String lab : new String[] {LAB, "small-open"}) {
            double[] api1 = one.series(lab, MetricNames.users(OptionKind.API)).values();
            double[] api0 = zero.series(lab, MetricNames.users(OptionKind.API)).values();
            double[] h1 = one.series(lab, MetricNames.users(OptionKind.HOSTED)).values();
            double[] h0 = zero.series(lab, MetricNames.users(OptionKind.HOSTED)).values();
            for (int m : new int[] {6, 12, 23}) {
                assertThat(api0[m]).as("%s API users, month %d", lab, m).isLessThan(api1[m]);
                assertThat(h0[m] / (h0[m] + api0[m])).as("%s hosted share of its API and hosted users, month %d", lab, m).isGreaterThan(h1[m] / (h1[m] + api1[m]));
            }
        }
    }

    @Test void aLabsOwnEntryOverridesTheShare() {
        World w = Fixtures.world(BEFORE.withThirdPartyFineTunes(new ThirdPartyFineTunesSpec(0.25, Map.of(LAB, 0.0))));
        int lab = BEFORE.labIndex(LAB);
        int other = BEFORE.labIndex("small-open");
        OptionTable t = w.optionTable;
        assertThat(t.ecosystemShare[t.base(lab) + OptionTable.API]).isZero();
        assertThat(t.ecosystemShare[t.base(lab) + OptionTable.FREE]).isZero();
        assertThat(t.ecosystemShare[t.base(other) + OptionTable.API]).isEqualTo(0.25);
        assertThat(t.ecosystemShare[t.base(other) + OptionTable.SUB]).isEqualTo(0.25);
        assertThat(t.ecosystemShare[t.base(lab) + OptionTable.HOSTED0]).isEqualTo(1);
        assertThat(t.ecosystemShare[t.selfhost(other)]).isEqualTo(1);
        assertThat(Fixtures.world(BEFORE).optionTable.ecosystemShare).as("left out").isNull();
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml() + "\nthirdPartyFineTunes:\n  ownApiShare: 0.3\n  labs: {open-challenger: 0.1}\n";
        Scenario s = Scenarios.parse("x.yaml", yaml);
        assertThat(s.thirdPartyFineTunes().ownShare("open-challenger")).isEqualTo(0.1);
        assertThat(s.thirdPartyFineTunes().ownShare("small-open")).isEqualTo(0.3);
        assertThat(Fixtures.set(s, "thirdPartyFineTunes.ownApiShare", 0.6).thirdPartyFineTunes().ownApiShare()).as("set by path, as experiments do").isEqualTo(0.6);
        assertThat(s.thirdPartyFineTunes().forLabs(java.util.List.of("small-open")).labs()).as("a lab that is gone").isEmpty();
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("ownApiShare: 0.3", "ownApiShare: 1.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("ownApiShare");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("open-challenger: 0.1", "open-challenger: -0.1")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("labs.open-challenger");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("open-challenger: 0.1", "nobody: 0.1")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml").hasMessageContaining("unknown lab");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("  ownApiShare: 0.3\n", "")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml").hasMessageContaining("ownApiShare");
    }
}
