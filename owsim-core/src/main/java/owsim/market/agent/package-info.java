/**
 * The agent engine's foundations: millions of individual users in primitive arrays, stepped month
 * by month in parallel and bit-identically for any thread count.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@code Population}: one array per attribute (structure of arrays),
 *   14 bytes per user for up to 31 labs (the byte budget is in its class comment and tested to be
 *   at most 64), drawn from {@link owsim.market.agent.UserSegment}s (lognormal usage, VRAM class
 *   shares).</li>
 *   <li>{@link owsim.market.agent.BlockExecutor}: users are cut into fixed blocks of
 *   16,384 ({@code Population.BLOCK_USERS}); each block draws from its own stream seeded from
 *   (seed, month, block), {@link java.util.SplittableRandom}'s longs made a buffer at a time
 *   ({@link owsim.random.SplitMix64#fill}, one vectorised loop), and writes only its own
 *   users and its own tally slots (the (class, option) cells its users chose, counted in a
 *   worker's reused scratch and kept compactly per block). State is double-buffered (a month reads
 *   last month's options only), and tallies are summed in block order, so 1, 2 or 4 threads give
 *   the same arrays and the same totals, bit for bit (tested).</li>
 *   <li>{@link owsim.market.agent.AgentEngine}: the whole market with individual users (the
 *   aggregate engine's lab-level mechanisms in a {@link owsim.market.MarketRun}, attention/choice/usage
 *   per user through its {@link owsim.market.IndividualMarket}), run with {@link owsim.market.agent.AgentOptions};
 *   how it agrees with the aggregate engine, and where it should not, is in docs/MODEL.md
 *   section 3.5 and {@code AgentConvergenceTest}.</li>
 *   <li>The kernel, {@code AgentEngine.Month}: one month for every user (awareness of each lab by
 *   word of mouth, replacement by segment growth, a logit choice among the options of known labs
 *   for users who reconsider, capped usage tally). It is the only per-user loop: a run
 *   ({@link owsim.market.agent.AgentRun}) steps it month by month, and so do the JMH benchmarks
 *   and {@code owsim bench agents} in owsim-bench, so the speed they publish is the engine's.</li>
 *   <li>{@code NeighbourCounts}: on a social network, each user's count of neighbours spreading
 *   word of each lab, for any number of labs (16-bit lanes of one long up to four labs, 8-bit
 *   lanes beyond: 8 bytes per user up to eight labs, 24 at twenty), kept between months by
 *   pushing the few users' changes of heard-of lab to their neighbours (atomic adds when blocks
 *   run in parallel; integer adds commute, so the counts, and the draws, are the same on any
 *   thread count) instead of reading every neighbour list each month.</li>
 *   <li>Progress of long runs goes to an {@link owsim.progress.ProgressListener}; core never prints.</li>
 * </ul>
 *
 * <h2>How the market plugs in</h2>
 * The market's mechanisms (attention, choice, usage; see the design) work on aggregates: media
 * attention, marketing, news spikes and distribution reach give P per (segment, lab); word of
 * mouth gives Q; capability, price of each user's usage, ecosystem value and switching cost give
 * each option's utility per class. Each month {@link owsim.market.IndividualMarket#beforeUsers}
 * fills these as flat tables, the kernel applies them to every individual, and
 * {@link owsim.market.IndividualMarket#afterUsers} books the tallies back, so state, metrics and
 * accounting are the aggregate engine's own.
 *
 * <h2>Bass diffusion: fully mixed follows the closed form, networks lag it</h2>
 * Fully mixed, an unaware user learns of a lab with the exact one-step transition of the
 * continuous model at its segment's realised aware share x, h = (Phi_dt(x) - x) / (1 - x), so the
 * share tracks F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}); a per-step rule
 * 1 - exp(-(p + q x) dt) would track the discrete recurrence instead (0.70 points off the curve for
 * p = 0.03, q = 0.38 per year and 19 points for p = 0.01, q = 0.5 per month, run as deterministic
 * recurrences over 60 months). Tested on the engine itself, in a world where only word of mouth
 * acts and everybody who knows the lab uses it, with 1,000,000 users over 60 months for both
 * pairs: within 0.5 percentage points of F at every month ({@code AgentEngineTest}).
 *
 * <p>On a network each user's word of mouth is the share of its own neighbours using the lab, with
 * the per-step hazard 1 - exp(-(P + q x) dt); the curve is not forced to the closed form. Adopters
 * cluster: a non-adopter's neighbours are less likely to have adopted than the population as a
 * whole, so a network is slower than full mixing (tested on Erdős–Rényi, k = 10: 1 to 6 points
 * below F after 60 months; measured earlier with a separate Bass loop at 1,000,000 users, 5 to 8
 * months later at the half-way point for Erdős–Rényi, Barabási–Albert and Watts–Strogatz, k = 10).
 * Hubs do not speed things up here because exposure is the share, not the number, of adopting
 * neighbours (Rand and Rust 2011); the innovation term p is unaffected, so early months agree.
 */
package owsim.market.agent;
