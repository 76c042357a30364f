package owsim.market;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A run's every series as one SHA-256: a test that pins it fails on any change of any value's
 * bits, so speed work on the kernel can show that it changed nothing but the speed. Series added
 * after the digests were pinned ({@link #ADDED}) are left out, so the pins still show that every
 * earlier series kept its bits.
 */
public final class RunDigest {
    private RunDigest() {}

    /**
     * Series that only read the state and were added after the pinned digests were made (claims a and b),
     * and the training budget's, API pricing's, wage bids', plan pricing's and release decisions' decisions, so a run whose every lab is on a schedule of its own rate
     * (or its list price, or its researcherUsdPerYear, or its plans' fees and caps, or its own release policy) shows that it is the run before the mechanism.
     */
    static final java.util.Set<String> ADDED = java.util.Set.of(owsim.market.MetricNames.SUBSCRIPTION_USD_PER_TOKEN,
        owsim.market.MetricNames.FRONTIER_ACTIVE_PARAMS, owsim.market.MetricNames.SPILLOVER_LN_A,
        owsim.market.MetricNames.TRAINING_BUDGET_USD, owsim.market.MetricNames.EXPECTED_REVENUE_USD,
        owsim.market.MetricNames.COMPUTE_GROWTH_PER_YEAR, owsim.market.MetricNames.API_USD_PER_MILLION_TOKENS,
        owsim.market.MetricNames.RESEARCHER_PAY_USD_PER_YEAR, owsim.market.MetricNames.SUBSCRIPTION_USD_PER_MONTH,
        owsim.market.MetricNames.SUBSCRIPTION_TOKEN_CAP, owsim.market.MetricNames.PRO_USD_PER_MONTH, owsim.market.MetricNames.PRO_TOKEN_CAP,
        owsim.market.MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS);

    public static String of(RunResult r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer bits = ByteBuffer.allocate(8);
            for (Series s : r.series()) {
                if (ADDED.contains(s.metric())) continue;
                md.update((s.entity() + "/" + s.metric() + "\n").getBytes(StandardCharsets.UTF_8));
                for (double v : s.values()) {
                    bits.clear();
                    bits.putLong(Double.doubleToRawLongBits(v));
                    md.update(bits.array());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
