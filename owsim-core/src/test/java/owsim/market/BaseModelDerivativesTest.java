package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.DerivativesPerBaseModelSpec;
import owsim.scenario.EcosystemSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism derivativesPerBaseModel: switched off, or its section left out, the run is the one
 * before, bit for bit; on, a hand-computed case of two and three releases (new derivatives moving
 * to the new base, the weight of the old one, a base pushed out of the last slot, a base whose
 * frontier model is closed, decay per base); over a run where derivatives feed back into nothing,
 * the weighted stock never exceeds the single stock and ends below it.
 */
class BaseModelDerivativesTest {
    private static final Scenario BEFORE = Fixtures.FOUR_LABS;
    private static final DerivativesPerBaseModelSpec SPEC = new DerivativesPerBaseModelSpec(0.7, 0.5, 4);
    private static final Scenario ON = BEFORE.withDerivativesPerBaseModel(SPEC);
    private static final String LAB = "open-challenger";

    @Test void offOrLeftOutIsTheRunBeforeBitForBit() {
        assertThat(BEFORE.derivativesPerBaseModel()).as("the default world has no derivativesPerBaseModel section").isNull();
        assertThat(BEFORE.mechanisms().isOn(MechanismSwitch.DERIVATIVES_PER_BASE_MODEL)).as("the switch is on by default").isTrue();
        String before = RunDigest.of(Fixtures.ENGINE.run(BEFORE));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.with(MechanismSwitch.DERIVATIVES_PER_BASE_MODEL, false)))).isEqualTo(before);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON))).isNotEqualTo(before);
        assertThat(Runs.start(Fixtures.world(ON.with(MechanismSwitch.DERIVATIVES_PER_BASE_MODEL, false))).baseDerivatives).as("no slots when off").isEmpty();
    }

    /** A state with no releases and the month's new derivatives of lab {@code lab} set to {@code added} through its hosted users. */
    private static MarketState empty(World w, int lab, double added) {
        MarketState s = Runs.start(w);
        Arrays.fill(s.segUsers, 0);
        int g = 0; // the world's first segment whose users make derivatives
        while (w.scenario.segments().get(g).derivativesPerUserMonth() <= 0) g++;
        double rho = w.scenario.segments().get(g).derivativesPerUserMonth();
        s.segUsers[(g * w.labs + lab) * OptionKind.COUNT + OptionKind.HOSTED.ordinal()] = added / rho;
        return s;
    }

    private static void release(MarketState s, int lab, int month, double capability, boolean open) {
        Release r = new Release(lab, month, null, capability, 1e9, 1e9, 0, true, 0);
        if (open) r.openSince = month;
        s.releases.add(r);
        s.releaseChanges[lab]++;
    }

    /** The first test's two months: 1,000 new derivatives a month, a base of capability 25.0 in the first, one of 25.5 opening in the second. */
    private static MarketState twoMonths(World w, int lab) {
        MarketState s = empty(w, lab, 1000);
        release(s, lab, -6, 25.0, true);
        new Ecosystem().apply(w, s);
        release(s, lab, 6, 25.5, true);
        new Ecosystem().apply(w, s);
        return s;
    }

    /**
     * Two releases, s = 0.7, d = 0.5 decades. Month 1: one open base (capability 25.0) gets all of
     * 1,000 new derivatives. Month 2: a base 0.5 decades better opens; the old one's weight is
     * 2^(-0.5/0.5) = 0.5, so the stock before the month counts 500; the new base gets 700 and the old
     * 300, the old holds 1,300 and D = 700 + 0.5 x 1,300 = 1,350; growth (700 + 0.5 x 300) / 500 = 1.7.
     */
    @Test void twoReleasesTheNewOneDrawsTheDerivativesAndTheOldCountsByItsWeight() {
        World w = Fixtures.world(ON);
        int lab = ON.labIndex(LAB);
        MarketState s = empty(w, lab, 1000);
        release(s, lab, -6, 25.0, true);
        new Ecosystem().apply(w, s);
        assertThat(s.derivatives[lab]).isCloseTo(1000, within(1e-6));
        assertThat(s.baseCount[lab]).isEqualTo(1);
        release(s, lab, 6, 25.5, true);
        new Ecosystem().apply(w, s);
        int row = lab * SPEC.baseModelSlots();
        assertThat(s.baseCount[lab]).isEqualTo(2);
        assertThat(s.baseMonth[row]).as("slot 0 is the newest base").isEqualTo(6);
        assertThat(s.baseDerivatives[row]).isCloseTo(700, within(1e-6));
        assertThat(s.baseDerivatives[row + 1]).isCloseTo(1300, within(1e-6));
        assertThat(s.derivatives[lab]).isCloseTo(1350, within(1e-6));
        assertThat(s.derivativesGrowth[lab]).isCloseTo(1.7, within(1e-9));
        for (int i = 0; i < w.labs; i++) if (i != lab) assertThat(s.derivatives[i]).as("lab %d", i).isZero();
    }

    /**
     * Two slots: a third base (26.0) pushes the first out with its stock; the second, 0.5 decades
     * behind, weighs 0.5. Its 700 count 350 before the month; of 1,000 new, 700 to the newest and
     * 300 to the second (the only older one), D = 700 + 0.5 x 1,000 = 1,200, growth 850 / 350.
     * A family whose frontier model is closed counts by its open variant's capability.
     */
    @Test void aBasePushedOutOfTheLastSlotLosesItsStock() {
        Scenario two = BEFORE.withDerivativesPerBaseModel(new DerivativesPerBaseModelSpec(0.7, 0.5, 2));
        World w = Fixtures.world(two);
        int lab = two.labIndex(LAB);
        MarketState s = twoMonths(w, lab);
        release(s, lab, 12, 27.0, false); // the family's frontier model stays closed
        release(s, lab, 12, 26.0, true);  // its distilled variant is open
        new Ecosystem().apply(w, s);
        int row = lab * 2;
        assertThat(s.baseMonth[row]).isEqualTo(12);
        assertThat(s.baseCapability[row]).as("the family's most capable open model").isEqualTo(26.0);
        assertThat(s.baseMonth[row + 1]).isEqualTo(6);
        assertThat(s.baseDerivatives[row]).isCloseTo(700, within(1e-6));
        assertThat(s.baseDerivatives[row + 1]).isCloseTo(1000, within(1e-6));
        assertThat(s.derivatives[lab]).isCloseTo(1200, within(1e-6));
        assertThat(s.derivativesGrowth[lab]).isCloseTo(850.0 / 350, within(1e-9));
    }

    /** With ecosystemDecay (h = 1 month: half kept), each base keeps half before the new ones: the old base's 1,000 becomes 500 + 300 = 800, the new one's 0 + 700, D = 700 + 0.5 x 800 = 1,100. */
    @Test void decayAppliesToEachBase() {
        Scenario both = ON.withEcosystem(new EcosystemSpec(1));
        World w = Fixtures.world(both);
        int lab = both.labIndex(LAB);
        MarketState s = twoMonths(w, lab);
        assertThat(s.derivatives[lab]).isCloseTo(700 + 0.5 * 800, within(1e-6));
    }

    /** With theta and psi 0 nothing feeds back, so the users and each month's new derivatives are those of the single stock; weights at most 1 keep D at most the single stock's. */
    @Test void overARunTheWeightedStockStaysBelowTheSingleStock() {
        Scenario inert = DecayRecurrence.inert(BEFORE);
        RunResult plain = Fixtures.ENGINE.run(inert);
        RunResult perBase = Fixtures.ENGINE.run(inert.withDerivativesPerBaseModel(SPEC));
        Series p = plain.series(LAB, MetricNames.DERIVATIVES);
        Series b = perBase.series(LAB, MetricNames.DERIVATIVES);
        for (int m = 0; m < p.months(); m++) assertThat(b.at(m)).as("month %d", m).isLessThanOrEqualTo(p.at(m) * (1 + 1e-12));
        int last = p.months() - 1;
        assertThat(b.at(last)).as("older bases' derivatives count for less").isLessThan(0.9 * p.at(last));
        assertThat(b.at(last)).as("the newest bases' derivatives still count").isGreaterThan(0.2 * p.at(last));
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml() + "\nderivativesPerBaseModel:\n  newestBaseShare: 0.8\n  relevanceHalvingDecades: 0.4\n";
        Scenario s = Scenarios.parse("x.yaml", yaml);
        assertThat(s.derivativesPerBaseModel().newestBaseShare()).isEqualTo(0.8);
        assertThat(s.derivativesPerBaseModel().baseModelSlots()).as("left out").isEqualTo(DerivativesPerBaseModelSpec.DEFAULT_SLOTS);
        assertThat(s.derivativesPerBaseModel().weight(0.8)).isCloseTo(0.25, within(1e-15));
        assertThat(Fixtures.set(s, "derivativesPerBaseModel.newestBaseShare", 0.6).derivativesPerBaseModel().newestBaseShare()).as("set by path").isEqualTo(0.6);
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("newestBaseShare: 0.8", "newestBaseShare: 1.2")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("newestBaseShare");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml + "  baseModelSlots: 40\n"))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("baseModelSlots");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("relevanceHalvingDecades", "halving")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:");
    }
}
