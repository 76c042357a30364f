package owsim.experiment.analysis;

/** Analytic test functions with known sensitivity indices. */
final class TestFunctions {
    private TestFunctions() {}

    static final double ISHIGAMI_A = 7;
    static final double ISHIGAMI_B = 0.1;

    /** Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi). */
    static double ishigami(double[] x) {
        return Math.sin(x[0]) + ISHIGAMI_A * Math.pow(Math.sin(x[1]), 2) + ISHIGAMI_B * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    /** Analytic first-order indices of Ishigami: {S1, S2, S3}. */
    static double[] ishigamiFirst() {
        double a = ISHIGAMI_A, b = ISHIGAMI_B, pi4 = Math.pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        return new double[] {v1 / ishigamiVariance(), v2 / ishigamiVariance(), 0};
    }

    /** Analytic total indices of Ishigami: {ST1, ST2, ST3}; x1 and x3 interact (V13). */
    static double[] ishigamiTotal() {
        double a = ISHIGAMI_A, b = ISHIGAMI_B, pi4 = Math.pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = 8 * b * b * pi8 / 225;
        double v = ishigamiVariance();
        return new double[] {(v1 + v13) / v, v2 / v, v13 / v};
    }

    static double ishigamiVariance() {
        double a = ISHIGAMI_A, b = ISHIGAMI_B, pi4 = Math.pow(Math.PI, 4), pi8 = pi4 * pi4;
        return a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
    }

    /** Sobol's G function: prod (|4 x_i - 2| + a_i) / (1 + a_i), x_i ~ U(0, 1). */
    static double gFunction(double[] x, double[] a) {
        double p = 1;
        for (int i = 0; i < a.length; i++) p *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
        return p;
    }

    /** Analytic first-order and total indices of the G function: {first[], total[]}. */
    static double[][] gIndices(double[] a) {
        int k = a.length;
        double[] vi = new double[k];
        double prod = 1;
        for (int i = 0; i < k; i++) {
            vi[i] = 1 / (3 * Math.pow(1 + a[i], 2));
            prod *= 1 + vi[i];
        }
        double v = prod - 1;
        double[] first = new double[k];
        double[] total = new double[k];
        for (int i = 0; i < k; i++) {
            first[i] = vi[i] / v;
            total[i] = vi[i] * (prod / (1 + vi[i])) / v;
        }
        return new double[][] {first, total};
    }
}
