package owsim.serving;

import owsim.catalog.AttentionKind;
import owsim.catalog.AttentionSpec;
import owsim.catalog.FfnSpec;
import owsim.catalog.ModelSpec;

/**
 * Parameters of a model split by the parts that the serving engine treats differently: the
 * embedding table (looked up, never multiplied), the unembedding, attention, dense MLPs, shared
 * experts and routed experts. Gated MLPs (3 matrices); norms and biases included.
 */
final class ModelShape {
    final double embedding;
    final double unembedding;
    final double attentionPerLayer;
    final double denseMlpPerLayer;
    final double expertParams;
    final double routerPerLayer;
    final int denseLayers;
    final int moeLayers;
    final int experts;
    final int activeExperts;
    final int sharedExperts;
    final double normParams;

    ModelShape(ModelSpec m) {
        double h = m.hiddenSize();
        AttentionSpec a = m.attention();
        FfnSpec f = m.ffn();
        embedding = (double) m.vocabSize() * h;
        unembedding = m.tiedEmbeddings() ? 0 : (double) m.vocabSize() * h;
        double qh = a.queryHeads();
        if (a.kind() == AttentionKind.MLA) {
            double qkHead = a.qkNopeHeadDim() + a.qkRopeHeadDim();
            double q = a.qLoraRank() > 0 ? h * a.qLoraRank() + a.qLoraRank() + a.qLoraRank() * qh * qkHead : h * qh * qkHead;
            double kv = h * (a.kvLoraRank() + a.qkRopeHeadDim()) + a.kvLoraRank()
                + a.kvLoraRank() * qh * (a.qkNopeHeadDim() + a.vHeadDim());
            double o = qh * a.vHeadDim() * h;
            attentionPerLayer = q + kv + o;
        } else {
            double hd = a.headDim();
            double qkv = h * (qh + 2.0 * a.kvHeads()) * hd + (a.qkvBias() ? (qh + 2.0 * a.kvHeads()) * hd : 0);
            attentionPerLayer = qkv + qh * hd * h;
        }
        if (f.isMoe()) {
            denseLayers = f.denseLayers();
            moeLayers = m.layers() - f.denseLayers();
            experts = f.experts();
            activeExperts = f.activeExperts();
            sharedExperts = f.sharedExperts();
            expertParams = 3.0 * h * f.moeIntermediate() + (f.expertBias() ? 2.0 * f.moeIntermediate() + h : 0);
            routerPerLayer = h * f.experts();
        } else {
            denseLayers = m.layers();
            moeLayers = 0;
            experts = 0;
            activeExperts = 0;
            sharedExperts = 0;
            expertParams = 0;
            routerPerLayer = 0;
        }
        denseMlpPerLayer = 3.0 * h * f.denseIntermediate();
        normParams = (2.0 * m.layers() + 1) * h;
    }

    /** Parameters outside the routed experts and the embeddings: attention, dense MLPs, shared experts, routers, norms. */
    double core() {
        return m() * attentionPerLayer + denseLayers * denseMlpPerLayer
            + moeLayers * (sharedExperts * expertParams + routerPerLayer) + normParams;
    }

    /** All routed-expert parameters. */
    double routedExperts() {
        return (double) moeLayers * experts * expertParams;
    }

    double total() {
        return embedding + unembedding + core() + routedExperts();
    }

    /** Parameters multiplied per token: everything but the embedding table and the unchosen experts. */
    double activeCompute() {
        return (unembedding > 0 ? unembedding : embedding) + core() + (double) moeLayers * activeExperts * expertParams;
    }

    private int m() {
        return denseLayers + moeLayers;
    }
}
