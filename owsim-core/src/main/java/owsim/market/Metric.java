package owsim.market;

import java.util.function.ToDoubleFunction;

/** One named monthly output: which entity, which metric, its unit, and how to read it from the state. */
record Metric(String entity, String name, String unit, ToDoubleFunction<MarketState> read) {}
