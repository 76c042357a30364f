package owsim.market;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenarios;

class ProbeTest {
    @Test
    void probe() {
        var sc = Scenarios.defaultScenario();
        var eng = new AggregateEngine(Catalog.bundled());
        long t0 = System.nanoTime();
        RunResult r = eng.run(sc);
        long t1 = System.nanoTime();
        for (int k = 0; k < 5; k++) eng.run(sc);
        long t2 = System.nanoTime();
        System.out.printf("first %.1f ms, warm %.2f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 5e6);
        int[] ms = {0, 6, 9, 12, 24, 36, 59};
        for (var l : sc.labs()) {
            System.out.println("== " + l.id());
            for (String met : new String[] {"capability", "users", "users.subscription", "users.free", "users.api", "users.hosted", "users.selfhost", "revenueUsd", "servingCostUsd", "distillationBurdenUsd", "trainingSpendUsd", "profitUsd", "cashUsd", "researchers", "awareness", "derivatives", "subscriberLossShare", "tokens"}) {
                StringBuilder sb = new StringBuilder(String.format("%-22s", met));
                for (int m : ms) sb.append(String.format(" %11.4g", r.series(l.id(), met).at(m)));
                System.out.println(sb);
            }
        }
        for (String met : new String[] {"openWeightTokenShare", "openModelLagMonths", "bestOpenCapability", "bestClosedCapability", "consumerSurplusUsd", "usdPerMillionTokensAtFixedCapability", "allTokens"}) {
            StringBuilder sb = new StringBuilder(String.format("%-38s", met));
            for (int m : ms) sb.append(String.format(" %11.4g", r.series("market", met).at(m)));
            System.out.println(sb);
        }
        System.out.println(r.market());
    }
}
