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
 */
public record MultiHomingSpec(double share, double tokenShare, Boolean adImpressions) {
    public MultiHomingSpec {
        range("share", share, 0, 1);
        range("tokenShare", tokenShare, 0, 1);
        if (adImpressions == null) adImpressions = Boolean.FALSE;
    }

    public MultiHomingSpec(double share, double tokenShare) {
        this(share, tokenShare, false);
    }
}
