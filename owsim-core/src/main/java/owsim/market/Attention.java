package owsim.market;

import java.util.Arrays;
import owsim.scenario.LabSpec;
import owsim.scenario.MarketParams;
import owsim.scenario.SegmentSpec;

/**
 * Claims e, f, j: awareness of each lab in each segment follows a Bass-type hazard
 * h = p + p_ads + p_news + p_reach + q (sum over segments of influence-weighted adopters). The own
 * segment's word of mouth is taken as proportional to its awareness (only aware users adopt), which
 * makes the month an exact step of the Riccati (Bass) equation da/dt = (1 - a)(P + Q a), not p/12.
 */
final class Attention implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        decayNews(w, s);
        int n = w.segments * w.labs;
        double[] p = new double[n];
        double[] q = new double[n];
        rates(w, s, p, q, null);
        double dt = 1.0 / 12;
        for (int idx = 0; idx < n; idx++) s.awareness[idx] = step(s.awareness[idx], p[idx], q[idx], dt);
    }

    /** The lab-level part: news attention decays with its half-life and is renewed by notable releases. */
    static void decayNews(World w, MarketState s) {
        MarketParams mp = w.scenario.market();
        double decay = Math.pow(2, -1.0 / mp.newsHalfLifeMonths());
        for (int i = 0; i < w.labs; i++) {
            s.news[i] *= decay;
            if (w.scenario.mechanisms().news() && s.notableRelease[i]) s.news[i] += mp.newsHazardPerYear();
        }
    }

    /**
     * This month's rates per (segment, lab), per year, [g * labs + i]: P (innovation, media, news,
     * reach and word of mouth from other segments) and Q, the own segment's word of mouth on the
     * Riccati form (times the aware share a). {@code ownWordOfMouth}, if not null, receives the own
     * segment's coefficient on the adopted share itself (Q = that times adopters / a), which is what
     * a user hears from the adopters among its own contacts.
     */
    static void rates(World w, MarketState s, double[] pOut, double[] qOut, double[] ownWordOfMouth) {
        MarketParams mp = w.scenario.market();
        var mech = w.scenario.mechanisms();
        double totalInfluence = 0;
        for (SegmentSpec g : w.scenario.segments()) totalInfluence += g.influence();
        double[] adopters = adoptionShares(w, s, mech.hobbyistAdoption());
        boolean[] openWeights = w.regionTable.anyAccessRule ? openWeights(w, s) : null;
        for (int g = 0; g < w.segments; g++) {
            SegmentSpec seg = w.scenario.segments().get(g);
            for (int i = 0; i < w.labs; i++) {
                LabSpec l = w.scenario.labs().get(i);
                int idx = g * w.labs + i;
                boolean offered = w.regionTable.serviceOffered(g, i);
                if (!offered && !openWeights[i]) {
                    // Access rules: nothing of the lab reaches this region, so nobody there learns of it.
                    pOut[idx] = 0;
                    qOut[idx] = 0;
                    if (ownWordOfMouth != null) ownWordOfMouth[idx] = 0;
                    continue;
                }
                double p = seg.bassInnovationPerYear();
                // A lab does not advertise, nor promote in its apps, where its services are not offered.
                if (mech.marketing() && offered) p += mp.marketingMaxPerYear() * (1 - Math.exp(-l.marketingUsdPerMonth() / mp.marketingHalfSaturationUsdPerMonth()));
                if (mech.news()) p += s.news[i];
                if (mech.distribution() && offered && w.regionTable.channelReaches(g, i)) p += l.distributionConversionPerYear() * w.labTable.reachableShare[i];
                double q = 0;
                double own = 0;
                double a = s.awareness[idx];
                if (mech.wordOfMouth() && totalInfluence > 0) {
                    for (int h = 0; h < w.segments; h++) {
                        if (h == g) continue;
                        p += seg.wordOfMouthPerYear() * w.scenario.segments().get(h).influence() / totalInfluence * adopters[h * w.labs + i];
                    }
                    double ratio = a > 1e-12 ? Math.min(1, adopters[idx] / a) : 0;
                    own = seg.wordOfMouthPerYear() * seg.influence() / totalInfluence;
                    q = own * ratio;
                }
                pOut[idx] = p;
                qOut[idx] = q;
                if (ownWordOfMouth != null) ownWordOfMouth[idx] = own;
            }
        }
    }

    /** Per lab: whether any of its models' weights are open (they can be used, and spread its name, where its services are not offered). */
    private static boolean[] openWeights(World w, MarketState s) {
        boolean[] open = new boolean[w.labs];
        for (Release r : s.releases) if (r.isOpen()) open[r.lab] = true;
        return open;
    }

    /**
     * Per segment and lab, [g * labs + i]: the share of segment g using lab i (own services; hosted
     * and self-hosted copies of its open models when they count). One pass over each segment's
     * classes for every lab; each lab's sum adds its terms in the order of a pass for that lab alone.
     */
    static double[] adoptionShares(World w, MarketState s, boolean openCopiesCount) {
        double[] out = new double[w.segments * w.labs];
        double[] users = new double[w.labs];
        int counted = openCopiesCount ? w.optionTable.perLab : OptionTable.HOSTED0; // hosted and self-hosted slots come last in a lab's block
        for (int g = 0; g < w.segments; g++) {
            Arrays.fill(users, 0);
            double pop = 0;
            for (int c = w.userClasses.segmentStart[g]; c < w.userClasses.segmentStart[g + 1]; c++) {
                double weight = w.userClasses.weight[c];
                pop += weight;
                int row = c * w.options;
                for (int i = 0; i < w.labs; i++) {
                    int base = row + w.optionTable.base(i);
                    double u = users[i];
                    for (int k = 0; k < counted; k++) u += weight * s.shares[base + k];
                    users[i] = u;
                }
            }
            for (int i = 0; i < w.labs; i++) out[g * w.labs + i] = pop > 0 ? users[i] / pop : 0;
        }
        return out;
    }

    /**
     * Exact solution over dt of da/dt = (1 - a)(P + Q a) from a: the Bass closed form restarted at a,
     * F(t) = (1 - K e^{-(P+Q)t}) / (1 + (Q/P) K e^{-(P+Q)t}) with K = (1 - a) / (1 + (Q/P) a).
     */
    public static double step(double a, double p, double q, double dt) {
        if (a >= 1) return 1;
        if (p <= 0 && q <= 0) return a;
        if (p <= 0) {
            double e = Math.exp(q * dt);
            return a * e / (1 - a + a * e);
        }
        double r = q / p;
        double k = (1 - a) / (1 + r * a);
        double e = k * Math.exp(-(p + q) * dt);
        return Math.min(1, Math.max(a, (1 - e) / (1 + r * e)));
    }
}
