package owsim.serving;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Time on the wire, per collective, for one pass of a pipeline stage, each matched to what the
 * layout does:
 * <ul>
 * <li>inside a tensor group, all-reduces of the BF16 activations (a ring moves 2 (t-1)/t of them
 *     per device) over NVLink: after attention, and after the MLP when the MLP is tensor-parallel too;</li>
 * <li>for routed experts spread over a stage wider than one tensor group (expert parallelism with
 *     data-parallel attention), a dispatch (tokens to their k experts, in FP8, or the expert format
 *     when narrower) and a combine (results back, BF16) per MoE layer, as DeepEP does: over NVLink
 *     inside one NVLink domain, else over the scale-out network (InfiniBand or RoCE); worked out in the
 *     decode step ({@link DecodeModel}), the only place it is paid;</li>
 * <li>between pipeline stages, one hand-off of the activations over the network.</li>
 * </ul>
 * Whether the all-to-all hides behind compute (two micro-batches) is the decode model's call.
 */
final class Communication {
    private Communication() {}

    /** Tensor-group all-reduces of one stage for {@code groupTokens} tokens in an attention group. */
    static double tensorSeconds(ModelSpec m, AcceleratorSpec hw, Parallelism p, double groupTokens, ServingDefaults d) {
        int tp = p.tensor();
        if (tp <= 1) return 0;
        double bytes = groupTokens * m.hiddenSize() * 2.0;
        double perCollective = d.collectiveLatencySeconds() + 2.0 * (tp - 1) / tp * bytes / (hw.interconnectGBps() * 1e9);
        // The MLP's all-reduce is replaced by the all-to-all when experts span data-parallel groups.
        int perLayer = m.isMoe() && p.dataParallel() > 1 ? 1 : 2;
        return perLayer * (m.layers() / (double) p.pipeline()) * perCollective;
    }

    /** One hand-off of {@code tokens} tokens' activations between consecutive pipeline stages. */
    static double pipelineSeconds(ModelSpec m, AcceleratorSpec hw, double tokens, ServingDefaults d) {
        return d.networkLatencySeconds() + tokens * m.hiddenSize() * 2.0 / (hw.networkGBps() * 1e9);
    }
}
