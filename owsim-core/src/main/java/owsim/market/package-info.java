/**
 * The market simulator: labs, users, hosts and distillers month by month. {@link owsim.market.RunResult}
 * is what every engine produces and every report reads.
 */
package owsim.market;
