package owsim.scenario;

import static owsim.io.Check.nonNegative;
import static owsim.io.Check.positive;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

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
 */
public record RunSpec(
    String name,
    String description,
    String startMonth,
    int months,
    long seed,
    double discountRatePerYear,
    double terminalValueYears,
    Payoff payoff) {

    public RunSpec {
        required("name", name);
        if (description == null) description = "";
        required("startMonth", startMonth);
        if (!startMonth.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new IllegalArgumentException("startMonth: must be YYYY-MM, was '" + startMonth + "'");
        }
        positive("months", months);
        if (months > 600) throw new IllegalArgumentException("months: must be at most 600, was " + months);
        range("discountRatePerYear", discountRatePerYear, 0, 1);
        nonNegative("terminalValueYears", terminalValueYears);
        if (payoff == null) payoff = Payoff.DISCOUNTED_PROFIT_PLUS_TERMINAL;
    }

    /** This spec with another length. */
    public RunSpec withMonths(int m) {
        return new RunSpec(name, description, startMonth, m, seed, discountRatePerYear, terminalValueYears, payoff);
    }

    /** This spec with another payoff measure. */
    public RunSpec withPayoff(Payoff p) {
        return new RunSpec(name, description, startMonth, months, seed, discountRatePerYear, terminalValueYears, p);
    }

    /** This spec with another seed. */
    public RunSpec withSeed(long s) {
        return new RunSpec(name, description, startMonth, months, s, discountRatePerYear, terminalValueYears, payoff);
    }
}
