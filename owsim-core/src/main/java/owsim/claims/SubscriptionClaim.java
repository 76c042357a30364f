package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;

/** Claim b: a subscriber who uses the plan's full limits costs the operator more than the fee. */
final class SubscriptionClaim implements Claim {
    @Override public String id() { return "b"; }

    @Override public String statement() { return "A subscriber who uses the full limits costs the operator more than the subscription fee."; }

    @Override public String experiment() {
        return "Serving cost of one subscriber at the frontier lab's monthly token cap vs the fee, priced as the market prices its plan"
            + " (the lab's newest model, scaled to its capability, on its fleet at the chat speed floor, at that month's compute prices)"
            + " at the end of the run's first year (the verdict) and in the last month the plan is served;"
            + " and the share of its subscribers costing more than the fee over the run, with plan caps on vs off.";
    }

    /** Month index of the verdict: the end of the run's first year (the discussion's present), or the last month of a shorter run. */
    static int verdictMonth(int months) {
        return Math.min(11, months - 1);
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
        double cap = spec.subscription().monthlyTokenCap();
        double fee = spec.subscription().usdPerMonth();
        // The market's own price of a subscription token (MarketState via the metric): the template
        // model priced on its own would be the ~5B-active catalog model, not the model the lab serves.
        double[] perToken = Experiments.values(with, lab, MetricNames.SUBSCRIPTION_USD_PER_TOKEN);
        double[] active = Experiments.values(with, lab, MetricNames.FRONTIER_ACTIVE_PARAMS);
        int first = verdictMonth(perToken.length);
        // The last month the lab still serves its plan (with financing on, a lab may exit before the end).
        int last = perToken.length - 1;
        while (last > first && !(perToken[last] > 0)) last--;
        if (!(perToken[first] > 0)) {
            return new ClaimResult(id(), statement(), experiment(), Verdict.fails(), meanWithout - meanWith, "share of subscribers",
                "The frontier lab '" + lab + "' serves no subscription in " + with.monthLabel(first) + ".", List.of(), chart(lossWith, lossWithout));
        }
        double costFirst = cap * perToken[first];
        double costLast = cap * perToken[last];
        double breakEven = fee / perToken[first];
        // Cost is linear in usage, so the claim holds exactly when the cap exceeds the break-even usage:
        // a plain HOLDS when this world's cap does, else the condition it would need.
        Verdict verdict = costFirst > fee ? Verdict.holds() : Verdict.holdsWhen("labs." + lab + ".subscription.monthlyTokenCap", "above", breakEven);
        String finding = String.format(Locale.ROOT, "In %s the lab serves its plan on a %s-active-parameter model; at the cap (%s tokens/month)"
                + " a subscriber costs %s/month to serve against a %s fee, so the claim %s there; it holds when the cap exceeds the break-even"
                + " usage of %s tokens/month. In %s (a %s-active model, at that month's compute prices) the cost at the cap is %s/month (break-even %s tokens/month)."
                + " Over the run %.1f%% of subscribers cost more than the fee with caps (%.1f%% without).",
            with.monthLabel(first), Readable.count(active[first]), Readable.count(cap), Readable.money(costFirst), Readable.money(fee),
            costFirst > fee ? "holds" : "fails", Readable.count(breakEven), with.monthLabel(last), Readable.count(active[last]),
            Readable.money(costLast), Readable.count(fee / perToken[last]), 100 * meanWith, 100 * meanWithout);
        return new ClaimResult(id(), statement(), experiment(), verdict, meanWithout - meanWith, "share of subscribers", finding,
            List.of(new Measure("serving cost of a subscriber at the cap vs fee, " + with.monthLabel(first), "USD/month", costFirst, fee),
                new Measure("serving cost of a subscriber at the cap vs fee, " + with.monthLabel(last), "USD/month", costLast, fee),
                new Measure("mean share of subscribers costing more than the fee (caps on vs off)", "share", meanWith, meanWithout)),
            chart(lossWith, lossWithout))
            // Cost is linear in usage, so cost / fee = cap / break-even: positive when the cap exceeds it.
            .withMargin(Math.log10(costFirst / fee), "log10 (serving cost at the cap / fee, " + with.monthLabel(first) + ")");
    }

    private static ChartData chart(double[] with, double[] without) {
        return new ChartData("Share of the frontier lab's subscribers costing more than the fee", "month", "share", List.of(
            new ChartData.Line("caps on", Experiments.months(with.length), with),
            new ChartData.Line("caps off", Experiments.months(without.length), without)));
    }
}
