/**
 * Verdicts under uncertainty: every claim evaluated on many worlds sampled from distributions over
 * the uncertain parameters (an experiment-style file), the outcomes streamed into a DuckDB store
 * that a killed run resumes, and per claim the share of worlds where it holds with its Wilson
 * interval, its margin's quantiles, the conditions under which it holds (PRIM box, CART tree), the
 * parameters that decide it (standardised rank regression, or Sobol total indices on a Sobol
 * design), a tipping surface over the two deciding parameters, and one world where it flips.
 */
package owsim.claims.uncertainty;
