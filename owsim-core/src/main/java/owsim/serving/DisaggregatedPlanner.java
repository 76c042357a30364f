package owsim.serving;

import java.util.List;
import java.util.Locale;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * Sizes a prefill/decode-disaggregated deployment for a request mix:
 * <ul>
 * <li>the decode pool is the engine's best deployment for decoding alone (no prefill in its steps), searched like an
 *     aggregated one (wide expert parallelism included);</li>
 * <li>the prefill pool is one stage on the fewest devices that hold the model and one prompt, widened until one prompt's prefill
 *     plus its KV transfer meets the TTFT target when there is one (prefill throughput per device hardly depends on
 *     the layout in this model, so a wider pool only buys latency);</li>
 * <li>each prompt's KV cache goes from the devices of its attention group in the prefill pool to the decode pool over
 *     the scale-out network (RDMA, as Mooncake and NIXL do), overlapped with compute; it caps either pool's rate when
 *     the network cannot carry it;</li>
 * <li>the pools are balanced by GPU-seconds per request: uncached prompt tokens over the prefill rate against output
 *     tokens over the decode rate, rounded to whole instances: the fewest devices within {@value #ROUNDING_LOSS} of the
 *     balanced pools' output per device (up to {@value #MAX_DECODE_INSTANCES} decode instances, else the best of them).</li>
 * </ul>
 */
final class DisaggregatedPlanner {
    static final int MAX_DECODE_INSTANCES = 16;
    /** Output per device a whole-instance deployment may lose against perfectly balanced pools (assumption: a few percent idle is the price of a small unit). */
    static final double ROUNDING_LOSS = 0.05;
    static final String DISAGGREGATED = "disaggregated";

    private final ServingEngine engine;
    private final ServingDefaults d;
    private final Planner planner;
    private final PrefillModel prefill;
    private final CostModel cost;

    DisaggregatedPlanner(ServingEngine engine, ServingDefaults defaults, Planner planner, PrefillModel prefill, CostModel cost) {
        this.engine = engine;
        this.d = defaults;
        this.planner = planner;
        this.prefill = prefill;
        this.cost = cost;
    }

    /** The request served by two pools; {@code pools} forces their layouts (prefill, decode), or null to search. */
    ServeResult evaluate(ServeRequest r, String[] pools) {
        ServeResult result = plan(r, pools);
        if (result == null) {
            throw new IllegalArgumentException("layout: the prefill pool" + (pools == null ? "" : "'s layout " + pools[0]) + " does not hold " + r.model().id()
                + " and one prompt of " + r.promptTokens() + " tokens on " + r.hardware().id());
        }
        return result;
    }

    /** As {@link #evaluate}, or null when no prefill pool holds the model and one prompt (auto then serves aggregated). */
    ServeResult plan(ServeRequest r, String[] pools) {
        ModelSpec m = r.model();
        AcceleratorSpec hw = r.hardware();
        WeightFormat w = r.weights();
        String decodeLayout = pools != null ? pools[1] : r.layout();
        ServeResult dec = engine.aggregated(r.withLayout(decodeLayout).withServing(ServingMode.AGGREGATED), true);
        if (!dec.fits()) return dec;

        int prompt = r.promptTokens();
        double uncached = Math.max(1, prompt * (1 - r.cacheHitShare()));
        double kvBytes = KvCache.bytesPerSequence(m, r.kv(), prompt);
        // The prefill pool depends on the request through these inputs alone, and its search (every size, every
        // layout, each one's TTFT) is the same for every later request with them: the engine remembers it.
        String forced = pools == null ? null : pools[0];
        LayoutCache.Search found = engine.layouts.get(m, hw, w, r.kv(), prompt, 1, forced == null ? "prefill" : "prefill " + forced,
            r.cacheHitShare(), r.maxTtftMs(), () -> {
                ModelShape shape = new ModelShape(m);
                Deployment d = prefillDeployment(r, shape, forced, kvBytes);
                return new LayoutCache.Search(shape, d == null ? List.of() : List.of(d), null);
            });
        ModelShape s = found.shape();
        Deployment pre = found.candidates().isEmpty() ? null : found.candidates().get(0);
        if (pre == null) return null;
        int gP = pre.gpus();
        int gD = dec.gpus();
        double networkBytesPerSecond = hw.networkGBps() * 1e9 * d.allToAllNetworkEfficiency();

        // Rates per device, each capped by what its network carries of the KV transfer.
        double prefillRate = 1 / (prefill.secondsPerToken(m, s, hw, w, gP, prompt) * gP);
        double kvBytesPerUncachedToken = kvBytes / uncached;
        double prefillShare = prefillRate * kvBytesPerUncachedToken / networkBytesPerSecond;
        if (prefillShare > 1) {
            prefillRate /= prefillShare;
            prefillShare = 1;
        }
        double decodeRate = dec.decodeTokensPerSecondPerGpu();
        double decodeShare = decodeRate / r.outputTokens() * kvBytes / networkBytesPerSecond;
        if (decodeShare > 1) {
            decodeRate /= decodeShare;
            decodeShare = 1;
        }
        double ratio = (uncached / prefillRate) / (r.outputTokens() / decodeRate);

        // Whole instances: the fewest devices within ROUNDING_LOSS of the balanced pools' output per device, else the best.
        double balanced = decodeRate / (1 + ratio);
        int bestP = 1;
        int bestD = 1;
        double best = -1;
        search:
        for (int nD = 1; nD <= MAX_DECODE_INSTANCES; nD++) {
            int lo = Math.max(1, (int) Math.floor(nD * (double) gD * ratio / gP));
            for (int nP = lo; nP <= lo + 1; nP++) {
                double perGpu = outputRate(nP * gP, nD * gD, prefillRate, decodeRate, uncached, r.outputTokens()) / (nP * gP + nD * gD);
                if (perGpu > best) {
                    best = perGpu;
                    bestP = nP;
                    bestD = nD;
                }
                if (best >= balanced * (1 - ROUNDING_LOSS)) break search;
            }
        }
        int prefillGpus = bestP * gP;
        int decodeGpus = bestD * gD;
        double output = outputRate(prefillGpus, decodeGpus, prefillRate, decodeRate, uncached, r.outputTokens());
        double requestsPerSecond = output / r.outputTokens();
        double prefillBusy = requestsPerSecond * uncached / (prefillGpus * prefillRate);
        double decodeBusy = output / (decodeGpus * decodeRate);

        double transferSeconds = transferSeconds(pre.parallelism(), kvBytes, hw);
        double ttftSeconds = prefill.ttftSeconds(m, s, hw, w, pre, prompt, r.cacheHitShare()) + transferSeconds;
        String note = dec.note();
        if (r.maxTtftMs() > 0 && ttftSeconds * 1000 > r.maxTtftMs()) {
            note = String.format(Locale.ROOT, "no prefill pool meets the TTFT target of %.0f ms: %.0f ms on %d x %s%s", r.maxTtftMs(),
                ttftSeconds * 1000, gP, hw.id(), note == null ? "" : "; " + note);
        }

        // Cost: each pool's devices for the time they serve one request, per prompt token and per output token.
        int all = prefillGpus + decodeGpus;
        double rented = cost.rentedUsdPerBusySecond(hw, 1, r.utilization());
        double owned = cost.ownedUsdPerBusySecond(hw, 1, r.utilization());
        double prefillGpuSecondsPerPromptToken = prefillGpus / requestsPerSecond / prompt;
        double decodeGpuSecondsPerOutputToken = decodeGpus / output;

        DisaggregatedServing split = new DisaggregatedServing(
            new DisaggregatedServing.Pool(gP, bestP, pre.parallelism(), prefillRate, prefillBusy),
            new DisaggregatedServing.Pool(gD, bestD, dec.parallelism(), decodeRate, decodeBusy),
            ratio, Math.round(kvBytes), transferSeconds * 1000, prefillShare, decodeShare);
        return new ServeResult(dec.model(), dec.hardware(), all, dec.weights(), dec.expertWeights(), dec.kv(), dec.weightsGiB(),
            dec.kvBytesPerToken(), dec.kvBytesPerSequence(), true, dec.maxConcurrentSequences() * bestD, dec.batch(),
            prefillRate, decodeRate, dec.decodeTokensPerSecondPerUser(), output / all, ttftSeconds * 1000, dec.tpotMs(),
            Double.isNaN(rented) ? null : rented * prefillGpuSecondsPerPromptToken * 1e6,
            Double.isNaN(rented) ? null : rented * decodeGpuSecondsPerOutputToken * 1e6,
            owned * prefillGpuSecondsPerPromptToken * 1e6, owned * decodeGpuSecondsPerOutputToken * 1e6,
            dec.memory(), dec.parallelism(), dec.bound(), dec.meetsUserTarget(), 0, dec.gpusToFit(), note, DISAGGREGATED, split);
    }

    /** Output tokens per second of the two pools together: the slower of decode and what prefill feeds it. */
    private static double outputRate(int prefillGpus, int decodeGpus, double prefillRate, double decodeRate, double uncached, int outputTokens) {
        return Math.min(decodeGpus * decodeRate, prefillGpus * prefillRate / uncached * outputTokens);
    }

    /**
     * The prefill pool's deployment: the forced layout, else one stage (a prompt's prefill does not pipeline) on the
     * fewest devices that hold the model and one prompt, in the layout with the shortest TTFT, widened until one
     * prompt's prefill plus its KV transfer meets the TTFT target when there is one; the fewest when none does.
     */
    private Deployment prefillDeployment(ServeRequest r, ModelShape s, String forced, double kvBytes) {
        ModelSpec m = r.model();
        AcceleratorSpec hw = r.hardware();
        int prompt = r.promptTokens();
        if (forced != null) {
            Parallelism p = Parallelism.parse(forced);
            String why = Planner.invalid(m, hw, p);
            if (why != null) throw new IllegalArgumentException("layout: prefill pool " + forced + " is not possible for " + m.id() + " on " + hw.id() + ": " + why);
            Deployment dep = planner.place(m, s, hw, r.weights(), r.kv(), prompt, p);
            return dep.fits(1) ? dep : null;
        }
        double target = r.maxTtftMs() / 1000;
        Deployment first = null;
        for (int g : Planner.sizes(hw, 1, Planner.maxGpus(hw))) {
            Deployment fastest = null;
            double fastestSeconds = Double.POSITIVE_INFINITY;
            for (Deployment dep : planner.layouts(m, s, hw, r.weights(), r.kv(), prompt, g, 1)) {
                if (!dep.fits(1)) continue;
                double t = ttft(r, s, dep, kvBytes);
                if (t < fastestSeconds) {
                    fastest = dep;
                    fastestSeconds = t;
                }
            }
            if (fastest == null) continue;
            if (first == null) first = fastest;
            if (target <= 0 || fastestSeconds <= target) return fastest;
        }
        return first;
    }

    private double ttft(ServeRequest r, ModelShape s, Deployment dep, double kvBytes) {
        return prefill.ttftSeconds(r.model(), s, r.hardware(), r.weights(), dep, r.promptTokens(), r.cacheHitShare())
            + transferSeconds(dep.parallelism(), kvBytes, r.hardware());
    }

    /**
     * One prompt's KV cache from the prefill pool to the decode pool: sent by the devices of its attention group (the
     * tensor group of every stage, each holding its shard or a copy to split) over their scale-out links at the
     * efficiency DeepEP reaches over them (assumption: bulk RDMA writes do at least as well), plus one network latency.
     */
    double transferSeconds(Parallelism p, double kvBytes, AcceleratorSpec hw) {
        int senders = p.tensor() * p.pipeline();
        return d.networkLatencySeconds() + kvBytes / (senders * hw.networkGBps() * 1e9 * d.allToAllNetworkEfficiency());
    }
}
