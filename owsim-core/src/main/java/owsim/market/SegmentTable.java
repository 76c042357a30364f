package owsim.market;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.scenario.Scenario;

/**
 * The segments of a run as the monthly steps read them: each segment's consumer card and
 * data-centre hardware, its card at each size its classes own, and its population's monthly
 * growth. Filled once when the {@link World} is built and never written after; per-segment arrays
 * indexed by the segment's position in the scenario (already split into regions).
 */
final class SegmentTable {
    /** How many segments. */
    final int count;
    /** Per segment: the consumer card its users self-host on (null for a segment without one). */
    final AcceleratorSpec[] card;
    /** Per segment: the data-centre hardware its users rent to self-host (null for none). */
    final AcceleratorSpec[] datacenter;
    /** How many card sizes there are: {@code UserClasses.vramSizes.length}. */
    final int cardSizes;
    /**
     * Per segment and card size, [g * cardSizes + v]: the segment's card at size
     * {@code UserClasses.vramSizes[v]} (null for a segment without a card).
     */
    final AcceleratorSpec[] sizedCard;
    /** Per segment: its population's growth factor per month. */
    final double[] monthlyGrowth;

    /** The segments of a scenario (already split into regions), with the card sizes of its user classes. */
    SegmentTable(Scenario s, Catalog catalog, ServingPrices prices, double[] vramSizes) {
        count = s.segments().size();
        // Loops stay in methods of their own, as in World (see HostTable).
        card = World.lookUp(s.segments(), g -> g.cardHardware() == null ? null : catalog.accelerator(g.cardHardware()), new AcceleratorSpec[count]);
        datacenter = World.lookUp(s.segments(), g -> g.datacenterHardware() == null ? null : catalog.accelerator(g.datacenterHardware()),
            new AcceleratorSpec[count]);
        cardSizes = vramSizes.length;
        sizedCard = sizedCards(card, prices, vramSizes);
        monthlyGrowth = World.each(s.segments(), g -> Math.pow(g.populationGrowthPerYear(), 1.0 / 12));
    }

    private static AcceleratorSpec[] sizedCards(AcceleratorSpec[] card, ServingPrices prices, double[] vramSizes) {
        AcceleratorSpec[] cards = new AcceleratorSpec[card.length * vramSizes.length];
        for (int g = 0; g < card.length; g++) {
            if (card[g] == null) continue;
            for (int v = 0; v < vramSizes.length; v++) cards[g * vramSizes.length + v] = prices.sizedCard(card[g], vramSizes[v]);
        }
        return cards;
    }
}
