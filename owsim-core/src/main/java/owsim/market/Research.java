package owsim.market;

import owsim.scenario.Technology;

/**
 * Claims a, g, h: algorithmic efficiency rises from own researchers, from the best open model
 * (spillover: a share sigma of the gap in ln A closed per month) and from growth of the lab's
 * own open-model derivatives (community improvement).
 */
final class Research implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        Technology t = w.scenario.technology();
        var mech = w.scenario.mechanisms();
        double gRef = Math.log(t.algorithmicProgressPerYear()) / 12;
        for (int i = 0; i < w.labs; i++) {
            double d = 0;
            if (mech.research()) d += gRef * Math.pow(s.researchers[i] / t.referenceResearchers(), t.researchElasticity());
            if (mech.spillover() && s.bestOpenLnA > s.lnA[i]) {
                double spill = t.spilloverPerMonth() * (s.bestOpenLnA - s.lnA[i]);
                d += spill;
                s.spilloverLnA[i] += spill; // kept apart so claim a can tell what each lab learned from the others
            }
            if (mech.ecosystem() && s.derivativesGrowth[i] > 0) d += t.communityProgressPerDerivativeGrowth() * Math.log1p(s.derivativesGrowth[i]);
            s.lnA[i] += d;
        }
    }
}
