package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Mechanisms;

class ResearchTest {
    @Test
    void ownResearchAddsGrefTimesResearcherRatioToTheElasticity() {
        var s = Fixtures.FOUR_LABS.withMechanisms(Mechanisms.allOn().with(MechanismSwitch.SPILLOVER, false).with(MechanismSwitch.ECOSYSTEM, false));
        World w = Fixtures.world(s);
        MarketState st = Runs.start(w);
        double before = st.lnA[0];
        new Research().apply(w, st);
        var t = s.technology();
        double g = Math.log(t.algorithmicProgressPerYear()) / 12 * Math.pow(st.researchers[0] / t.referenceResearchers(), t.researchElasticity());
        assertThat(st.lnA[0] - before).isCloseTo(g, within(1e-12));
    }

    @Test
    void spilloverClosesSigmaOfTheGapToTheBestOpenModel() {
        var s = Fixtures.FOUR_LABS.withMechanisms(Mechanisms.allOn().with(MechanismSwitch.RESEARCH, false).with(MechanismSwitch.ECOSYSTEM, false));
        World w = Fixtures.world(s);
        MarketState st = Runs.start(w);
        st.bestOpenLnA = st.lnA[0] + 1.0;
        double before = st.lnA[0];
        new Research().apply(w, st);
        assertThat(st.lnA[0] - before).isCloseTo(s.technology().spilloverPerMonth(), within(1e-12));
    }
}
