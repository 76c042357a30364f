package owsim.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import owsim.catalog.AcceleratorSpec;

/**
 * Sweeps the deployments the engine offers for a model on an accelerator (accelerator counts from
 * the fewest that fit upward) and the batches each can hold, and keeps the Pareto frontier of
 * tokens/s per user against tokens/s per GPU: the curve serving benchmarks plot. Built only on
 * {@link ServingEngine#evaluate}, so whatever layout the engine picks for a count of accelerators
 * is what the frontier shows.
 */
public final class ServingPareto {
    /** Accelerator counts above the fewest that fit: up to this many times it (and at least one fast domain). */
    static final int SCALE_OUT_FACTOR = 8;

    private final ServingEngine engine;

    public ServingPareto(ServingEngine engine) { this.engine = engine; }

    /**
     * The frontier of the request's model, hardware, formats and traffic shape; its accelerator
     * count and batch are swept (the request's own are ignored).
     */
    public ParetoFrontier frontier(ServeRequest base) {
        ServeRequest free = base.withGpus(0).withBatch(1);
        ServeResult fewest = engine.evaluate(free);
        List<ParetoPoint> all = new ArrayList<>();
        if (fewest.fits()) {
            for (int g : gpuCounts(base.hardware(), fewest.gpus())) {
                ServeResult one = engine.evaluate(free.withGpus(g));
                if (!one.fits()) continue;
                // The engine's own max-throughput point on g devices: its layout and batch cap (per attention rank) may
                // hold more sequences than the layout it picks for one sequence.
                ServeResult busiest = engine.evaluate(free.withGpus(g).withBatch(0));
                if (busiest.fits()) all.add(point(busiest));
                long most = Math.max(Math.min(one.maxConcurrentSequences(), engine.defaults().maxBatch()), busiest.batch());
                for (int b : batches(most)) {
                    ServeResult r = engine.evaluate(free.withGpus(g).withBatch(b));
                    if (r.fits()) all.add(point(r));
                }
            }
        }
        return new ParetoFrontier(base.model().id(), base.hardware().id(), base.weights().toString(), base.kv().toString(),
            base.promptTokens(), base.outputTokens(), all.size(), nonDominated(all));
    }

    /**
     * The cheapest operating point (by {@code cost}, lower is better) whose per-user speed meets
     * {@code minUserTokensPerSecond}: on each accelerator count the engine offers, the largest batch
     * that still meets it. When no layout meets it even at batch 1, the fastest batch-1 point, with
     * {@code meetsUserTarget} false. Null when the model does not fit.
     */
    public ServeResult cheapestMeeting(ServeRequest base, double minUserTokensPerSecond, ToDoubleFunction<ServeResult> cost) {
        ServeRequest free = base.withGpus(0).withBatch(1);
        ServeResult fewest = engine.evaluate(free);
        if (!fewest.fits()) return null;
        ServeResult best = null;
        ServeResult fastest = null;
        for (int g : gpuCounts(base.hardware(), fewest.gpus())) {
            ServeResult r = engine.evaluate(free.withGpus(g).withMinUserTokensPerSecond(minUserTokensPerSecond));
            if (!r.fits()) continue;
            if (r.meetsUserTarget()) {
                if (best == null || cost.applyAsDouble(r) < cost.applyAsDouble(best)) best = r;
            } else if (fastest == null || r.decodeTokensPerSecondPerUser() > fastest.decodeTokensPerSecondPerUser()) {
                fastest = r;
            }
        }
        return best != null ? best : fastest;
    }

    private static ParetoPoint point(ServeResult r) {
        boolean rented = r.usdPerMillionOutputTokens() != null;
        return new ParetoPoint(r.hardware(), r.gpus(), r.parallelism(), r.batch(), r.decodeTokensPerSecondPerUser(),
            r.outputTokensPerSecondPerGpu(), rented ? r.usdPerMillionOutputTokens() : r.ownedUsdPerMillionOutputTokens(),
            rented, r.ttftMs());
    }

    /**
     * Accelerator counts to try: powers of two from the fewest that fit up to {@link #SCALE_OUT_FACTOR}
     * times it or one full fast domain (an NVL72 rack, a TPU slice), whichever is more, within what
     * the hardware can reach; plus the fast domain's own size when it is not a power of two (72).
     */
    static List<Integer> gpuCounts(AcceleratorSpec hw, int fewest) {
        int reach = Planner.maxGpus(hw);
        int domain = hw.interconnectGBps() > 0 ? hw.devicesPerNode() : 1;
        long cap = Math.min(reach, Math.max((long) fewest * SCALE_OUT_FACTOR, domain));
        TreeSet<Integer> counts = new TreeSet<>();
        for (long g = fewest; g <= cap; g *= 2) counts.add((int) g);
        if (domain >= fewest && domain <= cap) counts.add(domain);
        return List.copyOf(counts);
    }

    /** Batches 1, 2, 4, ... and the largest, up to {@code most} (none when it is below 1). */
    static List<Integer> batches(long most) {
        List<Integer> out = new ArrayList<>();
        for (long b = 1; b <= most; b *= 2) out.add((int) b);
        if (most >= 1 && out.get(out.size() - 1) != most) out.add((int) most);
        return out;
    }

    /**
     * The points no other point dominates, fastest per user first; of points equal on both axes the
     * fewest accelerators, then the smallest batch, is kept.
     */
    static List<ParetoPoint> nonDominated(List<ParetoPoint> points) {
        List<ParetoPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(ParetoPoint::tokensPerSecondPerUser).reversed()
            .thenComparing(Comparator.comparingDouble(ParetoPoint::tokensPerSecondPerGpu).reversed())
            .thenComparingInt(ParetoPoint::gpus).thenComparingInt(ParetoPoint::batch));
        List<ParetoPoint> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (ParetoPoint p : sorted) {
            if (p.tokensPerSecondPerGpu() > best) {
                front.add(p);
                best = p.tokensPerSecondPerGpu();
            }
        }
        return front;
    }
}
