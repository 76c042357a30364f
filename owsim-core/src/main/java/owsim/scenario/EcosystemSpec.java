package owsim.scenario;

import static owsim.io.Check.range;

/**
 * How a lab's stock of derivatives ages (mechanism {@code ecosystemDecay}): fine-tunes,
 * quantisations and tools lose relevance as their base models age and successors draw the
 * community's new work, so each month the stock keeps 2^(-1/h) of itself before the month's new
 * derivatives are added. Read only when the switch is on; left out, the stock never decays.
 *
 * @param derivativeHalfLifeMonths h: months in which a stock with no new derivatives halves (1..600)
 */
public record EcosystemSpec(double derivativeHalfLifeMonths) {
    public EcosystemSpec {
        range("derivativeHalfLifeMonths", derivativeHalfLifeMonths, 1, 600);
    }

    /** The share of the stock that is still relevant a month later, 2^(-1/h). */
    public double keptPerMonth() {
        return Math.pow(0.5, 1.0 / derivativeHalfLifeMonths);
    }
}
