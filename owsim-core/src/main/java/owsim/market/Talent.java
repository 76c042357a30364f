package owsim.market;

import owsim.scenario.MarketParams;

/**
 * Claims j and k: prestige decays with a half-life and is renewed by attention (news) and by an open
 * reputation; new and departing researchers go to labs with shares proportional to
 * exp(omega_w ln pay + omega_P prestige), up to each lab's openings when the scenario limits them
 * ({@link Hiring}). The pay is the lab's offer ({@link WageBids}; its {@code researcherUsdPerYear} unless
 * {@code wageBids} moves it).
 */
final class Talent implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        MarketParams mp = w.scenario.market();
        double decay = Math.pow(2, -1.0 / mp.prestigeHalfLifeMonths());
        for (int i = 0; i < w.labs; i++) {
            Release f = s.frontier(i);
            double attention = mp.newsHazardPerYear() > 0 ? s.news[i] / mp.newsHazardPerYear() : 0;
            if (f != null && f.isOpen()) attention += mp.openReputationPrestige();
            s.prestige[i] = decay * s.prestige[i] + attention;
        }
        if (!w.scenario.mechanisms().talent()) return;
        double leaving = 0;
        double staff = 0;
        double[] openings = new double[w.labs];
        for (int i = 0; i < w.labs; i++) {
            // An exited lab's researchers all leave (only financing sets exited).
            double out = s.exited[i] ? s.researchers[i] : s.researchers[i] * mp.researcherAttritionPerYear() / 12;
            // A lab's openings: its leavers' places plus its part (by staff) of the labs' new openings.
            openings[i] = out;
            staff += s.researchers[i];
            s.researchers[i] -= out;
            leaving += out;
        }
        double pool = leaving + mp.newResearchersPerMonth();
        double[] weight = new double[w.labs];
        double sum = 0;
        double maxU = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < w.labs; i++) {
            weight[i] = mp.payWeight() * Math.log(Math.max(1, s.payUsdPerYear[i])) + mp.prestigeWeight() * s.prestige[i];
            maxU = Math.max(maxU, weight[i]);
        }
        for (int i = 0; i < w.labs; i++) {
            weight[i] = s.exited[i] ? 0 : Math.exp(weight[i] - maxU); // an exited lab hires nobody
            sum += weight[i];
        }
        if (sum == 0) return; // every lab has exited: the entrants find work elsewhere
        if (!mp.limitsOpenings()) {
            for (int i = 0; i < w.labs; i++) s.researchers[i] += pool * weight[i] / sum;
            return;
        }
        for (int i = 0; i < w.labs; i++) {
            double part = staff > 0 ? (s.researchers[i] + openings[i]) / staff : 1.0 / w.labs;
            openings[i] = s.exited[i] ? 0 : openings[i] + mp.researcherOpeningsPerMonth() * part;
        }
        double[] hires = Hiring.allocate(pool, weight, openings);
        for (int i = 0; i < w.labs; i++) {
            s.researchers[i] += hires[i];
            WageBids.tally(w, s, i, openings[i], hires[i]);
        }
    }
}
