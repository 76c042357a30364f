package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.EcosystemSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Mechanism ecosystemDecay: switched off, or the {@code ecosystem} section left out, the run is the
 * one before, bit for bit; on, a month keeps 2^(-1/h) of the stock and adds the month's new
 * derivatives; a stock with no new derivatives halves in h months; over a run where derivatives
 * feed back into nothing (theta and psi 0), the decayed stock follows D = D 2^(-1/h) + the undecayed
 * run's monthly additions.
 */
class EcosystemDecayTest {
    private static final Scenario BEFORE = Fixtures.FOUR_LABS;
    private static final double H = 12;
    private static final Scenario ON = BEFORE.withEcosystem(new EcosystemSpec(H));

    @Test void offOrLeftOutIsTheRunBeforeBitForBit() {
        assertThat(BEFORE.ecosystem()).as("the default world has no ecosystem section").isNull();
        assertThat(BEFORE.mechanisms().isOn(MechanismSwitch.ECOSYSTEM_DECAY)).as("the switch is on by default").isTrue();
        String before = RunDigest.of(Fixtures.ENGINE.run(BEFORE));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON.with(MechanismSwitch.ECOSYSTEM_DECAY, false)))).isEqualTo(before);
        RunResult on = Fixtures.ENGINE.run(ON);
        assertThat(RunDigest.of(on)).isNotEqualTo(before);
        RunResult off = Fixtures.ENGINE.run(BEFORE);
        int last = off.series("open-challenger", MetricNames.DERIVATIVES).months() - 1;
        assertThat(on.series("open-challenger", MetricNames.DERIVATIVES).at(last))
            .as("a decaying stock ends below the one that never decays")
            .isLessThan(0.5 * off.series("open-challenger", MetricNames.DERIVATIVES).at(last));
    }

    /** A hand-computed month: a stock of 1,000 keeps 1000 x 2^(-1/12) = 943.87, and 500 hosted users at rho add 500 rho. */
    @Test void aMonthKeepsTwoToTheMinusOneOverHAndAddsTheNewOnes() {
        World w = Fixtures.world(ON);
        int lab = ON.labIndex("open-challenger");
        int g = 0; // the world's first segment whose users make derivatives (the world's segments are the scenario's split by region)
        while (w.scenario.segments().get(g).derivativesPerUserMonth() <= 0) g++;
        double rho = w.scenario.segments().get(g).derivativesPerUserMonth();
        MarketState s = Runs.start(w);
        Arrays.fill(s.segUsers, 0);
        s.segUsers[(g * w.labs + lab) * OptionKind.COUNT + OptionKind.HOSTED.ordinal()] = 300;
        s.segUsers[(g * w.labs + lab) * OptionKind.COUNT + OptionKind.SELFHOST.ordinal()] = 200;
        s.derivatives[lab] = 1000;
        new Ecosystem().apply(w, s);
        assertThat(s.derivatives[lab]).isCloseTo(1000 * Math.pow(2, -1 / H) + 500 * rho, within(1e-9));
        assertThat(1000 * Math.pow(2, -1 / H)).isCloseTo(943.874, within(1e-3));
        assertThat(s.derivativesGrowth[lab]).as("new derivatives over the stock before the month").isCloseTo(500 * rho / 1000, within(1e-15));
    }

    @Test void aStockWithNoNewDerivativesHalvesInHMonths() {
        for (double h : new double[] {1, 6, 12, 30}) {
            Scenario s = BEFORE.withEcosystem(new EcosystemSpec(h));
            World w = Fixtures.world(s);
            MarketState st = Runs.start(w);
            Arrays.fill(st.segUsers, 0);
            Arrays.fill(st.derivatives, 1000);
            for (int m = 0; m < h; m++) new Ecosystem().apply(w, st);
            for (int i = 0; i < w.labs; i++) assertThat(st.derivatives[i]).as("h = %s, lab %d", h, i).isCloseTo(500, within(1e-9));
            for (int m = 0; m < h; m++) new Ecosystem().apply(w, st);
            assertThat(st.derivatives[0]).as("h = %s, twice h", h).isCloseTo(250, within(1e-9));
        }
    }

    /** With theta and psi 0 the stock feeds back into nothing, so the users, and each month's new derivatives, are those of the run without decay. */
    @Test void overARunTheStockFollowsTheRecurrence() {
        Scenario inert = DecayRecurrence.inert(BEFORE);
        RunResult plain = Fixtures.ENGINE.run(inert);
        RunResult decayed = Fixtures.ENGINE.run(inert.withEcosystem(new EcosystemSpec(H)));
        DecayRecurrence.assertFollows(plain, decayed, BEFORE.labs(), H);
    }

    @Test void badValuesNameTheFileLineAndField() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml() + "\necosystem:\n  derivativeHalfLifeMonths: 14\n";
        assertThat(Scenarios.parse("x.yaml", yaml).ecosystem().derivativeHalfLifeMonths()).isEqualTo(14);
        assertThat(Fixtures.set(ON, "ecosystem.derivativeHalfLifeMonths", 6.0).ecosystem().keptPerMonth()).as("set by path, as experiments do").isCloseTo(Math.pow(2, -1.0 / 6), within(1e-15));
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("derivativeHalfLifeMonths: 14", "derivativeHalfLifeMonths: 0.5")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:").hasMessageContaining("derivativeHalfLifeMonths");
        assertThatThrownBy(() -> Scenarios.parse("x.yaml", yaml.replace("derivativeHalfLifeMonths: 14", "halfLife: 14")))
            .isInstanceOf(InputException.class).hasMessageContaining("x.yaml:");
    }
}
