package owsim.market;

/** One monthly rule of the market. Engines only order and apply mechanisms (see MODEL.md). */
interface Mechanism {
    /** Applies this month's rule to the state. */
    void apply(World world, MarketState state);
}
