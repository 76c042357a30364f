package owsim.serving;

import static owsim.io.Check.fraction;
import static owsim.io.Check.nonNegative;
import static owsim.io.Check.positive;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * One question to the serving engine: this model, on this hardware, with this traffic shape.
 *
 * @param gpus accelerators in the deployment; 0 lets the planner pick the fewest that fit
 * @param weights storage format of the weights (experts keep the model's native format when it is smaller)
 * @param kv storage format of the KV cache
 * @param promptTokens input tokens per request
 * @param outputTokens generated tokens per request
 * @param cacheHitShare share of prompt tokens served from a prefix cache (0..1); they cost no prefill compute
 * @param kvLenTokens context held per sequence; 0 means promptTokens + outputTokens
 * @param batch concurrent sequences; 0 means the max-throughput point (largest batch that fits)
 * @param minUserTokensPerSecond 0 for none; else the largest batch whose per-user decode speed meets it
 * @param utilization average busy share of the deployment, used only for cost (0..1]
 * @param layout a forced parallel layout ({@link Parallelism#parse}: tp8, tp8pp2, ep72dp72); null lets the planner search
 * @param mtpAcceptance 0 for plain decoding; else each step also verifies one draft token from the model's
 *     multi-token-prediction head, accepted with this probability (DeepSeek-V3: 0.85 to 0.9)
 * @param serving aggregated, disaggregated (prefill and decode pools), or auto: the cheaper for the request mix
 *     (disaggregation is considered only when the engine sizes the deployment: no gpus and no batch given)
 * @param maxTtftMs 0 for none; else the time to first token a disaggregated prefill pool must meet for one prompt
 *     (its prefill plus the KV transfer to the decode pool), which sets the prefill instance's size
 */
public record ServeRequest(
    ModelSpec model,
    AcceleratorSpec hardware,
    int gpus,
    WeightFormat weights,
    KvFormat kv,
    int promptTokens,
    int outputTokens,
    double cacheHitShare,
    int kvLenTokens,
    int batch,
    double minUserTokensPerSecond,
    double utilization,
    String layout,
    double mtpAcceptance,
    ServingMode serving,
    double maxTtftMs) {

    /** Assumption: a serving fleet is busy about 60% of the time on average (diurnal load, headroom for peaks). */
    public static final double DEFAULT_UTILIZATION = 0.6;

    public ServeRequest {
        required("model", model);
        required("hardware", hardware);
        nonNegative("gpus", gpus);
        if (gpus > 65536) throw new IllegalArgumentException("gpus: must be at most 65536, was " + gpus);
        if (weights == null) weights = model.nativeWeights();
        if (kv == null) kv = KvFormat.BF16;
        positive("promptTokens", promptTokens);
        positive("outputTokens", outputTokens);
        fraction("cacheHitShare", cacheHitShare);
        nonNegative("kvLenTokens", kvLenTokens);
        nonNegative("batch", batch);
        if (batch > 1_000_000) throw new IllegalArgumentException("batch: must be at most 1000000, was " + batch);
        nonNegative("minUserTokensPerSecond", minUserTokensPerSecond);
        range("minUserTokensPerSecond", minUserTokensPerSecond, 0, 1e6);
        if (batch > 0 && minUserTokensPerSecond > 0) {
            throw new IllegalArgumentException("batch: give either batch or minUserTokensPerSecond, not both");
        }
        positive("utilization", utilization);
        fraction("utilization", utilization);
        if (serving == null) serving = ServingMode.AUTO;
        if (layout != null) {
            String[] pools = DisaggregatedLayout.split(layout);
            if (pools != null) {
                Parallelism.parse(pools[0]);
                Parallelism.parse(pools[1]);
                if (serving == ServingMode.AGGREGATED) {
                    throw new IllegalArgumentException("layout: " + layout + " gives a prefill and a decode pool, but serving is aggregated");
                }
                if (gpus > 0) throw new IllegalArgumentException("layout: " + layout + " sizes two pools; give no gpus with it");
            } else {
                Parallelism p = Parallelism.parse(layout);
                if (gpus > 0 && p.gpus() != gpus) {
                    throw new IllegalArgumentException("layout: " + layout + " is " + p.gpus() + " accelerators, but gpus is " + gpus);
                }
            }
        }
        fraction("mtpAcceptance", mtpAcceptance);
        nonNegative("maxTtftMs", maxTtftMs);
        range("maxTtftMs", maxTtftMs, 0, 1e9);
        if (serving == ServingMode.DISAGGREGATED && gpus > 0) {
            throw new IllegalArgumentException("gpus: a disaggregated deployment sizes its prefill and decode pools from the request mix;"
                + " give no gpus (or force the pools with a layout PREFILL/DECODE, e.g. ep32dp32/ep144dp144)");
        }
    }

    /** A request with defaults: native weights, BF16 KV, 1000 prompt and 1000 output tokens, max-throughput batch. */
    public static ServeRequest of(ModelSpec model, AcceleratorSpec hardware) {
        return new ServeRequest(model, hardware, 0, model.nativeWeights(), KvFormat.BF16, 1000, 1000, 0, 0, 0, 0,
            DEFAULT_UTILIZATION, null, 0, ServingMode.AUTO, 0);
    }

    /** Context held per sequence (kvLenTokens, or prompt + output when 0). */
    public int contextTokens() {
        return kvLenTokens > 0 ? kvLenTokens : promptTokens + outputTokens;
    }

    public ServeRequest withGpus(int n) {
        return new ServeRequest(model, hardware, n, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    public ServeRequest withFormats(WeightFormat w, KvFormat k) {
        return new ServeRequest(model, hardware, gpus, w, k, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    public ServeRequest withTokens(int prompt, int output) {
        return new ServeRequest(model, hardware, gpus, weights, kv, prompt, output, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    public ServeRequest withKvLen(int tokens) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, tokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    public ServeRequest withBatch(int b) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, b, 0, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    public ServeRequest withMinUserTokensPerSecond(double tps) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, 0, tps, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    public ServeRequest withCacheHitShare(double share) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, share, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    public ServeRequest withUtilization(double u) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, u, layout, mtpAcceptance, serving, maxTtftMs);
    }

    /** Forces a parallel layout ({@link Parallelism#parse}); null lets the planner search. */
    public ServeRequest withLayout(String l) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, l, mtpAcceptance, serving, maxTtftMs);
    }

    /** Multi-token prediction: one draft token per step accepted with this probability (0 for none). */
    public ServeRequest withMtpAcceptance(double acceptance) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, acceptance, serving, maxTtftMs);
    }

    public ServeRequest withHardware(AcceleratorSpec hw) {
        return new ServeRequest(model, hw, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, serving, maxTtftMs);
    }

    /** Aggregated, disaggregated or auto (the cheaper). */
    public ServeRequest withServing(ServingMode mode) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, mode, maxTtftMs);
    }

    /** A time-to-first-token target for a disaggregated prefill pool (0 for none). */
    public ServeRequest withMaxTtftMs(double ms) {
        return new ServeRequest(model, hardware, gpus, weights, kv, promptTokens, outputTokens, cacheHitShare, kvLenTokens, batch, minUserTokensPerSecond, utilization, layout, mtpAcceptance, serving, ms);
    }
}
