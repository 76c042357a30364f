package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;

/**
 * Claim j: open release is close to philanthropy; if paid marketing is cheap enough, the incentive
 * to release open weights goes away. The tipping point is the paid-marketing efficiency at which
 * open release stops being the challenger's best response (other labs' policies fixed).
 */
final class TippingPointClaim implements Claim {
    /** The efficiency parameter: advertising spend per month at which ads give 63% of their maximal awareness hazard. */
    static final String PARAMETER = "market.marketingHalfSaturationUsdPerMonth";
    /** Swept range, USD/month: from 3000x cheaper to 30x dearer than the default's 3e7. */
    static final double LOW_USD = 1e4;
    static final double HIGH_USD = 1e9;
    static final int GRID = 9;
    /** The second efficiency parameter, swept when the first finds no tipping point: the most awareness hazard ads can add. */
    static final String CEILING = "market.marketingMaxPerYear";
    /** Ceiling sweep: from the scenario's value (at least this, 1/year) to this factor above it. */
    static final double MIN_CEILING_PER_YEAR = 0.1;
    static final double CEILING_RANGE = 100;
    /** The largest ceiling a scenario allows (MarketParams' range), so the sweep stays valid whatever the world's ceiling. */
    static final double MAX_CEILING_PER_YEAR = 100;
    static final int BISECTION_STEPS = 12;
    /**
     * Ad budgets the closed challenger may choose from, USD/month; it takes the best at each
     * efficiency. Assumption: 0 to the order of the largest Chinese app budgets (Kimi ~Y200M/month ~ $28M).
     */
    static final double[] BUDGETS_USD = {0, 1e6, 3e6, 1e7, 3e7};

    /**
     * The claim holds in a world when somewhere in the swept range (so at the cheapest ads) closing
     * with the best ad budget beats opening: the margin is that payoff gain of closing.
     */
    static final String MARGIN_UNIT = "USD (the challenger's payoff gain from closing with its best ads at the cheapest marketing)";

    @Override public String id() { return "j"; }

    @Override public String statement() {
        return "Open release is close to philanthropy: if products can win users with cheaper paid marketing, the incentive to release open weights goes away.";
    }

