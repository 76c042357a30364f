package owsim.serving;

import java.util.ArrayList;
import java.util.List;
import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.AttentionKind;
import owsim.catalog.AttentionSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Places a model on accelerators of one kind, in every layout the model and the hardware allow:
 * a tensor degree that divides the query heads (and divides or is divided by the KV heads) and
 * stays inside one NVLink domain (a node of 8, or a rack of 72); for a MoE model, data-parallel
 * attention groups with the routed experts spread over every device of a pipeline stage (expert
 * parallelism, across nodes over the scale-out network when the stage is wider than a node);
 * pipeline stages across nodes. A dense model runs one attention group per stage (replicas of a
 * dense model are separate deployments). A device without a fabric (interconnect 0) runs alone;
 * only data-centre accelerators with a network scale beyond one node.
 */
final class Planner {
    /** Largest deployment the planner considers: 512 nodes of 8 is far beyond any open model. */
    static final int MAX_GPUS = 4096;

    private final ServingDefaults defaults;

    Planner(ServingDefaults defaults) { this.defaults = defaults; }

    /** Devices that share the fast fabric: a node (8), an NVL72 rack (72); 1 without a fabric. */
    static int perNode(AcceleratorSpec hw) {
        return hw.interconnectGBps() > 0 ? hw.devicesPerNode() : 1;
    }

    /** Most devices this hardware can be scaled to. */
    static int maxGpus(AcceleratorSpec hw) {
        int node = perNode(hw);
        if (hw.kind() != AcceleratorKind.DATACENTER || hw.networkGBps() <= 0) return node;
        return MAX_GPUS;
    }

    /**
     * Why a layout is impossible for this model on this hardware, or null when it is possible. Redundant
     * expert copies fill the slots when the expert degree does not divide the experts, up to a quarter of
     * the experts (DeepSeek's decode runs 32 redundant copies over 256 experts, Kimi K2's SGLang deployment
     * 96 over 384).
     */
    static String invalid(ModelSpec m, AcceleratorSpec hw, Parallelism p) {
        AttentionSpec a = m.attention();
        int tp = p.tensor();
        int node = perNode(hw);
        if (tp > node) return "tp" + tp + " is wider than one NVLink domain of " + hw.id() + " (" + node + ")";
        if (node % tp != 0) return "tp" + tp + " does not divide the " + node + " devices of a " + hw.id() + " node";
        if (a.queryHeads() % tp != 0) return "tp" + tp + " does not divide the " + a.queryHeads() + " query heads of " + m.id();
        if (a.kind() != AttentionKind.MLA && a.kvHeads() % tp != 0 && tp % a.kvHeads() != 0) {
            return "tp" + tp + " neither divides nor is a multiple of the " + a.kvHeads() + " KV heads of " + m.id();
        }
        if (p.pipeline() > m.layers()) return "pp" + p.pipeline() + " has more stages than " + m.id() + " has layers (" + m.layers() + ")";
        if (!m.isMoe()) {
            if (p.dataParallel() > 1) return "dp" + p.dataParallel() + ": " + m.id() + " is dense; its replicas are separate deployments";
        } else {
            int ep = tp * p.dataParallel();
            int experts = m.ffn().experts();
            long redundant = (long) slots(experts, ep) * ep - experts;
            if (redundant * 4 > experts) {
                return "ep" + ep + " leaves " + redundant + " of its expert slots to redundant copies of " + experts
                    + " experts (at most a quarter of the experts)";
            }
        }
        if (p.gpus() > maxGpus(hw)) {
            return p.gpus() + " x " + hw.id() + " span several nodes, but " + hw.id() + " cannot scale beyond " + maxGpus(hw);
        }
        return null;
    }

    static int slots(int experts, int ep) {
        return (experts + ep - 1) / ep;
    }

    /** The model in layout {@code p} (checked with {@link #invalid} first). */
    Deployment place(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, double contextTokens, Parallelism p) {
        int tp = p.tensor();
        int pp = p.pipeline();
        int dp = p.dataParallel();
        int g = p.gpus();
        int ep = m.isMoe() ? tp * dp : 1;
        int slots = m.isMoe() ? slots(s.experts, ep) : 0;
        Parallelism placed = new Parallelism(tp, pp, ep, (g + perNode(hw) - 1) / perNode(hw), dp);
        double usable = hw.memoryBytes() * defaults.memoryUtilization();
        double perDevice = (WeightMemory.embeddingBytes(s) + s.core() * w.bytesPerWeight()) / (tp * (double) pp)
            + slots * (s.moeLayers / (double) pp) * WeightMemory.expertBytes(s, m, w);
        double kvPerSeq = KvCache.bytesPerSequence(m, kv, contextTokens) * KvCache.replication(m, tp) / (tp * (double) pp);
        double capacity = usable - perDevice;
        long perRank = capacity <= 0 ? 0 : (long) Math.floor(capacity / kvPerSeq);
        return new Deployment(g, placed, usable, WeightMemory.totalBytes(s, m, w), perDevice, slots, kvPerSeq, perRank * dp);
    }

    /** Every possible layout on exactly {@code gpus} devices, placed. */
    List<Deployment> layouts(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, double contextTokens, int gpus) {
        return layouts(m, s, hw, w, kv, contextTokens, gpus, gpus);
    }

    /** The possible layouts on exactly {@code gpus} devices with at most {@code maxStages} pipeline stages, placed. */
    List<Deployment> layouts(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, double contextTokens,
                             int gpus, int maxStages) {
        List<Deployment> out = new ArrayList<>();
        for (int tp = 1; tp <= gpus && tp <= perNode(hw); tp++) {
            if (gpus % tp != 0) continue;
            int rest = gpus / tp;
            for (int pp = 1; pp <= rest && pp <= maxStages && pp <= m.layers(); pp++) {
                if (rest % pp != 0) continue;
                Parallelism p = new Parallelism(tp, pp, 0, 0, rest / pp);
                if (invalid(m, hw, p) == null) out.add(place(m, s, hw, w, kv, contextTokens, p));
            }
        }
        return out;
    }

    /** The layout on {@code gpus} devices that holds the most sequences; null when there is no possible layout. */
    Deployment roomiest(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, double contextTokens, int gpus) {
        Deployment best = null;
        for (Deployment d : layouts(m, s, hw, w, kv, contextTokens, gpus)) {
            if (best == null || d.maxSequences() > best.maxSequences()
                || d.maxSequences() == best.maxSequences() && d.weightBytesPerDevice() < best.weightBytesPerDevice()) {
                best = d;
            }
        }
        return best;
    }

    /** The fewest devices (a power of two, or a whole NVLink domain, within reach) with a layout that holds weights and {@code sequences}; null if none. */
    Deployment fewest(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv, double contextTokens, int sequences) {
        for (int g : sizes(hw, 1, maxGpus(hw))) {
            Deployment d = roomiest(m, s, hw, w, kv, contextTokens, g);
            if (d != null && d.fits(sequences)) return d;
        }
        return null;
    }

    /** Deployment sizes tried, ascending: powers of two, and whole NVLink domains when a domain is not one (72), from {@code from} to {@code to}. */
    static List<Integer> sizes(AcceleratorSpec hw, int from, int to) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (long g = 1; g <= to; g *= 2) if (g >= from) out.add((int) g);
        int node = perNode(hw);
        if (Integer.bitCount(node) != 1) {
            for (long g = node; g <= to; g *= 2) if (g >= from) out.add((int) g);
        }
        if (to >= from && to < MAX_GPUS) out.add(to);
        return new ArrayList<>(out);
    }
}
