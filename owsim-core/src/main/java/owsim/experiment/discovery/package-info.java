/**
 * Scenario discovery: which regions of the sampled parameter space an outcome (a claim holding)
 * lives in. Pure numerics over a sample matrix and a yes/no outcome per row: the Wilson interval
 * of a share, PRIM boxes (Friedman and Fisher 1999, peeling and pasting; pruned to the limits that raise
 * the density materially, each with its quasi-p value), a small CART
 * classification tree (Breiman et al. 1984, Gini impurity), standardised rank regression
 * coefficients, and a two-parameter grid of the outcome's share (a tipping surface).
 */
package owsim.experiment.discovery;
