package owsim.market.agent;

import owsim.io.Check;

/**
 * The continuous Bass (1969) diffusion model dF/dt = (p + q F)(1 - F), p the coefficient of
 * innovation (external influence) and q of imitation (word of mouth), both per year. Its closed
 * form from F(0) = 0 is F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
 *
 * <p>{@link #stepProbability} is the exact one-step transition: the probability that a
 * non-adopter adopts within dt when the adopted share is x now, (Phi_dt(x) - x) / (1 - x) where
 * Phi_dt is the flow of the equation. Stepping individuals with it keeps the expected share on
 * the continuous curve at every step, whatever dt; the naive 1 - exp(-(p + q x) dt) freezes x over
 * the step and so follows a discrete recurrence that drifts off the curve (about 0.9 percentage
 * points at monthly steps with p = 0.03, q = 0.38 per year, more for faster products).
 */
public record BassCurve(double pPerYear, double qPerYear) {

    public BassCurve {
        Check.nonNegative("pPerYear", pPerYear);
        Check.nonNegative("qPerYear", qPerYear);
    }

    /** F(t): adopted share t years after launch (F(0) = 0); needs p > 0. */
    public double share(double tYears) {
        if (pPerYear == 0) return 0;
        double e = Math.exp(-(pPerYear + qPerYear) * tYears);
        return (1 - e) / (1 + qPerYear / pPerYear * e);
    }

    /** Phi_dt(x): the share dt years after it was x, from the closed form of the flow. */
    public double advance(double x, double dtYears) {
        return x + (1 - x) * stepProbability(x, dtYears);
    }

    /**
     * Probability that a non-adopter adopts within dt given the adopted share x now:
     * h = 1 - e^{-(p+q)dt} (p + q) / ((p + q x) + q (1 - x) e^{-(p+q)dt}), which is
     * (Phi_dt(x) - x) / (1 - x) written so that it holds for p = 0 as well.
     */
    public double stepProbability(double x, double dtYears) {
        double r = pPerYear + qPerYear;
        if (r == 0) return 0;
        double e = Math.exp(-r * dtYears);
        double denominator = (pPerYear + qPerYear * x) + qPerYear * (1 - x) * e;
        if (denominator <= 0) return 0; // p = 0 and x = 0: nobody to imitate, nobody adopts
        return 1 - e * r / denominator;
    }

    /** Per-individual hazard on a network: 1 - exp(-(p + q x) dt), x the adopted share of neighbours. */
    public double networkStepProbability(double neighbourShare, double dtYears) {
        return -Math.expm1(-(pPerYear + qPerYear * neighbourShare) * dtYears);
    }
}
