package owsim.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Engine;
import owsim.format.Readable;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Claim c: competitors harvest a closed lab's service; open weights relieve the lab of that burden.
 * Closed against open follows by construction: a lab that opens every model on release keeps
 * nothing closed to harvest. The test is the delayed release: its newest model stays closed for some
 * months, and the distillers choose (by their rule in the scenario) between harvesting it and
 * distilling from its older open weights. The claim holds while a delayed release still removes
 * at least half of the burden; the delay where it stops is the condition.
 */
final class DistillationClaim implements Claim {
    /** Delays tested, months; the frontier labs released about twice a year in 2024-2025, so these span a quarter to two cycles. */
    private static final int[] DELAYS = {3, 6, 12, 24};
    /** A delayed release relieves the burden when it removes at least this share of the closed lab's burden. */
    private static final double RELIEVED_SHARE = 0.5;
    /**
     * The delay the margin is taken at, months: one release cycle of the frontier labs (about two
     * frontier models a year in 2024-2025), i.e. open weights one model behind the closed one.
     */
    private static final int MARGIN_DELAY = 6;

    @Override public String id() { return "c"; }

    @Override public String statement() {
        return "Competitors harvest a closed lab's service for distillation; releasing the weights relieves the lab of that burden.";
    }

    @Override public String experiment() {
        return "Distillation burden (serving cost minus revenue of harvest traffic) on the frontier lab over the run when it stays closed,"
            + " releases open weights, or releases them with a delay of " + delaysText() + " months (its newest model closed meanwhile);"
            + " distillers choose each month between harvesting its closed model and distilling from the best open weights."
            + " Closed vs open follows by construction (nothing is left closed to harvest); the delayed releases test the claim:"
            + " it holds while a delay still removes at least half the burden.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.DISTILLATION; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.frontier(base);
        RunResult closed = engine.run(base.withPolicy(lab, "closed"));
        RunResult open = engine.run(base.withPolicy(lab, "open"));
        double bClosed = Experiments.lab(closed, lab).distillationBurdenUsd();
        double bOpen = Experiments.lab(open, lab).distillationBurdenUsd();
        double effect = bClosed - bOpen;
        List<Measure> measures = new ArrayList<>();
        measures.add(new Measure("distillation burden on the frontier lab (closed vs open)", "USD", bClosed, bOpen));
        double[] yClosed = Experiments.values(closed, lab, MetricNames.DISTILLATION_BURDEN_USD);
        double[] yOpen = Experiments.values(open, lab, MetricNames.DISTILLATION_BURDEN_USD);
        List<ChartData.Line> lines = new ArrayList<>();
        lines.add(new ChartData.Line("closed", Experiments.months(yClosed.length), yClosed));
        lines.add(new ChartData.Line("open", Experiments.months(yOpen.length), yOpen));
        int lastRelieved = 0; // the longest tested delay that still relieves (0 = opening on release)
        int firstNot = -1; // the shortest tested delay that does not
        StringBuilder delayed = new StringBuilder();
        double bMargin = Double.NaN;
        for (int k : DELAYS) {
            RunResult r = engine.run(base.withPolicy(lab, delayedPolicy(k)));
            double b = Experiments.lab(r, lab).distillationBurdenUsd();
            if (k == MARGIN_DELAY) bMargin = b;
            measures.add(new Measure("distillation burden on the frontier lab (closed vs " + delayedPolicy(k) + ")", "USD", bClosed, b));
            double[] y = Experiments.values(r, lab, MetricNames.DISTILLATION_BURDEN_USD);
            lines.add(new ChartData.Line(delayedPolicy(k), Experiments.months(y.length), y));
            delayed.append(delayed.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s with a %d-month delay", Readable.money(b), k));
            if (firstNot < 0 && relieves(bClosed, b)) lastRelieved = k;
            else if (firstNot < 0) firstNot = k;
        }
        boolean burdened = bClosed > 0 && effect > 0;
        Verdict verdict;
        String condition;
        if (!burdened) {
            verdict = Verdict.fails();
            condition = "";
        } else if (firstNot < 0) {
            verdict = Verdict.holds();
            condition = String.format(Locale.ROOT, " Even a %d-month delay removes at least %.0f%% of the burden: the distillers take the older"
                + " open weights rather than pay for the closed model.", DELAYS[DELAYS.length - 1], 100 * RELIEVED_SHARE);
        } else {
            // The tested delays bracket the condition; the month where relief stops is found between them.
            int lo = lastRelieved;
            int hi = firstNot;
            while (hi - lo > 1) {
                int mid = (lo + hi) / 2;
                double b = Experiments.lab(engine.run(base.withPolicy(lab, delayedPolicy(mid))), lab).distillationBurdenUsd();
                if (relieves(bClosed, b)) lo = mid;
                else hi = mid;
            }
            verdict = Verdict.holdsWhen("labs." + lab + ".policy open-delayed months", "below", hi);
            condition = String.format(Locale.ROOT, " Releasing relieves the burden (removes at least %.0f%% of it) only while the open weights"
                + " trail the closed model by less than %d months: with a longer delay the distillers harvest the newest closed model in"
                + " most months, because the older open weights are no longer above their own lab or gain less per dollar.",
                100 * RELIEVED_SHARE, hi);
        }
        String finding = String.format(Locale.ROOT, "Burden on '%s' over the run: %s when closed, %s when open (by construction: nothing"
                + " is left closed to harvest), %s.%s%s", lab,
            Readable.money(bClosed), Readable.money(bOpen), delayed,
            bClosed <= 0 ? " Harvest traffic pays more than it costs to serve, so there is no burden to relieve." : "", condition);
        return new ClaimResult(id(), statement(), experiment(), verdict, effect, "USD", finding, measures,
            new ChartData("Distillation burden on the frontier lab", "month", "USD/month", lines))
            .withMargin(Math.min(bClosed, (bClosed - bMargin) - RELIEVED_SHARE * bClosed), "USD (the smaller of the burden when closed"
                + " and the burden a " + MARGIN_DELAY + "-month delayed release removes beyond half of it)");
    }

    /** Whether a release policy's burden is at most the closed burden less the relieved share of it. */
    private static boolean relieves(double bClosed, double b) { return bClosed - b >= RELIEVED_SHARE * bClosed; }

    private static String delayedPolicy(int months) { return "open-delayed(" + months + ")"; }

    private static String delaysText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < DELAYS.length; i++) b.append(i == 0 ? "" : i == DELAYS.length - 1 ? " or " : ", ").append(DELAYS[i]);
        return b.toString();
    }
}
