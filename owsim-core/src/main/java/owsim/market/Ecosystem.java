package owsim.market;

import owsim.scenario.EcosystemSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;

/**
 * Claims h, i: users who run a lab's open models themselves or through hosts (students,
 * hobbyists, developers) create derivatives (fine-tunes, quantisations, tools) at rho per user and
 * month; derivatives raise the lab's utility (theta ln(1 + D)) and feed its research. With the
 * {@code ecosystemDecay} switch on and an {@code ecosystem} section, the stock first keeps
 * 2^(-1/h) of itself (derivatives of aging base models lose relevance), then the month's new ones
 * are added: D = D 2^(-1/h) + added. With the {@code derivativesPerBaseModel} switch on and its
 * section, the stock is kept per base model and D is their weighted sum ({@link BaseModelDerivatives}).
 */
final class Ecosystem implements Mechanism {
    /** Whether derivatives decay in this world: the switch on and an {@code ecosystem} section given. */
    static boolean decays(World w) {
        return w.scenario.ecosystem() != null && w.scenario.mechanisms().isOn(MechanismSwitch.ECOSYSTEM_DECAY);
    }

    @Override public void apply(World w, MarketState s) {
        if (!w.scenario.mechanisms().ecosystem()) {
            java.util.Arrays.fill(s.derivativesGrowth, 0);
            return;
        }
        EcosystemSpec decay = decays(w) ? w.scenario.ecosystem() : null;
        double kept = decay == null ? 1 : decay.keptPerMonth();
        boolean perBase = BaseModelDerivatives.on(w);
        for (int i = 0; i < w.labs; i++) {
            double added = 0;
            for (int g = 0; g < w.segments; g++) {
                double rho = w.scenario.segments().get(g).derivativesPerUserMonth();
                if (rho <= 0) continue;
                int k = (g * w.labs + i) * OptionKind.COUNT;
                added += rho * (s.segUsers[k + OptionKind.HOSTED.ordinal()] + s.segUsers[k + OptionKind.SELFHOST.ordinal()]);
            }
            if (perBase) {
                BaseModelDerivatives.apply(w, s, i, added, kept);
                continue;
            }
            s.derivativesGrowth[i] = added / Math.max(1, s.derivatives[i]);
            if (decay == null) s.derivatives[i] += added; // as before the decay, to the bit
            else s.derivatives[i] = s.derivatives[i] * kept + added;
        }
    }
}
