package owsim.scenario;

import static owsim.io.Check.range;

/**
 * Investors who fund a lab on its scale and capability as well as on its growth (mechanism
 * {@code financing}, block {@code financing.scaleRounds}): at a decision month, a lab short of runway
 * whose growth fails the traction rule still raises a round when its valuation, a multiple of its
 * annualised revenue, is at least {@code minValuationUsd} and its newest frontier model is within
 * {@code capabilityBandLog10Flop} of the best model of any lab; the round is a share of that
 * valuation, and investors fund such rounds at most every {@code monthsBetweenRounds}. Left out, only the traction rule funds rounds. docs/MODEL.md, section 3.3, Financing,
 * gives the sources.
 *
 * @param valuationRevenueMultiple a lab's valuation as a multiple of its annualised revenue (12 x the month's)
 * @param roundShareOfValuation a round raises this share of the valuation, 0 to 1
 * @param minValuationUsd the least valuation at which investors fund on scale, USD
 * @param capabilityBandLog10Flop how far (log10 effective FLOP) the lab's newest frontier model may be
 *     below the best model of any lab for investors to fund it on scale
 * @param monthsBetweenRounds the fewest months between two rounds a lab raises on scale
 */
public record ScaleRoundsSpec(
    double valuationRevenueMultiple,
    double roundShareOfValuation,
    double minValuationUsd,
    double capabilityBandLog10Flop,
    int monthsBetweenRounds) {

    public ScaleRoundsSpec {
        range("valuationRevenueMultiple", valuationRevenueMultiple, 0, 1000);
        range("roundShareOfValuation", roundShareOfValuation, 0, 1);
        range("minValuationUsd", minValuationUsd, 0, 1e15);
        range("capabilityBandLog10Flop", capabilityBandLog10Flop, 0, 100);
        range("monthsBetweenRounds", monthsBetweenRounds, 0, 600);
    }

    /** A lab's valuation at {@code annualRevenueUsd} of annualised revenue, USD. */
    public double valuationUsd(double annualRevenueUsd) {
        return valuationRevenueMultiple * annualRevenueUsd;
    }
}
