package owsim.claims;

import java.util.List;

/**
 * Published figures of a commercial open-source (open-core) company, the baseline of claim l.
 *
 * @param company the company
 * @param source where the figures are published: filing or results release, and fiscal year
 * @param revenueUsdPerYear total revenue of the fiscal year, USD
 * @param costOfRevenueShare cost of revenue per USD of revenue (1 - GAAP gross margin): what delivering the product
 *     (hosting its cloud service, support) costs per dollar sold
 * @param payingCustomers paying customers at the fiscal year's end, or NaN when the source gives no total count
 */
record OpenCoreCompany(String company, String source, double revenueUsdPerYear, double costOfRevenueShare, double payingCustomers) {
    /**
     * The baseline. Only figures found in the companies' own releases and filings; the customer count of
     * Confluent (1,229 customers with at least $100k of annual recurring revenue) is not a total count and is
     * left out, and GitLab's and HashiCorp's were not found. Where a company's year-end figure was not found, a
     * quarter's or half-year's is used and named.
     */
    static final List<OpenCoreCompany> BASELINE = List.of(
        new OpenCoreCompany("MongoDB", "results release for fiscal 2024 (year to 31 Jan 2024), 7 Mar 2024 (Form 8-K):"
            + " revenue $1.68B; Q4 GAAP gross margin 75%; over 47,800 customers at 31 Jan 2024", 1.68e9, 0.25, 47_800),
        new OpenCoreCompany("GitLab", "results release for fiscal 2024 (year to 31 Jan 2024), 4 Mar 2024 (Form 8-K):"
            + " revenue $579.9M; Q4 GAAP gross margin 90%", 579.9e6, 0.10, Double.NaN),
        new OpenCoreCompany("Confluent", "results release for fiscal 2023 (year to 31 Dec 2023), 7 Feb 2024: revenue $777M;"
            + " Form 10-Q for Q3 2023: gross margin 72%", 777e6, 0.28, Double.NaN),
        new OpenCoreCompany("Elastic", "results release for fiscal 2024 (year to 30 Apr 2024), 30 May 2024: revenue $1.267B;"
            + " Form 10-Q for the half-year to 31 Oct 2024: gross margin 74%, about 21,300 customers at 31 Oct 2024", 1.267e9, 0.26, 21_300),
        new OpenCoreCompany("HashiCorp", "results release for fiscal 2024 (year to 31 Jan 2024), 5 Mar 2024: revenue $583.1M;"
            + " Q4 GAAP gross margin 83%", 583.1e6, 0.17, Double.NaN));

    /** The most capital-intensive company of the baseline: the largest cost of revenue per USD of revenue. */
    static double maxCostOfRevenueShare() {
        double max = 0;
        for (OpenCoreCompany c : BASELINE) max = Math.max(max, c.costOfRevenueShare());
        return max;
    }

    /** The largest published count of paying customers in the baseline. */
    static double maxPayingCustomers() {
        double max = 0;
        for (OpenCoreCompany c : BASELINE) if (!Double.isNaN(c.payingCustomers())) max = Math.max(max, c.payingCustomers());
        return max;
    }

    /** The baseline's median yearly revenue, USD. */
    static double medianRevenueUsdPerYear() {
        double[] r = BASELINE.stream().mapToDouble(OpenCoreCompany::revenueUsdPerYear).sorted().toArray();
        int n = r.length;
        return n % 2 == 1 ? r[n / 2] : 0.5 * (r[n / 2 - 1] + r[n / 2]);
    }
}
