package owsim.market;

/**
 * One monthly series of a run: {@code values[m]} is the metric for month m (0 = the scenario's
 * start month). {@code entity} is a lab id, a segment id, or "market".
 */
public record Series(String entity, String metric, String unit, double[] values) {
    public Series {
        values = values.clone();
    }

    /** A copy: records with arrays must not leak their state. */
    @Override public double[] values() { return values.clone(); }

    public double at(int month) { return values[month]; }

    public int months() { return values.length; }
}
