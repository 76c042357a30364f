package owsim.calibration;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Which parameters the fitted targets determine, from the Jacobian J of the targets' scaled errors
 * (z, one tolerance = 1) with respect to the parameters' unit coordinates at the optimum.
 *
 * <p>Treating each target's tolerance as one standard deviation of its error, the targets' Fisher
 * information is JᵀJ. A parameter's prior is uniform over its range, of variance 1/12 in unit
 * coordinates, taken here as a Gaussian of that variance (Laplace approximation), so the posterior
 * covariance is (JᵀJ + 12 I)⁻¹ and a parameter's <em>local ratio</em> is its posterior over prior
 * standard deviation, sqrt(12 Σ_ii): near 1 the targets say nothing about it, 0.5 halves its
 * uncertainty. The <em>alone ratio</em> holds the others fixed, 1 / sqrt(1 + |J_i|² / 12): a
 * parameter can be pinned alone and free jointly when another can make up for it (a trade-off).
 *
 * <p>Verdicts from the local ratio: at most {@value #IDENTIFIED} identified, at most {@value #WEAK}
 * weakly identified, above it free. A direction in parameter space is free when its singular value
 * is below {@value #FREE_SINGULAR_VALUE} (moving the whole range along it changes no target by more
 * than about a third of a tolerance), and there are at least (parameters - fitted targets) of them.
 */
final class Identifiability {
    static final double IDENTIFIED = 0.5;
    static final double WEAK = 0.9;
    static final double FREE_SINGULAR_VALUE = 0.3;
    /** Precision of a uniform prior on [0, 1] taken as Gaussian: 1 / (1/12). */
    static final double PRIOR_PRECISION = 12;

    final double[] singularValues;
    final double[] weakestDirection;
    final int freeDirections;
    final double[] localRatio;
    final double[] aloneRatio;

    /** @param jacobian rows = fitted targets, columns = parameters */
    Identifiability(double[][] jacobian, int parameters) {
        int m = jacobian.length;
        RealMatrix j = m == 0 ? new Array2DRowRealMatrix(1, parameters) : new Array2DRowRealMatrix(jacobian, true);
        RealMatrix info = j.transpose().multiply(j);
        RealMatrix posterior = new LUDecomposition(info.add(MatrixUtils.createRealIdentityMatrix(parameters).scalarMultiply(PRIOR_PRECISION)))
            .getSolver().getInverse();
        localRatio = new double[parameters];
        aloneRatio = new double[parameters];
        for (int i = 0; i < parameters; i++) {
            localRatio[i] = Math.sqrt(PRIOR_PRECISION * posterior.getEntry(i, i));
            aloneRatio[i] = 1 / Math.sqrt(1 + info.getEntry(i, i) / PRIOR_PRECISION);
        }
        // The right singular vectors of J are the eigenvectors of JᵀJ; with fewer targets than
        // parameters the SVD of J has only m of them, so decompose the square JᵀJ instead.
        SingularValueDecomposition svd = new SingularValueDecomposition(info);
        double[] eig = svd.getSingularValues();
        singularValues = new double[Math.min(m, parameters)];
        for (int i = 0; i < singularValues.length; i++) singularValues[i] = Math.sqrt(Math.max(0, eig[i]));
        double[] w = svd.getV().getColumn(parameters - 1);
        // A direction's sign is arbitrary; fix it so the largest component is positive (same bytes every time).
        int big = 0;
        for (int i = 1; i < w.length; i++) if (Math.abs(w[i]) > Math.abs(w[big]) + 1e-12) big = i;
        if (w[big] < 0) for (int i = 0; i < w.length; i++) w[i] = -w[i];
        weakestDirection = w;
        int free = parameters - singularValues.length;
        for (double s : singularValues) if (s < FREE_SINGULAR_VALUE) free++;
        freeDirections = free;
    }

    static String verdict(double localRatio) {
        return localRatio <= IDENTIFIED ? "identified" : localRatio <= WEAK ? "weak" : "free";
    }
}
