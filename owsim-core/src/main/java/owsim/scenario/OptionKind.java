package owsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Ways a user can get a model's tokens. */
public enum OptionKind {
    /** A lab's paid flat-fee plan. */
    SUBSCRIPTION,
    /** A lab's free tier. */
    FREE,
    /** A lab's pay-per-token API. */
    API,
    /** A third-party host serving an open model. */
    HOSTED,
    /** Running an open model on one's own hardware. */
    SELFHOST;

    /** How many kinds there are: the stride of the per-lab, per-kind user tables. */
    public static final int COUNT = values().length;

    @JsonValue @Override public String toString() { return name().toLowerCase(); }

    @JsonCreator
    public static OptionKind parse(String s) {
        for (OptionKind k : values()) if (k.name().equalsIgnoreCase(s)) return k;
        throw new IllegalArgumentException("'" + s + "' is not an option; allowed: subscription, free, api, hosted, selfhost");
    }
}
