package owsim.market;

/** Bookkeeping after the month's mechanisms: the frontier's history and the price at fixed capability. */
public final class MonthEnd implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        double f = Double.NEGATIVE_INFINITY;
        for (Release r : s.releases) f = Math.max(f, r.capability);
        s.frontierHistory[s.month] = s.month > 0 ? Math.max(f, s.frontierHistory[s.month - 1]) : f;
        double p = Metrics.cheapestAtCapability(w, s, s.fixedCapability);
        if (Double.isFinite(p)) s.usdPerMillionAtFixedCapability = p;
    }
}
