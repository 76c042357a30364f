package owsim.experiment.discovery;

/**
 * One box of a PRIM trajectory: limits per parameter (a limit equal to the sample's own minimum or
 * maximum does not restrict), with its trade-off figures.
 *
 * @param low lower limit per parameter (inclusive)
 * @param high upper limit per parameter (inclusive)
 * @param coverage share of all cases of interest that lie in the box
 * @param density share of the points in the box that are cases of interest
 * @param mass share of all points that lie in the box
 * @param lowRestricted per parameter, whether the box's lower limit is above the sample's smallest value
 * @param highRestricted per parameter, whether the box's upper limit is below the sample's largest value
 */
public record PrimBox(double[] low, double[] high, double coverage, double density, double mass, boolean[] lowRestricted,
                      boolean[] highRestricted) {
    /** Per parameter, whether the box limits it at either end. */
    public boolean[] restricted() {
        boolean[] r = new boolean[low.length];
        for (int j = 0; j < r.length; j++) r[j] = lowRestricted[j] || highRestricted[j];
        return r;
    }

    /** How many parameters the box limits. */
    public int restrictedCount() {
        int n = 0;
        for (boolean r : restricted()) if (r) n++;
        return n;
    }

    /** Whether a point lies in the box. */
    public boolean contains(double[] x) {
        for (int j = 0; j < low.length; j++) if (x[j] < low[j] || x[j] > high[j]) return false;
        return true;
    }
}
