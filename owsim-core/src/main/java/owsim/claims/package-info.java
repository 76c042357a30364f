/**
 * The twelve claims (a-l) about why labs release open weights, each turned into an experiment on the
 * market model: runs with and without the claim's mechanism (or under the compared release
 * policies), the measured quantities, a verdict and chart data. {@link owsim.claims.Claims#all()}
 * lists them; the report package writes CLAIMS.md and claims.html from the results.
 */
package owsim.claims;
