package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/** Identities that must hold every month of a run, whatever the parameters. */
class AccountingTest {
    /** Checks every identity on each month of the scenario; returns the number of months checked. */
    static int checkEveryMonth(Scenario s) {
        int[] months = {0};
        RunResult r = Fixtures.run(s, (w, st) -> {
            months[0]++;
            // Users (and non-users) of every segment add up to its population.
            for (int g = 0; g < w.segments; g++) {
                double people = 0;
                for (int c = 0; c < w.classes; c++) {
                    if (w.userClasses.segment[c] != g) continue;
                    for (int o = 0; o < w.options; o++) people += st.population[g] * w.userClasses.weight[c] * st.shares[c * w.options + o];
                }
                assertThat(people).isCloseTo(st.population[g], within(1e-9 * st.population[g] + 1e-9));
            }
            // Every dollar a user pays lands at a lab or a host (a lab's revenue also holds its ads, its parent's value, its cloud's
            // margin on hosting and its seats under contract, paid by no user of a segment); every harvest dollar at a lab.
            double labs = 0;
            double spent = 0;
            double received = 0;
            for (int i = 0; i < w.labs; i++) {
                labs += st.revenue[i] - st.adRevenue[i] - st.parentAppsRevenue[i] - st.cloudHostingRevenue[i] - st.enterpriseContractsRevenue[i];
                spent += st.harvestSpend[i];
                received += st.harvestRevenue[i];
            }
            double hosts = 0;
            for (double h : st.hostRevenue) hosts += h;
            assertThat(labs + hosts).isCloseTo(st.userPaymentsUsd, within(1e-9 * st.userPaymentsUsd + 1e-6));
            assertThat(received).isCloseTo(spent, within(1e-9 * spent + 1e-6));
            // The hosts' serving cost, by segment and by whose weights (cloudHosting), adds up to the hosts' serving cost.
            double hostCost = 0;
            double byWeights = 0;
            for (double h : st.hostCost) hostCost += h;
            for (double h : st.segHostedServing) byWeights += h;
            assertThat(byWeights).isCloseTo(hostCost, within(1e-9 * hostCost + 1e-6));
            // Pro plans (proPlans): their subscribers are part of the subscription's, each paying the pro fee of the month (planPricing moves it), and their fees part of the lab's revenue.
            for (int i = 0; i < w.labs; i++) {
                double subscribers = st.usersByKind[i * OptionKind.COUNT + OptionKind.SUBSCRIPTION.ordinal()];
                assertThat(st.proSubscribers[i]).isBetween(0.0, subscribers * (1 + 1e-12));
                assertThat(st.proRevenue[i]).isCloseTo(st.proSubscribers[i] * st.proFeeUsd[i], within(1e-9 * st.proRevenue[i] + 1e-6));
                assertThat(st.proRevenue[i]).isLessThanOrEqualTo((st.revenue[i] - st.adRevenue[i]) * (1 + 1e-12) + 1e-6);
                if (!w.labTable.proOffered[i]) assertThat(st.proSubscribers[i]).isZero();
            }
            // Awareness is a probability; shares are non-negative. (The extremes are asserted, not each
            // of the thousands of values a month: a NaN makes its extreme NaN and fails the same way.)
            double lowest = 0;
            double highest = 0;
            for (double a : st.awareness) {
                lowest = Math.min(lowest, a);
                highest = Math.max(highest, a);
            }
            assertThat(lowest).as("lowest awareness").isGreaterThanOrEqualTo(0.0);
            assertThat(highest).as("highest awareness").isLessThanOrEqualTo(1.0);
            double lowestShare = 0;
            for (double x : st.shares) lowestShare = Math.min(lowestShare, x);
            assertThat(lowestShare).as("lowest share").isGreaterThanOrEqualTo(-1e-12);
            // Tokens by lab and host add up to the market's tokens.
            double tokens = 0;
            for (double t : st.segTokens) tokens += t;
            assertThat(tokens).isCloseTo(st.allTokens, within(1e-9 * tokens + 1e-6));
            assertThat(st.openTokens).isBetween(0.0, st.allTokens * (1 + 1e-12));
        });
        for (var l : s.labs()) {
            double[] all = r.series(l.id(), MetricNames.USERS).values();
            for (int m = 0; m < s.months(); m++) {
                double sum = 0;
                for (OptionKind k : OptionKind.values()) sum += r.series(l.id(), "users." + k).at(m);
                assertThat(all[m]).isCloseTo(sum, within(1e-9 * sum + 1e-9));
                assertThat(Double.isFinite(r.series(l.id(), MetricNames.CASH_USD).at(m))).isTrue();
            }
        }
        return months[0];
    }

    @Test
    void identitiesHoldEveryMonthOfTheDefault() {
        assertThat(checkEveryMonth(Fixtures.FOUR_LABS)).isEqualTo(60);
    }

    @Test
    void sameScenarioGivesTheSameNumbers() {
        RunResult a = Fixtures.ENGINE.run(Fixtures.FOUR_LABS.withMonths(24));
        RunResult b = new owsim.market.aggregate.AggregateEngine(Fixtures.CATALOG).run(Fixtures.FOUR_LABS.withMonths(24));
        for (Series s : a.series()) assertThat(b.series(s.entity(), s.metric()).values()).containsExactly(s.values());
    }
}