    @Override public String experiment() {
        return "At each paid-marketing efficiency (" + PARAMETER + ", lower = cheaper awareness) compare the challenger's payoff when open without ads"
            + " vs closed with the best of the ad budgets " + budgets() + "; the tipping point is where open stops being its best response (bisection)."
            + " When no spend level tips it, the ceiling of ads' effect (" + CEILING + ") is swept with ads at their cheapest.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.MARKETING; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.challenger(base);
        LabSpec spec = Experiments.spec(base, lab);
        Scenario open = Experiments.withLab(base, spec.withPolicy("open"));
        List<Scenario> closedAds = new java.util.ArrayList<>();
        Scenario closed = Experiments.withLab(base, spec.withPolicy("closed"));
        for (double b : BUDGETS_USD) closedAds.add(Experiments.set(closed, Experiments.labField(lab, "marketingUsdPerMonth"), b));
        double[] x = new double[GRID];
        double[] y = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            x[i] = LOW_USD * Math.pow(HIGH_USD / LOW_USD, i / (GRID - 1.0));
            y[i] = advantage(engine, open, closedAds, lab, x[i]);
        }
        double lowDiff = y[0];
        double highDiff = y[GRID - 1];
        Verdict verdict;
        String finding;
        String budgetText = "its best ad budget of " + budgets();
        if (lowDiff < 0 && highDiff >= 0) {
            double k = Experiments.bisectLog(LOW_USD, HIGH_USD, v -> advantage(engine, open, closedAds, lab, v) >= 0, BISECTION_STEPS);
            verdict = Verdict.holdsWhen(PARAMETER, "below", k);
            finding = String.format(Locale.ROOT, "Open release stops being the challenger's best response (against closed with %s) when paid"
                + " awareness costs less than a half-saturation spend of %s/month (the scenario has %s).", budgetText, Readable.money(k),
                Readable.money(base.market().marketingHalfSaturationUsdPerMonth()));
        } else if (lowDiff >= 0 && highDiff >= 0) {
            String noCrossing = String.format(Locale.ROOT, "Open release stays the challenger's best response against closed with %s at every"
                + " half-saturation spend from %s to %s/month (payoff advantage of open %s to %s): ads saturate at %.2f/year of awareness hazard.",
                budgetText, Readable.money(LOW_USD), Readable.money(HIGH_USD), Readable.money(min(y)), Readable.money(max(y)),
                base.market().marketingMaxPerYear());
            // Cheap ads cannot beat open release while their reach is capped; so sweep the cap, with ads at their cheapest.
            double p0 = base.market().marketingMaxPerYear();
            double pLow = Math.max(p0, MIN_CEILING_PER_YEAR);
            // Capped at the largest value a scenario allows (a world with a high ceiling would otherwise sweep past it).
            double pHigh = Math.min(pLow * CEILING_RANGE, MAX_CEILING_PER_YEAR);
            double[] cx = new double[GRID];
            double[] cy = new double[GRID];
            for (int i = 0; i < GRID; i++) {
                cx[i] = pLow * Math.pow(pHigh / pLow, i / (GRID - 1.0));
                cy[i] = advantage(engine, open, closedAds, lab, LOW_USD, cx[i]);
            }
            if (cy[GRID - 1] < 0 && cy[0] >= 0) {
                double pStar = Experiments.bisectLog(pLow, pHigh, v -> advantage(engine, open, closedAds, lab, LOW_USD, v) >= 0, BISECTION_STEPS);
                verdict = Verdict.holdsWhen(CEILING, "above", pStar);
                finding = noCrossing + String.format(Locale.ROOT, " With ads at their cheapest (%s/month half-saturation) open stops being the best"
                    + " response when paid ads can add more than %.2f/year of awareness hazard (the scenario has %.2f).",
                    Readable.money(LOW_USD), pStar, p0);
                return new ClaimResult(id(), statement(), experiment(), verdict, highDiff - lowDiff, "USD", finding,
                    List.of(new Measure("challenger payoff open minus closed-with-ads, at the dearest vs the cheapest marketing", "USD", highDiff, lowDiff),
                        new Measure("same at the cheapest ads, highest vs scenario ad reach ceiling", "USD", cy[GRID - 1], cy[0])),
                    new ChartData("Challenger's payoff: open minus closed with paid ads (cheapest ads, rising reach)", CEILING + " (1/year, log scale)", "USD",
                        List.of(new ChartData.Line("payoff open - closed", cx, cy))))
                    .withMargin(-lowDiff, MARGIN_UNIT);
            }
            verdict = Verdict.fails();
            finding = noCrossing + String.format(Locale.ROOT, " Raising that ceiling up to %.1f/year with the cheapest ads does not change it either.", pHigh);
        } else if (lowDiff < 0 && highDiff < 0) {
            verdict = Verdict.holds();
            finding = String.format(Locale.ROOT, "Closed with %s beats open at every efficiency from %s to %s/month: open is never the best response here.",
                budgetText, Readable.money(LOW_USD), Readable.money(HIGH_USD));
        } else {
            verdict = Verdict.fails();
            finding = "Open release is the best response when paid marketing is cheap and not when it is dear: the opposite of the claim.";
        }
        return new ClaimResult(id(), statement(), experiment(), verdict, highDiff - lowDiff, "USD", finding,
            List.of(new Measure("challenger payoff open minus closed-with-ads, at the dearest vs the cheapest marketing", "USD", highDiff, lowDiff)),
            new ChartData("Challenger's payoff: open minus closed with paid ads", PARAMETER + " (USD/month, log scale)", "USD",
                List.of(new ChartData.Line("payoff open - closed", x, y))))
            .withMargin(-lowDiff, MARGIN_UNIT);
    }

    /** Payoff of open minus the best payoff of closed with ads for the challenger at half-saturation spend k. */
    private static double advantage(Engine engine, Scenario open, List<Scenario> closedAds, String lab, double k) {
        return advantage(engine, open, closedAds, lab, k, open.market().marketingMaxPerYear());
    }

    /** The same with the ads' ceiling p_max (awareness hazard per year) changed too. */
    private static double advantage(Engine engine, Scenario open, List<Scenario> closedAds, String lab, double k, double pMax) {
        // exp(log(x)) can land a rounding step above the scenario's largest allowed ceiling.
        pMax = Math.min(pMax, MAX_CEILING_PER_YEAR);
        double o = Experiments.lab(engine.run(withK(open, k, pMax)), lab).payoff();
        double c = Double.NEGATIVE_INFINITY;
        for (Scenario s : closedAds) c = Math.max(c, Experiments.lab(engine.run(withK(s, k, pMax)), lab).payoff());
        return o - c;
    }

    private static String budgets() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < BUDGETS_USD.length; i++) sb.append(i == 0 ? "" : ", ").append(Readable.money(BUDGETS_USD[i]));
        return sb.append("}/month").toString();
    }

    private static Scenario withK(Scenario s, double k, double pMax) {
        return Experiments.set(Experiments.set(s, PARAMETER, k), CEILING, pMax);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) m = Math.min(m, d);
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) m = Math.max(m, d);
        return m;
    }
}
