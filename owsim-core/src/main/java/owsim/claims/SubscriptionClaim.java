package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;
import owsim.serving.ServingEngine;
import owsim.serving.SubscriberEconomics;

/** Claim b: a subscriber who uses the plan's full limits costs the operator more than the fee. */
final class SubscriptionClaim implements Claim {
    @Override public String id() { return "b"; }

    @Override public String statement() { return "A subscriber who uses the full limits costs the operator more than the subscription fee."; }

    @Override public String experiment() {
        return "Serving cost of one subscriber at the frontier lab's monthly token cap (serving engine, its template model on its fleet) vs the fee;"
            + " and the share of its subscribers costing more than the fee over the run, with plan caps on vs off.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.SUBSCRIPTION_CAPS; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.frontier(base);
        LabSpec spec = Experiments.spec(base, lab);
        RunResult with = engine.run(base);
        RunResult without = engine.run(Experiments.with(base, MechanismSwitch.SUBSCRIPTION_CAPS, false));
        double[] lossWith = Experiments.values(with, lab, MetricNames.SUBSCRIBER_LOSS_SHARE);
        double[] lossWithout = Experiments.values(without, lab, MetricNames.SUBSCRIBER_LOSS_SHARE);
        double meanWith = Experiments.mean(lossWith);
        double meanWithout = Experiments.mean(lossWithout);
        if (spec.subscription() == null || spec.subscription().monthlyTokenCap() <= 0) {
            return new ClaimResult(id(), statement(), experiment(), Verdict.fails(), meanWithout - meanWith, "share of subscribers",
                "The frontier lab '" + lab + "' sells no capped subscription in this scenario.", List.of(), chart(lossWith, lossWithout));
        }
        Catalog cat = engine.catalog();
        SubscriberEconomics e = new ServingEngine().subscriber(cat.model(spec.templateModel()), cat.accelerator(spec.fleetHardware()),
            spec.subscription().monthlyTokenCap(), spec.subscription().usdPerMonth());
        // Cost is linear in usage, so the claim holds exactly when the cap exceeds the break-even usage.
        Verdict verdict = Verdict.holdsWhen("labs." + lab + ".subscription.monthlyTokenCap", "above", e.breakEvenTokensPerMonth());
        String finding = String.format(Locale.ROOT, "At the cap (%s tokens/month) a subscriber costs %s/month to serve against a %s fee, so the claim %s here;"
                + " it holds when the cap exceeds the break-even usage of %s tokens/month. Over the run %.1f%% of subscribers cost more than the fee"
                + " with caps (%.1f%% without).",
            Readable.count(e.tokensPerMonth()), Readable.money(e.usdCostPerMonth()), Readable.money(e.usdPricePerMonth()),
            e.usdCostPerMonth() > e.usdPricePerMonth() ? "holds" : "fails", Readable.count(e.breakEvenTokensPerMonth()), 100 * meanWith, 100 * meanWithout);
        return new ClaimResult(id(), statement(), experiment(), verdict, meanWithout - meanWith, "share of subscribers", finding,
            List.of(new Measure("serving cost of a subscriber at the cap vs fee", "USD/month", e.usdCostPerMonth(), e.usdPricePerMonth()),
                new Measure("mean share of subscribers costing more than the fee (caps on vs off)", "share", meanWith, meanWithout)),
            chart(lossWith, lossWithout))
            // Cost is linear in usage, so cost / fee = cap / break-even: positive when the cap exceeds it.
            .withMargin(Math.log10(e.usdCostPerMonth() / e.usdPricePerMonth()), "log10 (serving cost at the cap / fee)");
    }

    private static ChartData chart(double[] with, double[] without) {
        return new ChartData("Share of the frontier lab's subscribers costing more than the fee", "month", "share", List.of(
            new ChartData.Line("caps on", Experiments.months(with.length), with),
            new ChartData.Line("caps off", Experiments.months(without.length), without)));
    }
}
