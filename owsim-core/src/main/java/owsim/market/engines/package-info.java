/**
 * Choosing a market engine by kind: {@link owsim.market.engines.Engines} turns an
 * {@link owsim.market.EngineKind} and its options into an {@link owsim.market.Engine}. Apart from
 * {@code owsim.market} because it needs both engines, which themselves build on {@code owsim.market}.
 */
package owsim.market.engines;
