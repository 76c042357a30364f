package owsim.experiment.analysis;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A metric's mean over a grid design's runs, by the levels of its first two parameters (averaged
 * over replications and any further parameters): what a heat map of the grid shows.
 *
 * @param metric the output metric
 * @param rowPath the parameter whose levels are the rows
 * @param colPath the parameter whose levels are the columns
 * @param rowLevels the rows' levels, ascending
 * @param colLevels the columns' levels, ascending
 * @param mean mean[row][col] over the cell's runs with a finite value, NaN if none
 * @param runs runs[row][col] with a finite value
 */
public record GridMeans(String metric, String rowPath, String colPath, double[] rowLevels, double[] colLevels, double[][] mean, int[][] runs) {

    /** The means from each run's two parameter values and its output. */
    public static GridMeans of(String metric, String rowPath, double[] rowIn, String colPath, double[] colIn, double[] out) {
        if (rowIn.length != out.length || colIn.length != out.length) throw new IllegalArgumentException("grid means: columns differ in length");
        double[] rows = levels(rowIn);
        double[] cols = levels(colIn);
        double[][] sum = new double[rows.length][cols.length];
        int[][] n = new int[rows.length][cols.length];
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i]) || !Double.isFinite(rowIn[i]) || !Double.isFinite(colIn[i])) continue;
            int r = Arrays.binarySearch(rows, rowIn[i]);
            int c = Arrays.binarySearch(cols, colIn[i]);
            sum[r][c] += out[i];
            n[r][c]++;
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) sum[r][c] = n[r][c] == 0 ? Double.NaN : sum[r][c] / n[r][c];
        }
        return new GridMeans(metric, rowPath, colPath, rows, cols, sum, n);
    }

    private static double[] levels(double[] v) {
        TreeSet<Double> s = new TreeSet<>();
        for (double x : v) if (Double.isFinite(x)) s.add(x);
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
