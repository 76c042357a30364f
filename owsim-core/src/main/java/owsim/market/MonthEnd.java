package owsim.market;

/** Bookkeeping after the month's mechanisms: the cheapest price per token at the fixed capability. */
final class MonthEnd implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        if (!w.monthlyDetail) return;
        double p = Metrics.cheapestAtCapability(w, s, s.fixedCapability);
        if (Double.isFinite(p)) s.usdPerMillionAtFixedCapability = p;
    }
}
