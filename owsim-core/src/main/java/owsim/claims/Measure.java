package owsim.claims;

/**
 * One measured quantity in both arms of an experiment.
 *
 * @param name what is measured
 * @param unit its unit
 * @param withValue value with the mechanism on (or under the first compared policy)
 * @param withoutValue value with the mechanism off (or under the second compared policy)
 */
public record Measure(String name, String unit, double withValue, double withoutValue) {
    /** withValue - withoutValue. */
    public double difference() { return withValue - withoutValue; }
}
