package owsim.market;

/**
 * Claim k: who gets the researchers on the market this month. While they are scarce, researchers
 * choose: each lab receives the pool in proportion to its weight (pay and prestige); a lab never
 * hires beyond its openings, and what it cannot take goes to the others by their weights. When the
 * pool covers every lab's openings, each lab fills them and the weights no longer matter; the rest
 * find work outside the labs.
 */
final class Hiring {
    private Hiring() {}

    /**
     * Researchers each lab hires.
     *
     * @param pool researchers on the market this month
     * @param weight each lab's choice weight, positive (exp of its utility)
     * @param openings each lab's openings this month, researchers (Infinity: no limit)
     */
    static double[] allocate(double pool, double[] weight, double[] openings) {
        int n = weight.length;
        double[] hires = new double[n];
        boolean[] full = new boolean[n];
        double left = pool;
        // Each pass fills the labs whose share of what is left reaches their openings; at most n passes.
        for (int pass = 0; pass <= n && left > 0; pass++) {
            double sum = 0;
            for (int i = 0; i < n; i++) if (!full[i]) sum += weight[i];
            if (sum <= 0) break;
            boolean filled = false;
            for (int i = 0; i < n; i++) {
                if (full[i] || left * weight[i] / sum < openings[i]) continue;
                hires[i] = openings[i];
                full[i] = true;
                filled = true;
            }
            if (!filled) {
                for (int i = 0; i < n; i++) if (!full[i]) hires[i] = left * weight[i] / sum;
                break;
            }
            left = pool;
            for (int i = 0; i < n; i++) if (full[i]) left -= hires[i];
        }
        return hires;
    }
}
