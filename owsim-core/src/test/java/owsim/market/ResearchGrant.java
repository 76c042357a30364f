package owsim.market;

/**
 * The worked example of docs/EXTENDING.md: a public research grant paid to every lab each month.
 * A mechanism reads the world (fixed for the run) and changes the state; it has no other duties.
 */
final class ResearchGrant implements Mechanism {
    private final double usdPerLabPerMonth;
    private final boolean on;

    ResearchGrant(double usdPerLabPerMonth, boolean on) {
        if (!(usdPerLabPerMonth >= 0)) throw new IllegalArgumentException("usdPerLabPerMonth: must be >= 0, was " + usdPerLabPerMonth);
        this.usdPerLabPerMonth = usdPerLabPerMonth;
        this.on = on;
    }

    @Override public void apply(World world, MarketState state) {
        if (!on) return;
        for (int i = 0; i < world.labs; i++) state.cash[i] += usdPerLabPerMonth;
    }
}
