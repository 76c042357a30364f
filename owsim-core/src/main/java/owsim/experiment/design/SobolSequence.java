package owsim.experiment.design;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The Sobol low-discrepancy sequence (Sobol 1967) in up to {@link #MAX_DIMENSIONS} dimensions,
 * with the direction numbers of Joe and Kuo (2008, new-joe-kuo-6.21201), bundled as
 * {@code owsim/experiment/sobol-joe-kuo-6.1000.txt}. 32-bit resolution, so up to 2^32 - 1
 * points. Points are produced in Gray-code order (Antonov and Saleev 1979), which gives the
 * same first 2^m points as the natural order; point 0 is the origin. Immutable and thread-safe:
 * {@link #points} and {@link #point} compute from the index alone.
 */
final class SobolSequence {
    public static final int MAX_DIMENSIONS = 1000;
    private static final int BITS = 32;
    private static final String RESOURCE = "/owsim/experiment/sobol-joe-kuo-6.1000.txt";

    private final int dimensions;
    /** direction[d][b]: direction number for bit b (0 = most significant) of dimension d, as 32-bit ints. */
    private final int[][] direction;

    public SobolSequence(int dimensions) {
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("Sobol dimensions must be between 1 and " + MAX_DIMENSIONS
                + ", was " + dimensions);
        }
        this.dimensions = dimensions;
        this.direction = new int[dimensions][BITS];
        for (int b = 0; b < BITS; b++) direction[0][b] = 1 << (BITS - 1 - b);  // m_i = 1: van der Corput
        if (dimensions > 1) readDirections();
    }

    public int dimensions() { return dimensions; }

    /** Point {@code index} (0-based), coordinates in [0, 1). */
    public double[] point(long index) {
        if (index < 0 || index >= (1L << BITS)) throw new IllegalArgumentException("index out of range: " + index);
        long gray = index ^ (index >>> 1);
        double[] x = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            int v = 0;
            for (int b = 0; b < BITS && (gray >>> b) != 0; b++) {
                if (((gray >>> b) & 1) != 0) v ^= direction[d][b];
            }
            x[d] = Integer.toUnsignedLong(v) * 0x1.0p-32;
        }
        return x;
    }

    /**
     * Points {@code start .. start+count-1}, row-major ({@code count * dimensions} values). After
     * the first, each point is the previous one with one direction number XORed in.
     */
    public double[] points(long start, int count) {
        if (count < 0 || start < 0 || start + count > (1L << BITS)) {
            throw new IllegalArgumentException("points " + start + " + " + count + " out of range");
        }
        double[] out = new double[count * dimensions];
        if (count == 0) return out;
        int[] state = new int[dimensions];
        long gray = start ^ (start >>> 1);
        for (int d = 0; d < dimensions; d++) {
            for (int b = 0; b < BITS; b++) if (((gray >>> b) & 1) != 0) state[d] ^= direction[d][b];
        }
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                // going from n-1 to n flips the Gray-code bit at the lowest zero bit of n-1
                int c = Long.numberOfTrailingZeros(~(start + i - 1));
                for (int d = 0; d < dimensions; d++) state[d] ^= direction[d][c];
            }
            for (int d = 0; d < dimensions; d++) out[i * dimensions + d] = Integer.toUnsignedLong(state[d]) * 0x1.0p-32;
        }
        return out;
    }

    private void readDirections() {
        try (InputStream in = SobolSequence.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + RESOURCE);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            int d = 1;
            boolean header = true;
            while (d < dimensions && (line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                if (header) { header = false; continue; }  // "d s a m_i"
                String[] f = line.trim().split("\\s+");
                int dim = Integer.parseInt(f[0]);
                if (dim != d + 1) throw new IllegalStateException(RESOURCE + ": expected dimension " + (d + 1) + ", found " + dim);
                int s = Integer.parseInt(f[1]);
                int a = Integer.parseInt(f[2]);
                if (f.length != 3 + s) throw new IllegalStateException(RESOURCE + ": dimension " + dim + " needs " + s + " numbers");
                fill(direction[d], s, a, f);
                d++;
            }
            if (d < dimensions) throw new IllegalStateException(RESOURCE + " ends at dimension " + d);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    /** Joe and Kuo's recurrence: v_i = v_{i-s} ^ (v_{i-s} >> s) ^ sum_k a_k v_{i-k}. */
    private static void fill(int[] v, int s, int a, String[] f) {
        for (int i = 0; i < Math.min(s, BITS); i++) {
            int m = Integer.parseInt(f[3 + i]);
            v[i] = m << (BITS - 1 - i);
        }
        for (int i = s; i < BITS; i++) {
            int x = v[i - s] ^ (v[i - s] >>> s);
            for (int k = 1; k < s; k++) {
                if (((a >>> (s - 1 - k)) & 1) != 0) x ^= v[i - k];
            }
            v[i] = x;
        }
    }
}
