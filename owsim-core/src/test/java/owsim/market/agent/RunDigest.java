package owsim.market.agent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * A run's every series as one SHA-256: a test that pins it fails on any change of any value's
 * bits, so speed work on the kernel can show that it changed nothing but the speed.
 */
final class RunDigest {
    private RunDigest() {}

    static String of(RunResult r) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer bits = ByteBuffer.allocate(8);
            for (Series s : r.series()) {
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
