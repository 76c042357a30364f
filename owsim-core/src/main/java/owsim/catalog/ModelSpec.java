package owsim.catalog;

import static owsim.io.Check.nonNullElements;

import static owsim.io.Check.identifier;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

import java.util.List;

/**
 * The architecture of one open-weight model, as its config file gives it. Parameter counts are
 * derived from these fields (see {@link ParameterCount}), never typed in; {@link #published()}
 * holds the developer's own counts only to check the derivation.
 *
 * @param nativeWeights format of the released non-expert weights
 * @param nativeExpertWeights format of the released expert weights (gpt-oss: int4 = MXFP4); null means as {@code nativeWeights}
 * @param sources where each number came from (config file, model card)
 */
public record ModelSpec(
    String id,
    String name,
    String developer,
    String released,
    int layers,
    int hiddenSize,
    int vocabSize,
    boolean tiedEmbeddings,
    int contextTokens,
    WeightFormat nativeWeights,
    WeightFormat nativeExpertWeights,
    AttentionSpec attention,
    FfnSpec ffn,
    PublishedCounts published,
    List<String> sources,
    String notes) {

    public ModelSpec {
        identifier("id", id);
        if (name == null) name = id;
        range("layers", layers, 1, ArchitectureLimits.LAYERS);
        range("hiddenSize", hiddenSize, 1, ArchitectureLimits.WIDTH);
        range("vocabSize", vocabSize, 1, ArchitectureLimits.VOCAB);
        range("contextTokens", contextTokens, 1, ArchitectureLimits.CONTEXT);
        required("nativeWeights", nativeWeights);
        if (nativeExpertWeights == null) nativeExpertWeights = nativeWeights;
        required("attention", attention);
        required("ffn", ffn);
        sources = sources == null ? List.of() : nonNullElements("sources", sources);
        if (ffn.denseLayers() > layers) {
            throw new IllegalArgumentException("ffn: denseLayers (" + ffn.denseLayers() + ") exceeds layers (" + layers + ")");
        }
        if (attention.slidingWindowLayers() > layers) {
            throw new IllegalArgumentException("attention: slidingWindowLayers (" + attention.slidingWindowLayers() + ") exceeds layers (" + layers + ")");
        }
    }

    public boolean isMoe() { return ffn.isMoe(); }
}
