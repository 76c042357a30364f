package owsim.serving;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;

/**
 * Time on the wire for one forward pass of {@code tokens} tokens: two collectives per layer
 * inside the tensor/expert-parallel group (after attention and after the MLP; a ring moves
 * 2 (t-1)/t of the BF16 activations per device), and one hand-off of the activations between
 * consecutive pipeline stages over the network. Not overlapped with compute.
 */
final class Communication {
    private Communication() {}

    static double seconds(ModelSpec m, AcceleratorSpec hw, Parallelism p, double tokens, ServingDefaults d) {
        double activationBytes = tokens * m.hiddenSize() * 2.0;
        double t = 0;
        int tp = p.tensor();
        if (tp > 1) {
            double perCollective = d.collectiveLatencySeconds()
                + 2.0 * (tp - 1) / tp * activationBytes / (hw.interconnectGBps() * 1e9);
            t += 2.0 * m.layers() * perCollective;
        }
        if (p.pipeline() > 1) {
            t += (p.pipeline() - 1) * (d.networkLatencySeconds() + activationBytes / (hw.networkGBps() * 1e9));
        }
        return t;
    }
}
