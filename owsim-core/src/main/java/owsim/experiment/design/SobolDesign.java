package owsim.experiment.design;

import java.util.List;
import owsim.io.Check;

/**
 * Saltelli's sampling scheme for Sobol sensitivity indices (Saltelli 2002; Saltelli et al. 2010,
 * Comput. Phys. Commun. 181:259). Two independent N x k matrices A and B are taken from one
 * 2k-dimensional Sobol sequence (A = its first k coordinates, B = the last k); for each parameter
 * i, A_B^(i) is A with column i taken from B. Runs = N (k + 2): 20 parameters at N = 1024 give
 * 22,528 runs. A power of two for N keeps the Sobol points balanced.
 *
 * <p>Rows are grouped by base point j, so any prefix of whole groups is itself a complete,
 * smaller design: row {@code j (k + 2)} is A_j, rows {@code j (k + 2) + 1 + i} are A_B^(i)_j,
 * row {@code j (k + 2) + k + 1} is B_j.
 */
public record SobolDesign(int baseRuns) implements Design {
    public SobolDesign {
        Check.positive("baseRuns", baseRuns);
    }

    @Override public String name() { return "sobol"; }

    @Override public long runCount(List<Parameter> parameters) {
        return (long) baseRuns * (parameters.size() + 2);
    }

    /** Deterministic (an unscrambled Sobol sequence): the root seed is not used. */
    @Override public SampleMatrix sample(List<Parameter> parameters, long rootSeed) {
        return saltelli(parameters).matrix();
    }

    /** The design with its layout, as the Sobol analysis needs it. */
    public SaltelliSample saltelli(List<Parameter> parameters) {
        Design.requireParameters(name(), parameters);
        int k = parameters.size();
        if (2 * k > SobolSequence.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("sobol: at most " + SobolSequence.MAX_DIMENSIONS / 2
                + " parameters (the bundled direction numbers cover " + SobolSequence.MAX_DIMENSIONS + " dimensions), was " + k);
        }
        long runs = runCount(parameters);
        double[] base = new SobolSequence(2 * k).points(0, baseRuns);
        int stride = k + 2;
        double[] unit = new double[Design.cells(name(), runs, k)];
        for (int j = 0; j < baseRuns; j++) {
            int a = j * 2 * k;       // A_j = base[a .. a+k-1], B_j = base[a+k .. a+2k-1]
            int row = j * stride;
            System.arraycopy(base, a, unit, row * k, k);
            for (int i = 0; i < k; i++) {
                int r = (row + 1 + i) * k;
                System.arraycopy(base, a, unit, r, k);
                unit[r + i] = base[a + k + i];
            }
            System.arraycopy(base, a + k, unit, (row + k + 1) * k, k);
        }
        return new SaltelliSample(Design.fromUnit(name(), parameters, (int) runs, unit), baseRuns, k);
    }
}
