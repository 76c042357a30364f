package owsim.market;

/** Sees the state at the end of every month (tests of accounting identities, streaming writers). */
@FunctionalInterface
public interface MonthObserver {
    void monthDone(World world, MarketState state);
}
