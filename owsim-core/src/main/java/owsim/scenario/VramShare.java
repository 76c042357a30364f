package owsim.scenario;

import static owsim.io.Check.fraction;
import static owsim.io.Check.range;

/** Share of a segment whose largest accelerator has this much memory (GB). */
public record VramShare(double vramGB, double share) {
    public VramShare {
        range("vramGB", vramGB, 0, 1e5);
        fraction("share", share);
    }
}
