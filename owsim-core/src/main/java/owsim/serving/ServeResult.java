package owsim.serving;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the serving engine says about one {@link ServeRequest}. Rates are steady-state; costs are
 * USD per million tokens. Rented costs are null for hardware that cannot be rented. When the
 * deployment does not fit, throughput and cost fields are 0 or null and {@code missingGiB},
 * {@code gpusToFit} and {@code note} say why.
 *
 * @param weights format of the weights; {@code expertWeights} that of the routed experts (empty for a dense model)
 * @param weightsGiB weights of the whole model in the requested formats, GiB
 * @param kvBytesPerToken KV cache per token summed over all layers (as if no sliding window)
 * @param kvBytesPerSequence KV cache of one sequence at the context length (sliding windows applied)
 * @param maxConcurrentSequences sequences whose KV cache fits beside the weights
 * @param batch the batch evaluated
 * @param decodeTokensPerSecondPerGpu decode steps only: batch / step time / gpus
 * @param decodeTokensPerSecondPerUser 1 / tpot
 * @param outputTokensPerSecondPerGpu offline throughput including the prefill of each request's prompt
 * @param tpotMs time between two tokens of one user in steady-state continuous batching: the decode
 *     step plus the prefill of the prompts that arrive meanwhile (batch / outputTokens per step)
 * @param bound what limits a decode step: memory, compute
 * @param missingGiB memory missing per device for one sequence at the requested gpus (0 when it fits)
 * @param gpusToFit the fewest accelerators of this kind that would fit; null when none would
 * @param meetsUserTarget false when even batch 1 is slower than minUserTokensPerSecond
 * @param serving aggregated (one deployment prefills and decodes) or disaggregated (separate pools; then gpus is
 *     both pools, parallelism, batch, memory and the per-user speed are the decode pool's, prefill tokens/s are per
 *     prefill GPU, decode tokens/s per decode GPU, output tokens/s per GPU of both pools, and TTFT includes the KV
 *     transfer)
 * @param disaggregation the pools, their balance and the KV transfer; null when aggregated
 */
public record ServeResult(
    String model,
    String hardware,
    int gpus,
    String weights,
    String expertWeights,
    String kv,
    double weightsGiB,
    long kvBytesPerToken,
    long kvBytesPerSequence,
    boolean fits,
    long maxConcurrentSequences,
    int batch,
    double prefillTokensPerSecondPerGpu,
    double decodeTokensPerSecondPerGpu,
    double decodeTokensPerSecondPerUser,
    double outputTokensPerSecondPerGpu,
    double ttftMs,
    double tpotMs,
    Double usdPerMillionInputTokens,
    Double usdPerMillionOutputTokens,
    double ownedUsdPerMillionInputTokens,
    double ownedUsdPerMillionOutputTokens,
    MemoryBreakdown memory,
    Parallelism parallelism,
    String bound,
    boolean meetsUserTarget,
    double missingGiB,
    Integer gpusToFit,
    String note,
    String serving,
    // Left out of JSON when aggregated: a null there would read as a number that is not finite.
    @JsonInclude(JsonInclude.Include.NON_NULL) DisaggregatedServing disaggregation) {}
