package owsim.market;

import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.ThirdPartyFineTunesSpec;

/**
 * Mechanism {@code thirdPartyFineTunes} (issue 15, the ecosystem grounded in data): fine-tunes and
 * copies of a lab's open weights are served by third-party hosts or run by their users, so the
 * value of the lab's derivatives, theta ln(1 + D), attaches in full to the hosted and self-hosted
 * options of its open models and only a share of it ({@code ownApiShare}, or the lab's own entry) to
 * the lab's own API, plans and free tier. It takes effect where both engines read the options'
 * utilities ({@link OptionWeights}, through {@link OptionTable#ecosystemShare}). Switched off, or
 * with the section left out, every option gets the whole term, as before, bit for bit; a share of
 * 1 gives the same doubles too (x times 1.0 is x).
 */
final class ThirdPartyFineTunes {
    private ThirdPartyFineTunes() {}

    /**
     * Per option of the table (its kinds and labs), the share of its lab's ecosystem term it gets;
     * null without the switch and the section.
     */
    static double[] ecosystemShares(Scenario s, OptionKind[] kind, int[] lab) {
        ThirdPartyFineTunesSpec t = s.thirdPartyFineTunes();
        if (t == null || !s.mechanisms().isOn(MechanismSwitch.THIRD_PARTY_FINE_TUNES)) return null;
        double[] share = new double[kind.length];
        share[0] = 1;
        for (int o = 1; o < kind.length; o++) {
            boolean thirdParty = kind[o] == OptionKind.HOSTED || kind[o] == OptionKind.SELFHOST;
            share[o] = thirdParty ? 1 : t.ownShare(s.labs().get(lab[o]).id());
        }
        return share;
    }
}
