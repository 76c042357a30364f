package owsim.scenario;

import static owsim.io.Check.range;

/**
 * Consumers who use more than one assistant in a month (mechanism {@code multiHoming}): a share of
 * the segment's adopters also use a second lab's assistant, chosen by the same logit among the
 * other labs they know, and count among that lab's monthly users. docs/MODEL.md, "Multi-homing
 * users", gives the sources.
 *
 * @param share share of the segment's adopters who also use a second assistant in the month, 0 to 1
 * @param tokenShare tokens a user puts through its second assistant, as a share of what its first
 *     option's offer serves it, 0 to 1 (the second lab serves them at its cost and is paid nothing for them)
 * @param adImpressions whether the second assistant's use of a lab's free tier counts in that lab's ad
 *     revenue (mechanism {@code advertising}), as {@code tokenShare} of a free-tier user-month; absent: false
 * @param placed mechanism {@code placedAssistants}: per lab id, the share (0 to 1) of the segment's people who know the
 *     lab and do not use its assistant as their first or second one, but use it incidentally in the month because it is
 *     placed in apps they use (a search bar, a phone's assistant button); absent or empty: none. A lab id the scenario
 *     does not have is ignored (a scenario with fewer labs keeps the block)
 * @param placedTokenShare tokens an incidental user puts through a placed assistant, as a share of what the lab's free
 *     tier serves a user of its class, 0 to 1; its ads (with {@code adImpressions}) and its parent's value count that share
 *     of a user-month; absent: 0.1
 */
public record MultiHomingSpec(double share, double tokenShare, Boolean adImpressions, java.util.Map<String, Double> placed, Double placedTokenShare) {
    public MultiHomingSpec {
        range("share", share, 0, 1);
        range("tokenShare", tokenShare, 0, 1);
        if (adImpressions == null) adImpressions = Boolean.FALSE;
        placed = placed == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owsim.io.Check.nonNullValues("placed", placed)));
        for (java.util.Map.Entry<String, Double> e : placed.entrySet()) range("placed." + e.getKey(), e.getValue(), 0, 1);
        if (placedTokenShare == null) placedTokenShare = 0.1;
        range("placedTokenShare", placedTokenShare, 0, 1);
    }

    public MultiHomingSpec(double share, double tokenShare, Boolean adImpressions) {
        this(share, tokenShare, adImpressions, null, null);
    }

    public MultiHomingSpec(double share, double tokenShare) {
        this(share, tokenShare, false);
    }

    /** The placed share of a lab (0 when the lab is not listed). */
    public double placedShare(String labId) {
        Double v = placed.get(labId);
        return v == null ? 0 : v;
    }
}
