package owsim.market;

/**
 * The multinomial logit choice of one user class whose members each know each lab independently:
 * a member knows lab l with probability {@code known[l]} (its segment's awareness; a lab the
 * segment cannot reach, for example a service unavailable in its region, is simply known with
 * probability 0), and picks among "nothing" (weight 1) and the offered options of the labs it
 * knows. What is shared out is the class's reconsidering mass: users with no option (the outside
 * mass), and holders of an option, who know its lab and give it the switching bonus {@code extra}
 * (weight exp(V) + extra instead of exp(V)).
 *
 * <p>Inputs, set before {@link #solve}: per lab, the summed exp(V) of its options offered to the
 * class ({@link #labWeight}); the outside mass; and the holders (lab, mass, extra), in the order
 * the caller wants them back. Outputs: per lab, the expected chosen share per unit exp(V)
 * ({@link #labShare}: option o of lab l gets exp(V_o) x labShare[l]); per holder, the share kept
 * through its switching bonus ({@link #holderKept}); the share that chooses nothing; and the
 * expected log denominator E[ln D] (consumer surplus). Outputs sum to the inputs' mass:
 * outsideShare + sum_l labWeight[l] labShare[l] + sum_h holderKept[h] = outsideMass + sum_h holderMass[h].
 *
 * <p>Two ways to take the expectation over which labs a member knows: {@link EnumeratedKnownLabs}
 * sums over every subset of labs (exact, 2^labs terms), used up to {@link #EXACT_MAX_LABS} labs;
 * {@link IntegralKnownLabs} writes 1/D and ln D as integrals over t of exp(-tD), whose expectation
 * over independent labs is a product, and integrates numerically (linear in labs, error against
 * the exact sum below 1e-14, measured in the tests and in MODEL.md). With more labs,
 * {@link ActiveLabsLogit} drops the labs that cannot matter to a class and sums exactly when few
 * remain. Each is deterministic.
 */
abstract class KnownLabsLogit {
    /**
     * Most labs for which the sum over every subset of known labs is used: measured on a class like
     * the default world's, the sum is the faster up to 10 labs and the integral from 11 (the subsets
     * double with each lab, the integral grows linearly; BENCHMARKS.md). Every scenario allowed
     * before larger worlds were (at most 8 labs) keeps its exact sum.
     */
    static final int EXACT_MAX_LABS = 10;

    final int labs;
    /** Per lab: the summed exp(V) of its options offered to the class (0 if none). */
    final double[] labWeight;
    /** Users with no option who choose (and holders of an option that is gone). */
    double outsideMass;
    /** Holders of an option who reconsider: count, and per holder its lab, its mass and its switching bonus on exp(V). */
    int holders;
    final int[] holderLab;
    final double[] holderMass;
    final double[] holderExtra;

    /** Per lab: expected share chosen per unit exp(V) of the lab's options. */
    final double[] labShare;
    /** Per holder: the share that stays through the switching bonus. */
    final double[] holderKept;
    /** The share that chooses nothing. */
    double outsideShare;
    /** E[ln D], D = 1 + the summed weights of the known labs, over a member with no option. */
    double expectedLnDenominator;

    KnownLabsLogit(int labs, int maxHolders) {
        this.labs = labs;
        labWeight = new double[labs];
        labShare = new double[labs];
        holderLab = new int[maxHolders];
        holderMass = new double[maxHolders];
        holderExtra = new double[maxHolders];
        holderKept = new double[maxHolders];
    }

    /** The exact sum up to {@link #EXACT_MAX_LABS} labs, the integral beyond. */
    static KnownLabsLogit forLabs(int labs, int maxHolders) {
        return forLabs(labs, maxHolders, EXACT_MAX_LABS);
    }

    /** The exact sum up to {@code exactMaxLabs} labs, the integral beyond (tests compare the two on one world). */
    static KnownLabsLogit forLabs(int labs, int maxHolders, int exactMaxLabs) {
        if (labs <= exactMaxLabs) return new EnumeratedKnownLabs(labs, maxHolders);
        return exactMaxLabs < EXACT_MAX_LABS ? new IntegralKnownLabs(labs, maxHolders) : new ActiveLabsLogit(labs, maxHolders);
    }

    /** Sets the probability that a member knows (and can reach) each lab, for the classes solved next. */
    abstract void awareness(double[] known);

    /** Forgets the holders of the last class solved. */
    final void clearHolders() {
        holders = 0;
    }

    /** Adds a holder; they are solved in the order added. */
    final void addHolder(int lab, double mass, double extra) {
        holderLab[holders] = lab;
        holderMass[holders] = mass;
        holderExtra[holders] = extra;
        holders++;
    }

    /** Computes the outputs from the inputs. */
    abstract void solve();
}
