package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.format.Readable;
import owsim.market.Engine;
import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/**
 * Claim l: an open-weight lab is like a commercial open-source company, but far more capital
 * intensive and lower volume. The open lab's compute spend (training runs and serving) per USD of
 * revenue is set against the open-core companies' cost of revenue per USD ({@link OpenCoreCompany}),
 * and its paying customers (subscribers and API users) against the largest published customer count.
 */
final class OpenCoreClaim implements Claim {
    static final String MARGIN_UNIT = "log10 factor, the smaller of: the lab's compute spend per revenue dollar over the open-core maximum,"
        + " and the open-core customer count over the lab's paying customers";

    /** Revenue a lab is taken to have at least, USD, so that its compute per revenue dollar is finite. */
    static final double MIN_REVENUE_USD = 1;

    @Override public String id() { return "l"; }

    @Override public String statement() {
        return "Open weights are not very different from commercial open source, except far more capital intensive and lower volume.";
    }

    @Override public String experiment() {
        return "The open challenger's spend on training runs and serving per USD of revenue over the run, against the cost of revenue per USD"
            + " of open-core companies (MongoDB, GitLab, Confluent, Elastic, HashiCorp: published results); and its paying customers (subscribers and API users)"
            + " at the end, against the most customers an open-core company reports (MongoDB). Figures, sources and what it rests on:"
            + " MODEL.md, section 3.6.";
    }

    @Override public MechanismSwitch mechanism() { return null; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.challenger(base);
        RunResult r = engine.run(base);
        LabSummary s = Experiments.lab(r, lab);
        double computeUsd = s.trainingSpendUsd() + s.servingCostUsd();
        // A lab without revenue counts as earning one dollar: the ratio stays finite, and far above any baseline.
        double intensity = computeUsd / Math.max(s.revenueUsd(), MIN_REVENUE_USD);
        double customers = s.usersByOption().getOrDefault(OptionKind.SUBSCRIPTION.toString(), 0.0)
            + s.usersByOption().getOrDefault(OptionKind.API.toString(), 0.0);
        double years = base.run().months() / 12.0;
        double revenuePerYear = s.revenueUsd() / years;
        double ossIntensity = OpenCoreCompany.maxCostOfRevenueShare();
        double ossCustomers = OpenCoreCompany.maxPayingCustomers();
        // Each part as a log10 factor: positive when the claim's side holds; the flip is where it reaches 0.
        double capitalFactor = Math.log10(intensity / ossIntensity);
        double volumeFactor = Math.log10(ossCustomers / Math.max(customers, 1));
        boolean holds = capitalFactor > 0 && volumeFactor > 0;
        String finding = String.format(Locale.ROOT, "The open lab spends %.2f USD on training and serving per USD of revenue, %.1f times the"
                + " open-core companies' highest cost of revenue (%.2f); it ends with %s paying customers against MongoDB's %s,"
                + " so it is %s volume (%.1f times %s). Its revenue is %s/year against the open-core median of %s/year."
                + " The capital part would flip if compute per revenue dollar %s %.1f-fold, the volume part if the lab had %s paying customers.",
            intensity, intensity / ossIntensity, ossIntensity, Readable.count(customers, 3), Readable.count(ossCustomers, 3),
            volumeFactor > 0 ? "lower" : "higher", Math.pow(10, Math.abs(volumeFactor)), volumeFactor > 0 ? "fewer" : "more",
            Readable.money(revenuePerYear), Readable.money(OpenCoreCompany.medianRevenueUsdPerYear()),
            capitalFactor > 0 ? "fell" : "rose", Math.pow(10, Math.abs(capitalFactor)), (volumeFactor > 0 ? "more than " : "fewer than ") + Readable.count(ossCustomers, 3));
        double[] x = Experiments.months(r.series(lab, MetricNames.REVENUE_USD).values().length);
        return new ClaimResult(id(), statement(), experiment(), Verdict.of(holds), intensity - ossIntensity, "USD per USD of revenue", finding,
            List.of(new Measure("compute (training and serving) per USD of revenue: open lab vs open-core maximum (cost of revenue)",
                    "USD/USD", intensity, ossIntensity),
                new Measure("paying customers at the end: open lab vs MongoDB (31 Jan 2024)", "customers", customers, ossCustomers),
                new Measure("revenue per year: open lab (run average) vs open-core median", "USD/year", revenuePerYear,
                    OpenCoreCompany.medianRevenueUsdPerYear())),
            new ChartData("Open lab's compute spend per USD of revenue, by month", "month", "USD/USD",
                List.of(new ChartData.Line("open lab", x, monthlyIntensity(r, lab)),
                    new ChartData.Line("open-core maximum", x, constant(x.length, ossIntensity)))))
            .withMargin(Math.min(capitalFactor, volumeFactor), MARGIN_UNIT);
    }

    /** (training + serving) / revenue each month; NaN in a month without revenue. */
    private static double[] monthlyIntensity(RunResult r, String lab) {
        double[] rev = Experiments.values(r, lab, MetricNames.REVENUE_USD);
        double[] train = Experiments.values(r, lab, MetricNames.TRAINING_SPEND_USD);
        double[] serve = Experiments.values(r, lab, MetricNames.SERVING_COST_USD);
        double[] y = new double[rev.length];
        for (int i = 0; i < y.length; i++) y[i] = rev[i] > 0 ? (train[i] + serve[i]) / rev[i] : Double.NaN;
        return y;
    }

    private static double[] constant(int n, double v) {
        double[] y = new double[n];
        java.util.Arrays.fill(y, v);
        return y;
    }
}
