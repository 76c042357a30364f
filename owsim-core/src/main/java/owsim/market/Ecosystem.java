package owsim.market;

import owsim.scenario.OptionKind;

/**
 * Claims h, i: users who run a lab's open models themselves or through hosts (students,
 * hobbyists, developers) create derivatives (fine-tunes, quantisations, tools) at rho per user and
 * month; derivatives raise the lab's utility (theta ln(1 + D)) and feed its research.
 */
final class Ecosystem implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        if (!w.scenario.mechanisms().ecosystem()) {
            java.util.Arrays.fill(s.derivativesGrowth, 0);
            return;
        }
        for (int i = 0; i < w.labs; i++) {
            double added = 0;
            for (int g = 0; g < w.segments; g++) {
                double rho = w.scenario.segments().get(g).derivativesPerUserMonth();
                if (rho <= 0) continue;
                int k = (g * w.labs + i) * OptionKind.COUNT;
                added += rho * (s.segUsers[k + OptionKind.HOSTED.ordinal()] + s.segUsers[k + OptionKind.SELFHOST.ordinal()]);
            }
            s.derivativesGrowth[i] = added / Math.max(1, s.derivatives[i]);
            s.derivatives[i] += added;
        }
    }
}
