package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/**
 * The market-side figures claims a and b read: a subscriber is priced on the model the market
 * serves (not the catalog template), and a lab's spillover gain comes only from other labs' open
 * models.
 */
class SubscriberAndSpilloverTest {
    private static final Scenario BASE = Fixtures.ONE_REGION.withMonths(24);

    @Test
    void subscriptionCostPerTokenIsTheServingEnginesPriceOfTheScaledModelTheMarketServes() {
        int lab = BASE.labIndex("frontier-closed");
        LabSpec spec = BASE.labs().get(lab);
        List<double[]> seen = new ArrayList<>();
        RunResult r = Fixtures.run(BASE, new RunCaches(), (w, s) -> {
            Release f = s.frontier(lab);
            // Priced afresh, on a new price table, from the release's own (scaled) architecture and hardware.
            ServingPrices fresh = new ServingPrices(new owsim.serving.ServingEngine(), w.scenario.technology().inputTokenShare());
            double perToken = fresh.fleet(f.model(), w.costs.hardware(f), w.costs.floor(OptionKind.SUBSCRIPTION)).usdPerToken(spec.fleetOwned())
                * w.costs.costFactor(s.month());
            seen.add(new double[] {perToken, f.activeParams, owsim.catalog.ParameterCount.of(f.model()).active()});
        });
        double[] metric = r.series("frontier-closed", MetricNames.SUBSCRIPTION_USD_PER_TOKEN).values();
        double[] active = r.series("frontier-closed", MetricNames.FRONTIER_ACTIVE_PARAMS).values();
        double template = owsim.catalog.ParameterCount.of(Fixtures.ENGINE.catalog().model(spec.templateModel())).active();
        for (int m = 0; m < metric.length; m++) {
            assertThat(metric[m]).as("month %d", m).isCloseTo(seen.get(m)[0], within(1e-12 * seen.get(m)[0]));
            assertThat(active[m]).isEqualTo(seen.get(m)[1]);
            // The market serves the template scaled to the lab's capability, far larger than the template.
            assertThat(seen.get(m)[2]).isGreaterThan(5 * template);
        }
    }

    @Test
    void aReleasingLabGainsNothingBackWhenNoOtherLabIsOpen() {
        Scenario s = BASE;
        for (LabSpec l : BASE.labs()) {
            if (!l.id().equals("open-challenger")) s = Fixtures.set(s, "labs[" + l.id() + "].policy", "closed");
        }
        double[] gain = Fixtures.ENGINE.run(s).series("open-challenger", MetricNames.SPILLOVER_LN_A).values();
        assertThat(gain).containsOnly(0.0);
        // The closed labs still learn from it: the measure is not zero everywhere.
        assertThat(Fixtures.ENGINE.run(s).series("frontier-closed", MetricNames.SPILLOVER_LN_A).values()[23]).isGreaterThan(0);
    }

    @Test
    void aReleasingLabGainsFromAMoreEfficientOpenModelOfAnotherLab() {
        Scenario s = Fixtures.set(BASE, "labs[small-open].algorithmicEfficiency", 20.0);
        double[] gain = Fixtures.ENGINE.run(s).series("open-challenger", MetricNames.SPILLOVER_LN_A).values();
        assertThat(gain[gain.length - 1]).isGreaterThan(0);
        Scenario off = s.with(owsim.scenario.MechanismSwitch.SPILLOVER, false);
        assertThat(Fixtures.ENGINE.run(off).series("open-challenger", MetricNames.SPILLOVER_LN_A).values()).containsOnly(0.0);
    }
}
