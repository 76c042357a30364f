package owsim.serving;

import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Places a model on accelerators of one kind. Tensor (and, for MoE, expert) parallelism spans
 * the devices of one node; pipeline stages span nodes. Planned sizes are powers of two, because
 * tensor and expert parallel degrees must divide head and expert counts (engines use 1, 2, 4, 8,
 * 16... devices). A device without a fabric (interconnect 0) runs alone. Only data-centre
 * accelerators scale beyond one node: consumer cards, a Mac or a CPU server have at best
 * Ethernet or Thunderbolt between boxes (hobbyist multi-box setups such as llama.cpp RPC exist, but
 * are not deployments this engine plans).
 */
final class Planner {
    /** Largest deployment the planner considers: 512 nodes of 8 is far beyond any open model. */
    static final int MAX_GPUS = 4096;

    private final ServingDefaults defaults;

    Planner(ServingDefaults defaults) { this.defaults = defaults; }

    /** Most devices this hardware can be scaled to. */
    static int maxGpus(AcceleratorSpec hw) {
        int node = hw.interconnectGBps() > 0 ? hw.devicesPerNode() : 1;
        if (hw.kind() != AcceleratorKind.DATACENTER || hw.networkGBps() <= 0) return node;
        return MAX_GPUS;
    }

    Deployment place(ModelSpec m, ModelShape shape, AcceleratorSpec hw, WeightFormat w, KvFormat kv,
                     double contextTokens, int gpus) {
        int perNode = hw.interconnectGBps() > 0 ? hw.devicesPerNode() : 1;
        int tp = Math.min(gpus, perNode);
        int nodes = (gpus + tp - 1) / tp;
        Parallelism par = new Parallelism(tp, nodes, m.isMoe() ? tp : 1, nodes);
        double usable = hw.memoryBytes() * defaults.memoryUtilization();
        double weights = WeightMemory.totalBytes(shape, m, w);
        double perSeq = KvCache.bytesPerSequence(m, kv, contextTokens) * KvCache.replication(m, tp);
        double capacity = gpus * usable - weights;
        // Every device must also hold its own share of the weights; even sharding is assumed.
        long max = capacity <= 0 ? 0 : (long) Math.floor(capacity / perSeq);
        return new Deployment(gpus, par, usable, weights, perSeq, max);
    }

    /** The fewest devices (a power of two, within the hardware's reach) that hold weights and {@code sequences}; null if none. */
    Deployment fewest(ModelSpec m, ModelShape shape, AcceleratorSpec hw, WeightFormat w, KvFormat kv,
                      double contextTokens, int sequences) {
        int cap = maxGpus(hw);
        for (int g = 1; g <= cap; g *= 2) {
            Deployment d = place(m, shape, hw, w, kv, contextTokens, g);
            if (d.fits(sequences)) return d;
        }
        if (Integer.bitCount(cap) != 1) {
            Deployment d = place(m, shape, hw, w, kv, contextTokens, cap);
            if (d.fits(sequences)) return d;
        }
        return null;
    }
}
