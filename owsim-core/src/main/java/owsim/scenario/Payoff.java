package owsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a lab's payoff over a run is measured. */
public enum Payoff {
    /** Discounted monthly profit plus a discounted terminal value. */
    DISCOUNTED_PROFIT_PLUS_TERMINAL("discounted-profit-plus-terminal"),
    /** Discounted monthly profit only. */
    DISCOUNTED_PROFIT("discounted-profit"),
    /** Cash at the end of the run. */
    END_CASH("end-cash"),
    /** Discounted terminal value only: last 12 months' profit times run.terminalValueYears, discounted. */
    TERMINAL("terminal"),
    /** The lab's share of all tokens served over the run (0..1): a lab that plays for the market, not for profit. */
    TOKEN_SHARE("token-share"),
    /** Number of labs whose end capability is strictly below the lab's (0 = behind all, labs - 1 = the frontier). */
    CAPABILITY_RANK("capability-rank"),
    /** A weighted sum of the other measures, weights in run.payoffWeights (USD per unit of each measure). */
    WEIGHTED("weighted");

    private final String text;

    Payoff(String text) { this.text = text; }

    @JsonValue @Override public String toString() { return text; }

    @JsonCreator
    public static Payoff parse(String s) {
        for (Payoff p : values()) if (p.text.equalsIgnoreCase(s) || p.name().equalsIgnoreCase(s)) return p;
        throw new IllegalArgumentException("payoff: '" + s + "' is not allowed; allowed: discounted-profit-plus-terminal, discounted-profit, end-cash, terminal, token-share, capability-rank, weighted");
    }
}
