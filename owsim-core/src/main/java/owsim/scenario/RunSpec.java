package owsim.scenario;

import static owsim.io.Check.range;
import static owsim.io.Check.required;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to run: name, start, length, seed and how a lab's payoff is measured.
 *
 * @param name the scenario's name, carried into every result
 * @param description what the scenario shows, in a sentence or two
 * @param startMonth first simulated month, "YYYY-MM"
 * @param months simulated months (1..600)
 * @param seed root seed of the run (the aggregate engine is deterministic; the agent engine draws from it)
 * @param discountRatePerYear annual discount rate applied to monthly profit
 * @param terminalValueYears terminal value = last 12 months' profit times this many years (0: none)
 * @param payoff how a lab's payoff is measured
 * @param payoffWeights with {@code payoff: weighted}, the weight of each other measure (keyed by its
 *     name, e.g. {@code discounted-profit: 1, token-share: 5.0e10} values a whole market at $50B); absent otherwise
 */
public record RunSpec(
    String name,
    String description,
    String startMonth,
    int months,
    long seed,
    double discountRatePerYear,
    double terminalValueYears,
    Payoff payoff,
    Map<String, Double> payoffWeights) {

    public RunSpec {
        required("name", name);
        if (description == null) description = "";
        required("startMonth", startMonth);
        Months.check("startMonth", startMonth);
        range("months", months, 1, 600);
        range("discountRatePerYear", discountRatePerYear, 0, 1);
        range("terminalValueYears", terminalValueYears, 0, 100);
        if (payoff == null) payoff = Payoff.DISCOUNTED_PROFIT_PLUS_TERMINAL;
        payoffWeights = checkedWeights(payoff, payoffWeights == null ? Map.of() : payoffWeights);
    }

    private static Map<String, Double> checkedWeights(Payoff payoff, Map<String, Double> weights) {
        if (payoff != Payoff.WEIGHTED) {
            if (weights.isEmpty()) return Map.of();
            throw new IllegalArgumentException("payoffWeights: only used with payoff: weighted (payoff is " + payoff + ")");
        }
        if (weights.isEmpty()) throw new IllegalArgumentException("payoffWeights: payoff: weighted needs at least one weight");
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            Payoff measure;
            try {
                measure = Payoff.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("payoffWeights: '" + e.getKey() + "' is not a payoff measure; " + ex.getMessage().substring(ex.getMessage().indexOf("allowed")));
            }
            if (measure == Payoff.WEIGHTED) throw new IllegalArgumentException("payoffWeights: a weighted payoff cannot weigh itself");
            if (e.getValue() == null || !(Math.abs(e.getValue()) <= 1e15)) {
                throw new IllegalArgumentException("payoffWeights: the weight of " + e.getKey() + " must be a number from -1e15 to 1e15, was " + e.getValue());
            }
            out.put(measure.toString(), e.getValue());
        }
        return Map.copyOf(out);
    }

    /** This spec with another length. */
    public RunSpec withMonths(int m) {
        return new RunSpec(name, description, startMonth, m, seed, discountRatePerYear, terminalValueYears, payoff, payoffWeights);
    }

    /** This spec with another payoff measure. */
    public RunSpec withPayoff(Payoff p) {
        return new RunSpec(name, description, startMonth, months, seed, discountRatePerYear, terminalValueYears, p, p == Payoff.WEIGHTED ? payoffWeights : Map.of());
    }

    /** This spec with another seed. */
    public RunSpec withSeed(long s) {
        return new RunSpec(name, description, startMonth, months, s, discountRatePerYear, terminalValueYears, payoff, payoffWeights);
    }
}
