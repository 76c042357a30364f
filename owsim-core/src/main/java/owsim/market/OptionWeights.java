package owsim.market;

import owsim.scenario.SegmentSpec;

/**
 * The logit weight exp(V) of each option a user class is offered this month: alpha (K - K_ref)
 * - beta (pay + shortfall) + kind constant + theta ln(1 + derivatives) + brand, the ecosystem term
 * times the option's share of it with {@code thirdPartyFineTunes} ({@link OptionTable#ecosystemShare}).
 * Both engines draw or share by these weights; the switching cost is the caller's.
 */
final class OptionWeights {
    private OptionWeights() {}

    /** ln(1 + derivatives) of each lab when the ecosystem mechanism is on, else 0. */
    static double[] lnDerivatives(World w, MarketState s) {
        double[] lnDerivatives = new double[w.labs];
        lnDerivatives(w, s, lnDerivatives);
        return lnDerivatives;
    }

    /** {@link #lnDerivatives(World, MarketState)} written into {@code into} (one entry per lab). */
    static void lnDerivatives(World w, MarketState s, double[] into) {
        boolean eco = w.scenario.mechanisms().ecosystem();
        for (int i = 0; i < w.labs; i++) into[i] = eco ? Math.log1p(s.derivatives[i]) : 0;
    }

    /**
     * exp(V) of each option offered to class c this month (entries of other options are left as
     * they were; 1 for none), capped at exp(700) so that sums stay finite.
     */
    static void weights(World w, MarketState s, int c, double[] lnDerivatives, double[] expV, LastValueCache exp) {
        weights(w, s, c, lnDerivatives, expV, exp, null);
    }

    /**
     * {@link #weights(World, MarketState, int, double[], double[], LastValueCache)}, first asking
     * {@code byClass} (if not null; one slot per class x option, {@code c * options + o}) for the
     * class's own last value of each option: a closed lab's plans keep their utility from month to
     * month between releases, so their exp(V) is last month's, where the per-option cache holds
     * only the last class's. The same doubles either way.
     */
    static void weights(World w, MarketState s, int c, double[] lnDerivatives, double[] expV, LastValueCache exp, LastValueCache byClass) {
        int g = w.userClasses.segment[c];
        SegmentSpec seg = w.scenario.segments().get(g);
        double alpha = seg.capabilityWeightPerDecade();
        double beta = seg.priceWeightPerUsd();
        double perToken = perTokenPriceWeight(w, seg, s.month); // pricePerWork: the weight on what is paid by the token (beta when off)
        boolean[] byToken = w.optionTable.paidByToken;
        double theta = seg.ecosystemWeight();
        double kRef = s.fixedCapability;
        int row = c * w.options;
        int kinds = g * w.options;
        double[] ecoShare = w.optionTable.ecosystemShare;
        expV[0] = 1;
        for (int k = 0, offered = s.offeredCount[c]; k < offered; k++) {
            int o = s.offered[row + k];
            double v = alpha * (s.offerCapability[row + o] - kRef)
                - (byToken[o] ? perToken : beta) * s.offerPay[row + o] - perToken * s.offerShortfallUsd[row + o]
                + w.optionTable.utility[kinds + o];
            if (ecoShare == null) v += theta * lnDerivatives[w.optionTable.lab[o]];
            else v += theta * lnDerivatives[w.optionTable.lab[o]] * ecoShare[o]; // share 1: the same double (x * 1.0 is x)
            v += w.optionTable.brand[o];
            double x = Math.min(v, 700);
            expV[o] = byClass != null ? byClass.apply(row + o, x, exp, o) : exp.apply(o, x);
        }
    }

    /**
     * The price weight on what segment {@code seg} pays by the token in month m (mechanism
     * {@code pricePerWork}): {@code priceWeightPerUsd / usageFactor(m)^e} when usage grows
     * ({@code usageGrowth} acting) and the segment gives an elasticity e above 0; else its
     * {@code priceWeightPerUsd}, the same double.
     */
    static double perTokenPriceWeight(World w, SegmentSpec seg, int m) {
        double beta = seg.priceWeightPerUsd();
        Double e = seg.priceWeightUsageElasticity();
        if (e == null || !(e > 0) || !w.usageGrows() || !w.scenario.mechanisms().isOn(owsim.scenario.MechanismSwitch.PRICE_PER_WORK)) return beta;
        return beta / Math.pow(seg.usageFactor(m), e);
    }
}
