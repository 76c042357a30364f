/**
 * The agent engine's foundations: millions of individual users in primitive arrays, stepped month
 * by month in parallel and bit-identically for any thread count.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link owsim.market.agent.Population}: one array per attribute (structure of arrays),
 *   20 bytes per user for up to 31 labs (the byte budget is in its class comment and tested to be
 *   at most 64), drawn from {@link owsim.market.agent.UserSegment}s (lognormal usage and
 *   willingness to pay, VRAM class shares).</li>
 *   <li>{@link owsim.market.agent.BlockExecutor}: users are cut into fixed blocks of
 *   {@value owsim.market.agent.Population#BLOCK_USERS}; each block draws from its own
 *   {@link java.util.SplittableRandom} seeded from (seed, month, block) and writes only its own
 *   users and its own tally slots. State is double-buffered (a month reads last month's options
 *   and adoption only), and tallies are summed in block order, so 1, 2 or 4 threads give the
 *   same arrays and the same totals, bit for bit (tested).</li>
 *   <li>{@link owsim.market.agent.BassDiffusion} with {@link owsim.market.agent.BassCurve}: the
 *   Bass model over individuals, fully mixed or on a network.</li>
 *   <li>{@link owsim.market.agent.MonthStep} with {@link owsim.market.agent.MonthCoefficients}:
 *   one market month per user (awareness of each lab by word of mouth, a logit choice among the
 *   options of known labs for users who reconsider, usage tally), the hot loop benchmarked in
 *   owsim-bench.</li>
 *   <li>{@link owsim.market.agent.AgentEngine}: the whole market with individual users (the
 *   aggregate engine's lab-level mechanisms, attention/choice/usage per user through
 *   {@link owsim.market.IndividualMarket}), run with {@link owsim.market.agent.AgentOptions};
 *   how it agrees with the aggregate engine, and where it should not, is in docs/MODEL.md
 *   section 3.5 and {@code AgentConvergenceTest}.</li>
 *   <li>Progress of long runs goes to an {@link owsim.progress.ProgressListener}; core never prints.</li>
 * </ul>
 *
 * <h2>How the market plugs in</h2>
 * The market's mechanisms (attention, choice, usage; see the design) work on aggregates: media
 * attention, marketing, news spikes and distribution reach give p per (segment, lab); word of mouth
 * gives q; capability, price of each user's usage, ecosystem value and switching cost give each
 * option's utility per segment. Each month they fill a {@link owsim.market.agent.MonthCoefficients}
 * and this package applies it to every individual. Fully mixed, the expected awareness and option
 * shares equal an expected-value (aggregate) update on the same coefficients: awareness is
 * independent across labs within a segment, so each awareness pattern's share is a product, and
 * option shares follow u' = (1 - r) u + r sum_pattern P(pattern) P(option | pattern). The docking
 * test (MonthStepDockingTest) holds 500,000 agents to that recursion within 0.4 percentage points
 * for 36 months, and fails when the reconsideration rate of the recursion is off by 10%.
 *
 * <h2>Bass diffusion: fully mixed follows the closed form, networks lag it</h2>
 * Fully mixed, a non-adopter adopts in a step with the exact one-step transition of the continuous
 * model at the realised adopted share x, h = (Phi_dt(x) - x) / (1 - x), so the share tracks
 * F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}); a per-step rule 1 - exp(-(p + q x) dt)
 * would track the discrete recurrence instead. Tested with 1,000,000 users over 60 monthly steps,
 * p = 0.03 and q = 0.38 per year and p = 0.01, q = 0.5 per month: within 0.5 percentage points at
 * every month. Measured largest deviations over the 60 months: 0.08 and 0.08 points for the
 * test's seed, at most 0.21 points over four seeds (binomial noise early on, carried by the
 * imitation term); the per-step rule run as a deterministic recurrence deviates by 0.70 points
 * (slow pair) and 19 points (fast pair), which is why the exact transition is used.
 *
 * <p>On a network each user's word of mouth is the adopted share of its own neighbours, with the
 * per-step hazard 1 - exp(-(p + q x) dt); the curve is not forced to the closed form. Measured with
 * 1,000,000 users, p = 0.03, q = 0.38 per year, monthly steps (share adopted after 12, 24, 36, 60
 * and 120 months; month when half have adopted):
 * <pre>
 *   closed form (= fully mixed agents)   0.036 0.085 0.151 0.331 0.813   79
 *   same per-step rule, fully mixed      0.035 0.083 0.147 0.324 0.806   80   (deterministic recurrence)
 *   Erdos-Renyi k = 10                   0.035 0.082 0.143 0.304 0.762   85
 *   Barabasi-Albert m = 5                0.035 0.081 0.142 0.302 0.758   85
 *   Watts-Strogatz k = 10, beta = 0.1    0.035 0.082 0.141 0.297 0.732   87
 *   Watts-Strogatz k = 10, beta = 0      0.035 0.082 0.141 0.294 0.717   88
 * </pre>
 * Every network is slower than full mixing, by 5 to 8 months at the half-way point (about one
 * month of that is the per-step discretisation). Adopters cluster: a non-adopter's neighbours
 * are less likely to have adopted than the population as a whole, and the more local the network
 * (the ring lattice), the stronger the effect. Hubs do not speed things up here because exposure is
 * the share, not the number, of adopting neighbours (Rand and Rust 2011); the innovation term p
 * is unaffected, so early months agree.
 */
package owsim.market.agent;
