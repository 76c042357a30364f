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
     * Whether lab i's subscription offer to class c is its pro plan: it has one, the switch is on,
     * and the pro plan's fee plus its shortfall is below the base plan's for the class's mean
     * usage ({@code usdPerToken}: what a withheld token is worth to the user, the lab's API price
     * this month). A tie keeps the base plan.
     */
    static boolean chosen(World w, MarketState s, int c, int i, double usdPerToken) {
        if (!w.labTable.proOffered[i]) return false;
        UserClasses u = w.usage(s.month);
        double t = u.tokens[c];
        double base = s.planFeeUsd[i] + Math.max(0, t - u.subTokens(c, i, s.planCapTokens[i])) * usdPerToken;
        double pro = s.proFeeUsd[i] + Math.max(0, t - u.proTokens(c, i, s.proCapTokens[i])) * usdPerToken;
        return pro < base;
    }

    /** The fee of the plan lab i offers class c this month, USD/month (its scenario fee unless planPricing moved it). */
    static double feeUsd(World w, MarketState s, int c, int i) {
        return s.offerPro[c * w.labs + i] ? s.proFeeUsd[i] : s.planFeeUsd[i];
    }

    /** The mean tokens a user of class c takes under the plan lab i offers it this month (within the plan's cap). */
    static double tokens(World w, MarketState s, int c, int i) {
        UserClasses u = w.usage(s.month);
        return s.offerPro[c * w.labs + i] ? u.proTokens(c, i, s.proCapTokens[i]) : u.subTokens(c, i, s.planCapTokens[i]);
    }

    /** The monthly token cap of the plan lab i offers class c this month (its scenario cap unless planPricing moved it). */
    static double capTokens(World w, MarketState s, int c, int i) {
        return s.offerPro[c * w.labs + i] ? s.proCapTokens[i] : s.planCapTokens[i];
    }
}
