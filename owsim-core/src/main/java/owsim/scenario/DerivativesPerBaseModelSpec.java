package owsim.scenario;

import static owsim.io.Check.range;
import static owsim.io.Check.required;

/**
 * Derivatives kept per base model (mechanism {@code derivativesPerBaseModel}): a lab's fine-tunes,
 * quantisations and tools are made of one of its open releases, so each open release (a release
 * family: the frontier model and its distilled variants of one month, open when any of them is)
 * keeps its own stock. A month's new derivatives go to the lab's newest open base, a share of them
 * to its previous ones in proportion to how relevant each still is; a base's derivatives count for
 * users, and for the lab's research, with a weight that halves for every
 * {@code relevanceHalvingDecades} decades of effective compute its capability is behind the lab's
 * most capable open base. Read only when the switch is on; left out, a lab keeps one stock, as
 * before.
 *
 * @param newestBaseShare the share of a month's new derivatives of a lab made of its newest open
 *     base (0..1; the rest go to its previous bases still kept, in proportion to their weights;
 *     a lab with one open base gets all of them on it)
 * @param relevanceHalvingDecades d: decades of effective compute (log10 FLOP) behind the lab's most
 *     capable open base at which a base's derivatives count half (0.01..100)
 * @param baseModelSlots how many of a lab's newest open bases keep a stock (1..16; a base pushed out
 *     by a newer one loses its stock); left out, 4
 */
public record DerivativesPerBaseModelSpec(double newestBaseShare, double relevanceHalvingDecades, Integer baseModelSlots) {
    /** Bases kept per lab when {@code baseModelSlots} is left out. */
    public static final int DEFAULT_SLOTS = 4;

    public DerivativesPerBaseModelSpec {
        range("newestBaseShare", newestBaseShare, 0, 1);
        range("relevanceHalvingDecades", relevanceHalvingDecades, 0.01, 100);
        if (baseModelSlots == null) baseModelSlots = DEFAULT_SLOTS;
        range("baseModelSlots", required("baseModelSlots", baseModelSlots).intValue(), 1, 16);
    }

    /** The weight of a base's derivatives whose capability is {@code gapDecades} behind the lab's most capable open base: 2^(-gap/d). */
    public double weight(double gapDecades) {
        return Math.pow(0.5, gapDecades / relevanceHalvingDecades);
    }
}
