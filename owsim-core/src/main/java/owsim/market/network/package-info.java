/**
 * Social networks along which word of mouth travels, in compressed sparse row form
 * ({@link owsim.market.network.Network}), and their generators ({@link owsim.market.network.Networks}).
 *
 * <p>Every generator costs O(nodes + edges), keeps no edge list beside the finished arrays (4 bytes
 * per node and 8 per undirected edge), and is deterministic for a seed: nodes are cut into fixed
 * blocks, each with its own {@link java.util.SplittableRandom} seeded from (seed, block)
 * ({@link owsim.random.Seeds}). 10 million nodes at mean degree 10 take about 440 MB.
 *
 * <h2>Degree distributions (n nodes, mean degree k)</h2>
 * <ul>
 *   <li><b>Fully mixed</b>: no edges. A user's word-of-mouth exposure is the adopted share of the
 *   whole population, which is what the aggregate (expected-value) engine assumes.</li>
 *   <li><b>Erdős–Rényi G(n, p)</b>, p = k / (n - 1): degree Binomial(n - 1, p), which is Poisson(k)
 *   for large n: mean k, variance k (1 - p) = k, a share e^{-k} of isolated nodes (4.5e-5 at
 *   k = 10), no hubs and almost no clustering. Tested: mean within 2%, variance / mean within 5%.</li>
 *   <li><b>Watts–Strogatz</b> (ring lattice of even degree k, rewiring probability beta): at
 *   beta = 0 every degree is exactly k and clustering is high (3/4 for large k); each node keeps
 *   its own k/2 edges, so the degree is k/2 + Binomial(k/2, 1 - beta) + about Poisson(beta k / 2):
 *   mean k, variance about (k/2) beta (2 - beta), minimum k/2. A few rewirings give short paths
 *   while clustering stays high (the small world). Tested: beta = 0 gives every degree k.</li>
 *   <li><b>Barabási–Albert</b> (m edges per new node, from a clique of m + 1): mean 2m, minimum m,
 *   and a power-law tail P(k) = 2m(m + 1) / (k (k + 1) (k + 2)), so P(k) ~ k^-3 (Dorogovtsev,
 *   Mendes and Samukhin 2000; Bollobás et al. 2001); the largest hub grows like m sqrt(n). Tested:
 *   the discrete maximum-likelihood exponent above k = 10 (Clauset, Shalizi and Newman 2009) lies in
 *   2.6..3.4 for n = 200,000, m = 3.</li>
 * </ul>
 * All lists are sorted and symmetric, without self loops or duplicate edges (tested).
 */
package owsim.market.network;
