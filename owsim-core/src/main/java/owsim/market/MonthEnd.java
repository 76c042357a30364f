package owsim.market;

/** Bookkeeping after the month's mechanisms: each lab's share of API users (for {@link ApiPricing}), the cheapest price per token at the fixed capability. */
final class MonthEnd implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        ApiPricing.remember(w, s);
        ReleaseDecisions.remember(w, s);
        if (!w.monthlyDetail) return;
        double p = Metrics.cheapestAtCapability(w, s, s.fixedCapability);
        if (Double.isFinite(p)) s.usdPerMillionAtFixedCapability = p;
    }
}
