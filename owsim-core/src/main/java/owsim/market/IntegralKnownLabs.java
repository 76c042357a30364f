package owsim.market;

/**
 * {@link KnownLabsLogit} for many labs, in time and memory linear in labs and holders.
 *
 * <p>For D >= 1, 1/D = integral over t > 0 of exp(-tD), and ln D = integral of (exp(-t) - exp(-tD))/t.
 * With D = c + sum over known labs of x_l and lab l known independently with probability a_l,
 * E[exp(-tD)] = exp(-tc) prod_l phi_l(t), phi_l(t) = 1 - a_l + a_l exp(-t x_l): the expectation over
 * all 2^labs subsets becomes a product. Every output is such an integral:
 * <ul>
 *   <li>the outside mass chooses lab l with weight E[1{l known} / D] = int exp(-t) Phi(t) rho_l(t) dt,
 *   Phi = prod phi, rho_l = a_l exp(-t x_l) / phi_l (lab l known, tilted by t);</li>
 *   <li>a holder of an option of lab i (who knows i, bonus e) has D = 1 + e + x_i + the others it
 *   knows: its integrand is exp(-t(1 + e)) Phi(t) r_i(t), r_i = exp(-t x_i) / phi_i, times rho_l for
 *   another lab l, times 1 for its own lab and times e for what it keeps;</li>
 *   <li>E[ln D] = int exp(-t)(1 - Phi(t)) / t dt.</li>
 * </ul>
 * Each integrand is a positive mixture of exp(-lambda t) with lambda from 1 to lambdaMax (1 + every
 * weight + the largest bonus). With t = exp(u), the trapezoidal rule in u of step h has relative
 * error about 2 |Gamma(1 - 2 pi i / h)| ~ 1e-13 at h = 0.3 for every lambda (the integrand is analytic
 * in the strip |Im u| < pi/2), so the grid needs no tuning to the weights. The grid runs from
 * t = {@link #T_MAX} (exp(-40) ~ 4e-18 is left out above) down to t = {@link #LOW_DELTA} / lambdaMax,
 * and the smallest node also stands for the integral below it (the integrand is flat there to
 * lambdaMax t). That is about 90 nodes for weights up to 1e3 and 105 up to 1e5.
 */
final class IntegralKnownLabs extends KnownLabsLogit {
    /** Step in u = ln t. */
    static final double STEP = 0.25;
    /** Largest node, t. */
    static final double T_MAX = 40;
    /** lambdaMax times the smallest node. */
    static final double LOW_DELTA = 1e-7;
    /** Nodes from T_MAX down: enough for lambdaMax up to exp(710), the largest finite weight sum. */
    private static final int MAX_NODES = (int) Math.ceil((Math.log(T_MAX) - Math.log(LOW_DELTA) + 710) / STEP) + 1;
    private static final double[] NODE = new double[MAX_NODES];
    private static final double[] EXP_MINUS_NODE = new double[MAX_NODES];

    static {
        for (int k = 0; k < MAX_NODES; k++) {
            NODE[k] = T_MAX * Math.exp(-k * STEP);
            EXP_MINUS_NODE[k] = Math.exp(-NODE[k]);
        }
    }

    private final double[] known;
    private final double[] lnPhi;
    private final double[] ratio;
    private final double[] own;
    private final boolean[] held;
    private final int[] activeLab;

    IntegralKnownLabs(int labs, int maxHolders) {
        super(labs, maxHolders);
        known = new double[labs];
        lnPhi = new double[labs];
        ratio = new double[labs];
        own = new double[labs];
        held = new boolean[labs];
        activeLab = new int[labs];
    }

    @Override void awareness(double[] known) {
        System.arraycopy(known, 0, this.known, 0, labs);
    }

    /** Number of nodes for a largest denominator of lambdaMax. */
    static int nodes(double lambdaMax) {
        int n = (int) Math.ceil((Math.log(T_MAX) - Math.log(LOW_DELTA / lambdaMax)) / STEP) + 1;
        return Math.max(2, Math.min(MAX_NODES, n));
    }

    @Override void solve() {
        double lambdaMax = 1;
        for (int l = 0; l < labs; l++) lambdaMax += labWeight[l];
        double maxExtra = 0;
        for (int h = 0; h < holders; h++) maxExtra = Math.max(maxExtra, holderExtra[h]);
        int n = nodes(lambdaMax + maxExtra);
        java.util.Arrays.fill(labShare, 0);
        java.util.Arrays.fill(holderKept, 0, holders, 0);
        // A lab nobody can know, or with nothing offered, is a factor 1 (and takes no share) unless a holder knows it.
        int active = 0;
        java.util.Arrays.fill(ratio, 1);
        java.util.Arrays.fill(lnPhi, 0);
        java.util.Arrays.fill(own, 0);
        for (int l = 0; l < labs; l++) held[l] = false;
        for (int h = 0; h < holders; h++) held[holderLab[h]] = true;
        for (int l = 0; l < labs; l++) if (labWeight[l] > 0 && (known[l] > 0 || held[l])) activeLab[active++] = l;
        double chooseNothing = 0;
        double surplus = 0;
        // Weight of a node: h t (the rule in u); the smallest also takes the part below it, h t / (1 - e^-h) in all.
        double lastFactor = 1 / -Math.expm1(-STEP);
        for (int k = 0; k < n; k++) {
            double t = NODE[k];
            double wk = STEP * t * (k == n - 1 ? lastFactor : 1);
            double lnProduct = 0;
            for (int j = 0; j < active; j++) {
                int l = activeLab[j];
                double a = known[l];
                double tx = t * labWeight[l];
                double q = Math.exp(-tx);
                if (a >= 1) {
                    lnPhi[l] = -tx;
                    ratio[l] = 1;
                } else if (a <= 0) {
                    lnPhi[l] = 0;
                    ratio[l] = q;
                } else {
                    double phi = (1 - a) + a * q;
                    lnPhi[l] = Math.log(phi);
                    ratio[l] = q / phi;
                }
                lnProduct += lnPhi[l];
                own[l] = 0;
            }
            double e = Math.exp(lnProduct - t);
            double all = outsideMass * e;
            for (int h = 0; h < holders; h++) {
                double extra = holderExtra[h];
                int i = holderLab[h];
                double term = holderMass[h] * e * ratio[i];
                if (extra != 0) term *= Math.exp(-t * extra);
                all += term;
                own[i] += term;
                holderKept[h] += wk * extra * term;
            }
            for (int j = 0; j < active; j++) {
                int l = activeLab[j];
                labShare[l] += wk * (known[l] * ratio[l] * (all - own[l]) + own[l]);
            }
            chooseNothing += wk * all;
            surplus += wk * EXP_MINUS_NODE[k] * -Math.expm1(lnProduct) / t;
        }
        outsideShare = chooseNothing;
        expectedLnDenominator = surplus;
    }
}
