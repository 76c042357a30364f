package owsim.market;

/**
 * Mechanism {@code proPlans} (claim b): a lab may offer a second, larger plan beside its base
 * subscription (a $200 plan with a higher token cap). The lab's subscription option stays one
 * option of the choice; what it offers a user class is the plan that costs the class's users less:
 * fee + the value, at the lab's API price, of the tokens the plan's cap withholds from them (the
 * same shortfall the choice charges a capped plan). Users whose usage exceeds the base plan's cap
 * by enough take the pro plan; the rest keep the base plan, and nobody's utility falls. The choice
 * is made with the offer ({@link Offers}), so both engines read it; {@link Usage} books the pro
 * plan's subscribers and fees, and prices their loss share at its fee and cap.
 */
final class ProPlans {
    private ProPlans() {}

    /**
     * Whether a run of this world has pro plans: the switch on and at least one lab offering one
     * (else its offers, and so its outputs, are those without the mechanism, bit for bit).
     */
    static boolean on(World w) {
        for (boolean offered : w.labTable.proOffered) if (offered) return true;
        return false;
    }

    /**
     * Chooses lab i's subscription offer to class c and returns the mean tokens a user of the class
     * takes under it (within the plan's cap); the choice is kept in {@code s.offerPro}. The offer is
     * the pro plan when the lab has one, the switch is on, and the pro plan's fee plus its shortfall
     * is below the base plan's for the class's mean usage ({@code usdPerToken}: what a withheld token
     * is worth to the user, the lab's API price this month). A tie keeps the base plan. Each plan's
     * capped mean (a lognormal partial mean once planPricing has moved its cap) is taken once and
     * serves both the comparison and the tokens; with planPricing on (which moves caps) it is kept
     * for the next class ({@link Memo}).
     */
    static double choose(World w, MarketState s, int c, int i, double usdPerToken) {
        UserClasses u = w.usage(s.month);
        double subCap = s.planCapTokens[i];
        double proCap = s.proCapTokens[i];
        boolean proOffered = w.labTable.proOffered[i];
        double sub;
        double proTokens = 0;
        if (!s.planPricingOn) { // the scenario's caps: their capped means are table reads
            sub = u.subTokens(c, i, subCap);
            if (proOffered) proTokens = u.proTokens(c, i, proCap);
        } else {
            Memo memo = s.planTokens;
            if (memo == null || memo.table != u) memo = s.planTokens = new Memo(u, w.labs);
            boolean slice = memo.segment[i] == u.segment[c] && memo.bin[i] == u.bin[c];
            sub = slice && same(memo.subCap[i], subCap) ? memo.sub[i] : u.subTokens(c, i, subCap);
            if (proOffered) {
                proTokens = slice && same(memo.proCap[i], proCap) ? memo.pro[i] : u.proTokens(c, i, proCap);
                memo.proCap[i] = proCap;
                memo.pro[i] = proTokens;
            }
            memo.segment[i] = u.segment[c];
            memo.bin[i] = u.bin[c];
            memo.subCap[i] = subCap;
            memo.sub[i] = sub;
        }
        boolean pro = false;
        if (proOffered) {
            double t = u.tokens[c];
            double baseCost = s.planFeeUsd[i] + Math.max(0, t - sub) * usdPerToken;
            double proCost = s.proFeeUsd[i] + Math.max(0, t - proTokens) * usdPerToken;
            pro = proCost < baseCost;
        }
        s.offerPro[c * w.labs + i] = pro;
        return pro ? proTokens : sub;
    }

    /** The same double, bit for bit. */
    private static boolean same(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }

    /**
     * Per lab, the capped means of its plans that {@link #choose} took last, in one month's table of
     * usage moments: the class's segment and usage bin and the caps they were taken at. A class's
     * capped mean at a cap is a function of its segment and usage bin alone (the classes of a bin
     * differ only in hardware, and share its edges, their normal CDFs and the segment's median and
     * spread), so the next class of the same bin takes it for the same caps: the offers walk a lab's
     * classes in order (or each class's labs in order, keeping one entry per lab).
     */
    static final class Memo {
        final UserClasses table;
        final int[] segment;
        final int[] bin;
        final double[] subCap;
        final double[] sub;
        final double[] proCap;
        final double[] pro;

        Memo(UserClasses table, int labs) {
            this.table = table;
            segment = new int[labs];
            bin = new int[labs];
            java.util.Arrays.fill(segment, -1);
            subCap = new double[labs];
            sub = new double[labs];
            proCap = new double[labs];
            pro = new double[labs];
        }
    }

    /** The fee of the plan lab i offers class c this month, USD/month (its scenario fee unless planPricing moved it). */
    static double feeUsd(World w, MarketState s, int c, int i) {
        return s.offerPro[c * w.labs + i] ? s.proFeeUsd[i] : s.planFeeUsd[i];
    }

    /** The monthly token cap of the plan lab i offers class c this month (its scenario cap unless planPricing moved it). */
    static double capTokens(World w, MarketState s, int c, int i) {
        return s.offerPro[c * w.labs + i] ? s.proCapTokens[i] : s.planCapTokens[i];
    }
}
