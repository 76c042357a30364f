package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;
import owsim.serving.SelfHostOption;
import owsim.serving.SelfHostOptions;
import owsim.serving.ServingEngine;

/** Claim d: for the largest models self-hosting only pays for major players. */
final class SelfHostClaim implements Claim {
    /** The claim's own figures: renting costs tens of thousands of USD a month, buying hundreds of thousands. */
    static final double RENT_USD_PER_MONTH = 1e4;
    static final double BUY_USD = 1e5;

    @Override public String id() { return "d"; }

    @Override public String statement() {
        return "For the largest models self-hosting makes no sense unless you are a major player: renting costs tens of thousands of USD a month, buying hundreds of thousands.";
    }

    @Override public String experiment() {
        return "Serving engine: cheapest rented and bought hardware for the catalog's largest model at the frontier lab's subscription cap, vs the subscription fee.";
    }

    @Override public MechanismSwitch mechanism() { return null; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        Catalog cat = engine.catalog();
        ModelSpec largest = null;
        long most = -1;
        for (ModelSpec m : cat.models()) {
            long total = ParameterCount.of(m).total();
            if (total > most || (total == most && m.id().compareTo(largest.id()) < 0)) {
                most = total;
                largest = m;
            }
        }
        LabSpec frontier = Experiments.spec(base, Experiments.frontier(base));
        double tokens = frontier.subscription() != null && frontier.subscription().monthlyTokenCap() > 0
            ? frontier.subscription().monthlyTokenCap() : 1e8;
        double fee = frontier.subscription() != null ? frontier.subscription().usdPerMonth() : 0;
        SelfHostOptions o = new ServingEngine().selfHost(largest, cat.accelerators(), tokens);
        SelfHostOption rent = pick(o, "rent");
        SelfHostOption buy = pick(o, "buy");
        double rentMonthly = rent != null && rent.feasible() ? rent.monthlyUsd() : Double.NaN;
        double buyUpfront = buy != null && buy.feasible() ? buy.upfrontUsd() : Double.NaN;
        boolean holds = rentMonthly >= RENT_USD_PER_MONTH && buyUpfront >= BUY_USD;
        String finding = String.format(Locale.ROOT, "%s (%s parameters) at %s tokens/month: renting %s/month (%d x %s), buying %s up front, vs a %s/month subscription.",
            largest.id(), Readable.count(most), Readable.count(tokens), Readable.money(rentMonthly), rent == null ? 0 : rent.gpus(),
            rent == null ? "-" : rent.hardware(), Readable.money(buyUpfront), Readable.money(fee));
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), rentMonthly - fee, "USD/month", finding,
            List.of(new Measure("rented hardware vs subscription", "USD/month", rentMonthly, fee),
                new Measure("bought hardware up front vs one year of subscription", "USD", buyUpfront, 12 * fee)),
            ChartData.categorical("Monthly cost of " + largest.id() + ": subscription, rent, buy (amortised)", "option",
                List.of("subscription", "rent", "buy"), "USD/month", "USD/month",
                new double[] {fee, rentMonthly, buy != null && buy.feasible() ? buy.monthlyUsd() : Double.NaN}))
            .withMargin(Math.min(Math.log10(rentMonthly / RENT_USD_PER_MONTH), Math.log10(buyUpfront / BUY_USD)),
                "log10 (cost / the claim's figure), the smaller of renting and buying");
    }

    private static SelfHostOption pick(SelfHostOptions o, String option) {
        for (SelfHostOption x : o.options()) if (x.option().equals(option)) return x;
        return null;
    }
}
