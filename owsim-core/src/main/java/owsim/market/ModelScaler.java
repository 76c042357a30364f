package owsim.market;

import owsim.catalog.AttentionKind;
import owsim.catalog.AttentionSpec;
import owsim.catalog.FfnSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.ParameterCount;
import owsim.catalog.PublishedCounts;

/**
 * Turns a catalog template into a real architecture of a given active size, so the serving engine
 * prices every release exactly as it prices a catalog model. Keeps the template's attention kind,
 * KV heads, head sizes, expert count and routing; scales width (hidden, heads, FFN sizes) and depth
 * together, params per layer ~ width^2, so each gets a third of the log-scale (assumption:
 * real families grow both, e.g. Llama-3.1 8B -> 405B: 32 -> 126 layers, 4096 -> 16384 hidden).
 */
final class ModelScaler {
    private ModelScaler() {}

    /** The template scaled so that its active parameters are close to {@code activeParams}. */
    static ModelSpec scale(ModelSpec t, double activeParams, String id) {
        double lo = 1e-4;
        double hi = 1e4;
        ModelSpec best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 60 && hi / lo > 1.0001; i++) {
            double mid = Math.sqrt(lo * hi);
            ModelSpec m = build(t, mid, id);
            double active = ParameterCount.of(m).active();
            double error = Math.abs(Math.log(active / activeParams));
            // Rounding makes size a step function of the scale: keep the closest candidate seen.
            if (error < bestError) {
                best = m;
                bestError = error;
            }
            if (active < activeParams) lo = mid; else hi = mid;
        }
        return best;
    }

    private static ModelSpec build(ModelSpec t, double s, String id) {
        double w = Math.cbrt(s);
        double d = Math.cbrt(s);
        AttentionSpec a = t.attention();
        FfnSpec f = t.ffn();
        int layers = Math.max(Math.max(2, f.denseLayers() + (f.isMoe() ? 1 : 0)), (int) Math.round(t.layers() * d));
        int hidden = round(t.hiddenSize() * w, 32);
        int q;
        int kv = a.kvHeads();
        if (a.kind() == AttentionKind.MLA) {
            q = Math.max(1, (int) Math.round(a.queryHeads() * w));
        } else if (a.kind() == AttentionKind.MHA) {
            q = Math.max(1, (int) Math.round(a.queryHeads() * w));
            kv = q;
        } else {
            q = Math.max(kv, kv * (int) Math.round(a.queryHeads() * w / kv));
        }
        int sliding = a.slidingWindowLayers() == 0 ? 0 : Math.min(layers, (int) Math.round(a.slidingWindowLayers() * (double) layers / t.layers()));
        AttentionSpec na = new AttentionSpec(a.kind(), q, kv, a.headDim(), a.qLoraRank(), a.kvLoraRank(), a.qkNopeHeadDim(),
            a.qkRopeHeadDim(), a.vHeadDim(), a.slidingWindowTokens(), sliding, a.qkvBias());
        FfnSpec nf = new FfnSpec(f.denseIntermediate() == 0 ? 0 : round(f.denseIntermediate() * w, 32), f.denseLayers(),
            f.moeIntermediate() == 0 ? 0 : round(f.moeIntermediate() * w, 32), f.experts(), f.activeExperts(), f.sharedExperts(), f.expertBias());
        return new ModelSpec(id, id, "simulated", null, layers, hidden, t.vocabSize(), t.tiedEmbeddings(), t.contextTokens(),
            t.nativeWeights(), t.nativeExpertWeights(), na, nf, (PublishedCounts) null, java.util.List.of("scaled from " + t.id()), null);
    }

    private static int round(double x, int multiple) {
        return Math.max(multiple, (int) Math.round(x / multiple) * multiple);
    }
}
