package owsim.experiment.design;

/**
 * A Saltelli design's runs and where A, B and each A_B^(i) sit among them (see
 * {@link SobolDesign} for the layout).
 */
public record SaltelliSample(SampleMatrix matrix, int baseRuns, int parameters) {
    public SaltelliSample {
        if ((long) baseRuns * (parameters + 2) != matrix.runs()) {
            throw new IllegalArgumentException("a Saltelli sample of N = " + baseRuns + " and k = " + parameters
                + " has " + (long) baseRuns * (parameters + 2) + " runs, the matrix has " + matrix.runs());
        }
    }

    /** Run index of row j of A. */
    public int indexA(int j) { return j * (parameters + 2); }

    /** Run index of row j of B. */
    public int indexB(int j) { return j * (parameters + 2) + parameters + 1; }

    /** Run index of row j of A_B^(i): A with parameter i's column from B. */
    public int indexAB(int i, int j) { return j * (parameters + 2) + 1 + i; }
}
