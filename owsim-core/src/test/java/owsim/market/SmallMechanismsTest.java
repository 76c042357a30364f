package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;

/** Usage, talent, ecosystem and finance: each checked against its own formula on a mid-run state. */
class SmallMechanismsTest {
    @Test
    void usageRevenueIsUsersTimesWhatTheyPay() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 8);
        Fixtures.stepUntil(x, Usage.class);
        World w = x.world();
        MarketState s = x.state();
        new Usage().apply(w, s);
        int lab = 0;
        double expected = 0;
        for (int c = 0; c < w.classes; c++) {
            double pop = s.population[w.userClasses.segment[c]] * w.userClasses.weight[c];
            for (int k = 0; k < 3; k++) {
                int o = c * w.options + w.optionTable.base(lab) + k;
                if (s.offerAvailable[o]) expected += pop * s.shares[o] * s.offerPay[o];
            }
        }
        assertThat(s.revenue[lab]).isCloseTo(expected, within(1e-6 * expected));
    }

    @Test
    void talentConservesResearchersPlusNewEntrants() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 5);
        Fixtures.stepUntil(x, Talent.class);
        MarketState s = x.state();
        double before = 0;
        for (double r : s.researchers) before += r;
        new Talent().apply(x.world(), s);
        double after = 0;
        for (double r : s.researchers) after += r;
        assertThat(after - before).isCloseTo(Fixtures.FOUR_LABS.market().newResearchersPerMonth(), within(1e-6));
    }

    @Test
    void prestigeDecaysWithItsHalfLife() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 5);
        MarketState s = x.state();
        java.util.Arrays.fill(s.news, 0);
        int closed = Fixtures.FOUR_LABS.labIndex("frontier-closed");
        s.prestige[closed] = 1;
        new Talent().apply(x.world(), s);
        assertThat(s.prestige[closed]).isCloseTo(Math.pow(2, -1 / Fixtures.FOUR_LABS.market().prestigeHalfLifeMonths()), within(1e-12));
    }

    @Test
    void derivativesGrowByRhoTimesOpenModelUsers() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 7);
        Fixtures.stepUntil(x, Ecosystem.class);
        World w = x.world();
        MarketState s = x.state();
        int lab = Fixtures.FOUR_LABS.labIndex("open-challenger");
        double before = s.derivatives[lab];
        double expected = 0;
        for (int g = 0; g < w.segments; g++) {
            int k = (g * w.labs + lab) * 5;
            expected += w.scenario.segments().get(g).derivativesPerUserMonth()
                * (s.segUsers[k + OptionKind.HOSTED.ordinal()] + s.segUsers[k + OptionKind.SELFHOST.ordinal()]);
        }
        new Ecosystem().apply(w, s);
        assertThat(expected).isGreaterThan(0);
        assertThat(s.derivatives[lab] - before).isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void profitIsRevenueMinusEveryCost() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 9);
        Fixtures.stepUntil(x, Finance.class);
        MarketState s = x.state();
        double cash = s.cash[0];
        new Finance().apply(x.world(), s);
        LabSpec l = Fixtures.FOUR_LABS.labs().get(0);
        double profit = s.revenue[0] + s.harvestRevenue[0] - s.servingCost[0] - s.trainingSpend[0]
            - s.researchers[0] * l.researcherUsdPerYear() / 12 - l.marketingUsdPerMonth() - s.harvestSpend[0] - l.defenceUsdPerMonth();
        assertThat(s.profit[0]).isCloseTo(profit, within(1e-6 * Math.abs(profit)));
        assertThat(s.cash[0] - cash).isCloseTo(profit, within(1e-6 * Math.abs(profit)));
    }
}
