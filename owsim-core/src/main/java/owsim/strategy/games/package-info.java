/**
 * Finite games in normal form and their solutions: pure game theory, with no market code. The
 * {@code equilibrium} command builds a {@link owsim.strategy.games.NormalFormGame} whose payoffs
 * come from simulating each combination of release policies, then calls the solvers here.
 *
 * <ul>
 *   <li>{@link owsim.strategy.games.NormalFormGame}: 2-4 players, named strategies, a dense payoff
 *       table built once from a payoff function; expected payoffs and regret of mixed profiles.</li>
 *   <li>{@link owsim.strategy.games.BestResponses}, {@link owsim.strategy.games.PureNash},
 *       {@link owsim.strategy.games.Dominance}: best replies with ties, every pure Nash equilibrium
 *       (Nash 1951) by exhaustive check, iterated elimination of strictly dominated strategies,
 *       by pure strategies or also by mixes (a zero-sum linear program per strategy, solved by
 *       the simplex method with Bland's rule; the survivors of a two-player game are its
 *       rationalizable strategies, Bernheim 1984 and Pearce 1984).</li>
 *   <li>{@link owsim.strategy.games.SupportEnumeration}: every equilibrium of a nondegenerate
 *       two-player game by enumerating equal-size support pairs and solving the indifference
 *       systems (Nisan, Roughgarden, Tardos, Vazirani (eds.), Algorithmic Game Theory, Cambridge
 *       University Press 2007, ch. 2-3, von Stengel's chapter 3 "Equilibrium computation for
 *       two-player games"); what is returned for degenerate games is documented on the class.</li>
 *   <li>{@link owsim.strategy.games.Replicator}: replicator dynamics (Taylor and Jonker,
 *       "Evolutionarily stable strategies and game dynamics", Mathematical Biosciences 40:145-156,
 *       1978) for one population in a symmetric game of 2-4 players and two populations in an
 *       asymmetric two-player game, integrated with RK4.</li>
 *   <li>{@link owsim.strategy.games.GameAnalysis}: every solver above on one game with one
 *       tolerance, the input of the equilibrium report.</li>
 *   <li>{@link owsim.strategy.games.GameText}: plain-text payoff tables and equilibria (to move
 *       to the report package once it exists).</li>
 * </ul>
 *
 * <p>Tolerances: every solver takes an absolute payoff tolerance; the default is 1e-9 times the
 * largest absolute payoff. Payoffs estimated by simulation are noisy, so callers should pass a
 * tolerance of the order of the payoffs' standard error to treat near-ties as ties.
 *
 * <p>References: J. Nash, "Non-cooperative games", Annals of Mathematics 54(2):286-295 (1951);
 * L. S. Shapley, "A note on the Lemke-Howson algorithm", Mathematical Programming Study 1:175-189
 * (1974), for the odd number of equilibria of nondegenerate games; B. D. Bernheim,
 * "Rationalizable strategic behavior", Econometrica 52(4):1007-1028 (1984); D. G. Pearce,
 * "Rationalizable strategic behavior and the problem of perfection", Econometrica 52(4):1029-1050
 * (1984).
 */
package owsim.strategy.games;
