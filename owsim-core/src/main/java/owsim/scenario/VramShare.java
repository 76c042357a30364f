package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.nonNegative;

/** Share of a segment whose largest accelerator has this much memory (GB). */
public record VramShare(double vramGB, double share) {
    public VramShare {
        nonNegative("vramGB", vramGB);
        fraction("share", share);
    }
}
