package owsim.serving;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * The serving engine: memory, placement, throughput and cost per token of a model on an
 * accelerator, and the economics built on them. Its only state beyond its immutable defaults and
 * price book is what it remembers of its own work (the layouts it searched, the busiest-rank
 * figures), held in concurrent maps that change no answer, so one instance can be shared by
 * threads and should be: a long-lived one (a web server's) answers repeated questions faster.
 */
public final class ServingEngine {
    static final double GIB = 1024.0 * 1024 * 1024;

    private final ServingDefaults defaults;
    private final PriceBook prices;
    private final Planner planner;
    private final DecodeModel decode;
    private final PrefillModel prefill;
    private final CostModel cost;
    private final DisaggregatedPlanner disaggregated;
    /** Searched layouts and busiest-rank figures, remembered by this engine (never shared between engines). */
    final LayoutCache layouts = new LayoutCache();
    private final BusiestRankMemo busiest = new BusiestRankMemo();

    public ServingEngine() {
        this(ServingDefaults.standard(), PriceBook.standard());
    }

    public ServingEngine(ServingDefaults defaults, PriceBook prices) {
        this.defaults = defaults;
        this.prices = prices;
        this.planner = new Planner(defaults);
        this.decode = new DecodeModel(defaults);
        this.prefill = new PrefillModel(defaults);
        this.cost = new CostModel(defaults);
        this.disaggregated = new DisaggregatedPlanner(this, defaults, planner, prefill, cost);
    }

    public ServingDefaults defaults() { return defaults; }

    public PriceBook prices() { return prices; }

    /**
     * Places, times and prices one request. The planner searches the layouts (tensor, pipeline,
     * expert and data-parallel attention degrees) and returns the one with the most output tokens
     * per second per device (so the cheapest per token) that meets the request: on the given number
     * of devices, or in the given layout; else on the fewest devices that fit, and for a MoE model
     * at its max-throughput or per-user-speed point also on wider deployments, up to expert degree
     * 1.25 x the experts (wide expert parallelism across nodes).
     */
    public ServeResult evaluate(ServeRequest r) {
        String[] pools = DisaggregatedLayout.split(r.layout());
        AcceleratorSpec hw = r.hardware();
        boolean network = canDisaggregate(hw);
        if (pools != null || r.serving() == ServingMode.DISAGGREGATED) {
            if (!network) {
                throw new IllegalArgumentException("serving: disaggregated serving sends each prompt's KV cache from the prefill to the decode pool"
                    + " over the scale-out network, and " + hw.id() + " has " + (hw.networkGBps() <= 0 ? "no network between nodes" : "no way to scale beyond one box"));
            }
            return disaggregated.evaluate(r, pools);
        }
        ServeResult aggregated = aggregated(r, false);
        if (r.serving() == ServingMode.AGGREGATED || r.gpus() > 0 || r.batch() > 0 || r.layout() != null || !network || !aggregated.fits()) {
            return aggregated;
        }
        ServeResult split = disaggregated.plan(r, null);
        return split != null && split.fits() && splitIsBetter(split, aggregated) ? split : aggregated;
    }

    /**
     * The request served by prefill and decode pools, or null when it cannot be: hardware without a
     * scale-out network, or no prefill pool that holds the model and one prompt.
     */
    public ServeResult disaggregatedOrNull(ServeRequest r) {
        return canDisaggregate(r.hardware()) ? disaggregated.plan(r.withServing(ServingMode.DISAGGREGATED), null) : null;
    }

    /** Whether this hardware can serve disaggregated: prefill and decode pools joined by a scale-out network. */
    public static boolean canDisaggregate(AcceleratorSpec hw) {
        return Planner.maxGpus(hw) > Planner.perNode(hw);
    }

    /**
     * Whether the disaggregated answer beats the aggregated one: meets the per-user target first, then more output per
     * device by more than {@link #WIDER_GAIN} (assumption: a second pool and the KV transfer between them are worth
     * running only for a real gain).
     */
    private static boolean splitIsBetter(ServeResult split, ServeResult aggregated) {
        if (split.meetsUserTarget() != aggregated.meetsUserTarget()) return split.meetsUserTarget();
        return split.outputTokensPerSecondPerGpu() > aggregated.outputTokensPerSecondPerGpu() * (1 + WIDER_GAIN);
    }

    /**
     * One deployment serving the request; with {@code decodeOnly} its prompts are prefilled elsewhere (the decode pool
     * of a disaggregated deployment): no prefill stalls its steps, and its output tokens/s are its decode rate.
     */
    ServeResult aggregated(ServeRequest r, boolean decodeOnly) {
        ModelSpec m = r.model();
        AcceleratorSpec hw = r.hardware();
        WeightFormat w = r.weights();
        double ctx = r.contextTokens();
        int required = r.batch() > 0 ? r.batch() : 1;
        LayoutCache.Search search = layouts.get(m, hw, w, r.kv(), ctx, required, searchKind(r, decodeOnly),
            () -> search(r, decodeOnly, required));
        ModelShape s = search.shape();
        Deployment fewest = search.fewest();
        Integer gpusToFit = fewest == null ? null : fewest.gpus();
        // Candidates are ranked on their timing alone; the full answer (prefill, TTFT, prices, memory) is built only
        // for the winner, from the same figures, so it is the answer the winner always had.
        Timing best = null;
        Deployment roomiest = null;
        PrefillFigures figures = new PrefillFigures();
        double kvRead = kvReadTokens(r);
        double perStep = tokensPerSequenceStep(r);
        // Each candidate's decode step, prepared once for this KV read, and its last busiest-rank figure (the search
        // remembers them).
        LayoutCache.Steps.Table table = search.steps().table(kvRead, perStep);
        DecodeModel.Prepared[] steps = table.steps();
        PrefillStall.Stretch[] stretches = table.stretches();
        Request q = Request.of(r, decodeOnly);
        List<Deployment> candidates = search.candidates();
        for (int i = 0, n = candidates.size(); i < n; i++) {
            Deployment dep = candidates.get(i);
            if (roomiest == null || dep.maxSequences() > roomiest.maxSequences()) roomiest = dep;
            if (!dep.fits(required)) continue;
            DecodeModel.Prepared step = steps[i];
            if (step == null) steps[i] = step = decode.prepare(m, s, hw, w, r.kv(), dep, kvRead, perStep);
            best = time(q, s, dep, figures, step, stretches, i, best);
        }
        if (best != null) return result(r, s, best, gpusToFit, decodeOnly);
        // Nothing fits: report against the given layout or size, else the largest box (or 64 data-centre devices).
        Deployment dep = roomiest != null ? roomiest
            : planner.roomiest(m, s, hw, w, r.kv(), ctx, Math.min(Planner.maxGpus(hw), 64));
        if (dep == null) dep = planner.place(m, s, hw, w, r.kv(), ctx, new Parallelism(1, 1, 1, 1, 1));
        return notFitting(r, s, dep, required, gpusToFit);
    }

    /** What limits a search besides the model, hardware, formats, context and sequences: the key of {@link LayoutCache}. */
    private static String searchKind(ServeRequest r, boolean decodeOnly) {
        if (r.layout() != null) return "layout " + r.layout();
        if (r.gpus() > 0) return "gpus " + r.gpus();
        if (r.batch() > 0) return "fewest";
        return decodeOnly ? "wide decode" : "wide";
    }

    /** The planner's candidates for the request (see {@link #evaluate}); refuses an impossible layout or size. */
    private LayoutCache.Search search(ServeRequest r, boolean decodeOnly, int required) {
        ModelSpec m = r.model();
        AcceleratorSpec hw = r.hardware();
        ModelShape s = new ModelShape(m);
        WeightFormat w = r.weights();
        double ctx = r.contextTokens();

        Deployment fewest = planner.fewest(m, s, hw, w, r.kv(), ctx, required);
        List<Deployment> candidates = new ArrayList<>();
        if (r.layout() != null) {
            Parallelism p = Parallelism.parse(r.layout());
            String why = Planner.invalid(m, hw, p);
            if (why != null) throw new IllegalArgumentException("layout: " + r.layout() + " is not possible for " + m.id() + " on " + hw.id() + ": " + why);
            candidates.add(planner.place(m, s, hw, w, r.kv(), ctx, p));
        } else if (r.gpus() > 0) {
            int g = r.gpus();
            if (g > Planner.perNode(hw) && g > Planner.maxGpus(hw)) {
                throw new IllegalArgumentException("gpus: " + g + " x " + hw.id() + " span " + ((g + Planner.perNode(hw) - 1) / Planner.perNode(hw))
                    + " nodes, but " + hw.id() + " has " + (hw.networkGBps() <= 0 ? "no network between nodes" : "no way to scale beyond one box")
                    + " (at most " + Planner.maxGpus(hw) + ")");
            }
            candidates.addAll(planner.layouts(m, s, hw, w, r.kv(), ctx, g));
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("gpus: no layout of " + g + " x " + hw.id() + " suits " + m.id()
                    + " (tensor degrees must divide its " + m.attention().queryHeads() + " query heads and stay within a node of "
                    + Planner.perNode(hw) + (m.isMoe() ? "" : "; a dense model does not run data-parallel attention") + ")");
            }
        } else if (fewest != null) {
            candidates.addAll(planner.layouts(m, s, hw, w, r.kv(), ctx, fewest.gpus()));
            if (r.batch() == 0) {
                // MoE: wide expert parallelism up to 1.25 x the experts; dense: wider tensor groups up to a node.
                int widest = m.isMoe() ? Math.min(Planner.maxGpus(hw), s.experts + s.experts / 4) : Planner.perNode(hw);
                for (int g : Planner.sizes(hw, fewest.gpus() + 1, widest)) candidates.addAll(planner.layouts(m, s, hw, w, r.kv(), ctx, g, decodeOnly ? 1 : 4));
            }
        }
        return new LayoutCache.Search(s, List.copyOf(candidates), fewest);
    }

    /**
     * Whether a candidate serves the request better than {@code b}: meets the per-user target first, then more output
     * per device (less cost per token). On as many devices, any gain wins; a larger deployment must gain more than
     * {@link #WIDER_GAIN} (assumption: a few percent is not worth a larger minimum fleet and blast radius). The
     * candidate is given by its figures (on {@code gpus} devices, {@code interToken} seconds between a user's tokens,
     * {@code secPerOutputToken} deployment-seconds per output token), so a candidate that does not win is never built.
     */
    private static boolean better(boolean meets, int gpus, double interToken, double secPerOutputToken, Timing b) {
        if (meets != b.meets()) return meets;
        if (!meets) return 1 / interToken > b.tokensPerSecondPerUser();
        int gb = b.dep().gpus();
        double gain = gpus > gb ? WIDER_GAIN : gpus < gb ? -WIDER_GAIN : 1e-9;
        return 1 / secPerOutputToken / gpus > b.outputTokensPerSecondPerGpu() * (1 + gain);
    }

    /** Least gain in output per device for which the search takes a larger deployment. */
    static final double WIDER_GAIN = 0.05;

    /**
     * One candidate's timing: what the search ranks it on ({@link #better}) and what its full answer is built from.
     *
     * @param yield output tokens per sequence per step
     * @param b the batch
     * @param meets whether the per-user speed target is met
     * @param prefillPerSequenceStep prefill seconds per sequence per step that stall decoding
     * @param interToken seconds between two tokens of one user
     * @param secPerOutputToken deployment-seconds per output token, prefill stalls included
     * @param outputTokensPerSecondPerGpu {@code 1 / secPerOutputToken / gpus}, worked out once (the search compares
     *     every later candidate with it)
     * @param rejectNarrower the bounds of {@link #cannotBeBeaten} against a candidate on fewer, as many and more
     * @param rejectSame     devices than this one
     * @param rejectWider    (see there)
     */
    private record Timing(Deployment dep, PrefillStall stall, double yield, int b, boolean meets,
                          DecodeModel.Step step, double prefillPerSequenceStep, double interToken, double secPerOutputToken,
                          double outputTokensPerSecondPerGpu, double rejectNarrower, double rejectSame, double rejectWider) {
        Timing(Deployment dep, PrefillStall stall, double yield, int b, boolean meets, DecodeModel.Step step,
               double prefillPerSequenceStep, double interToken, double secPerOutputToken) {
            this(dep, stall, yield, b, meets, step, prefillPerSequenceStep, interToken, secPerOutputToken, 1 / secPerOutputToken / dep.gpus(),
                rejectFrom(1 / secPerOutputToken / dep.gpus(), -WIDER_GAIN), rejectFrom(1 / secPerOutputToken / dep.gpus(), 1e-9),
                rejectFrom(1 / secPerOutputToken / dep.gpus(), WIDER_GAIN));
        }

        /**
         * Whether a candidate that meets the per-user target, on {@code gpus} devices at {@code secPerOutputToken}
         * deployment-seconds per output token, surely loses to this timing (which meets it too) in {@link #better}:
         * one multiplication instead of its two divisions, for the many candidates that are far from the best.
         * <p>
         * Proof that this changes no choice. Let u = 2^-53 (the unit roundoff of a double; every rounding below is
         * within a factor 1 - u to 1 + u of the exact value, the figures staying in the normal range, see
         * {@link ServingEngine#rejectFrom}), g the candidate's devices (an exact double), s its seconds per output token, and T =
         * fl(this output per device x (1 + gain)), the figure {@link #better} compares the candidate's fl(fl(1 / s) / g)
         * with. The bound kept for that gain is R = fl(fl(1 / T) x fl(1 + 1e-9)), at least (1 / T)(1 + 1e-9)(1 - u)^3.
         * If fl(s x g) is at least R, then s g is at least R / (1 + u), and the candidate's figure is at most
         * (1 / (s g))(1 + u)^2, at most T (1 + u)^3 / ((1 - u)^3 (1 + 1e-9)): below T, since (1 + u)^3 / (1 - u)^3
         * is under 1 + 1e-15. So {@link #better} would answer false, and the candidate is skipped exactly when it would
         * have lost. Candidates within about 1e-9 of the best, and every case without a bound (NaN), go to
         * {@link #better}.
         */
        boolean cannotBeBeaten(int gpus, double secPerOutputToken) {
            int gb = dep.gpus();
            double bound = gpus > gb ? rejectWider : gpus < gb ? rejectNarrower : rejectSame;
            return secPerOutputToken * gpus >= bound;
        }

        double tokensPerSecondPerUser() {
            return 1 / interToken;
        }
    }

    /**
     * The bound of {@link Timing#cannotBeBeaten} for one gain: fl(fl(1 / T) x (1 + 1e-9)), T = fl(perGpu x (1 + gain)),
     * when it lies between 1e-300 and 1e300, so that every figure of the proof is a normal double (with at most
     * {@link Planner#MAX_GPUS} devices, s is then above 1e-304 and 1 / s does not overflow); else NaN, which rejects
     * nothing.
     */
    static double rejectFrom(double perGpu, double gain) {
        double bound = 1 / (perGpu * (1 + gain)) * (1 + 1e-9);
        return bound >= 1e-300 && bound <= 1e300 ? bound : Double.NaN;
    }

    /**
     * What a request asks of every candidate alike, worked out once per ranking rather than once per candidate (the
     * same expressions, so the same doubles).
     *
     * @param yield output tokens per sequence per step (multi-token prediction: 1 + acceptance)
     * @param promptTokensPerSequenceStep uncached prompt tokens per sequence per step; 0 for a decode-only pool
     * @param promptsPerSequenceStep prompts arriving per sequence per step
     */
    private record Request(ServeRequest r, boolean decodeOnly, double yield, double promptTokensPerSequenceStep,
                           double promptsPerSequenceStep) {
        static Request of(ServeRequest r, boolean decodeOnly) {
            double yield = 1 + r.mtpAcceptance();
            if (decodeOnly) return new Request(r, true, yield, 0, 0);
            // In steady-state continuous batching, b sequences finishing every outputTokens tokens bring
            // b x yield / outputTokens new prompts per step, whose prefill stalls every user's next step.
            double uncachedShare = 1 - r.cacheHitShare();
            return new Request(r, false, yield, uncachedShare * r.promptTokens() / (double) r.outputTokens() * yield,
                yield / r.outputTokens());
        }
    }

    /**
     * A request's prefill figures per device count, which depend on nothing else: the planner lists its candidates size
     * by size, so the last size's figures serve the next candidates of that size.
     */
    private static final class PrefillFigures {
        int gpus = -1;
        double nonExpert;
        double expert;
    }

    /** KV tokens a decode step reads per sequence: the given length, else the prompt and half the output. */
    private static double kvReadTokens(ServeRequest r) {
        return r.kvLenTokens() > 0 ? r.kvLenTokens() : r.promptTokens() + r.outputTokens() / 2.0;
    }

    /** Multi-token prediction: each step verifies one draft token per sequence (and yields 1 + acceptance tokens). */
    private static double tokensPerSequenceStep(ServeRequest r) {
        return r.mtpAcceptance() > 0 ? 2 : 1;
    }

    /**
     * Times the request on one placed deployment that fits it (candidate {@code i} of its search, its decode step
     * prepared) and returns it if it serves the request better than {@code best}, else {@code best}.
     */
    private Timing time(Request q, ModelShape s, Deployment dep, PrefillFigures figures, DecodeModel.Prepared decodeStep,
                        PrefillStall.Stretch[] stretches, int i, Timing best) {
        ServeRequest r = q.r();
        int g = dep.gpus();
        // Multi-token prediction: each step yields 1 + acceptance tokens (tokensPerSequenceStep).
        double yield = q.yield();
        // Under data-parallel attention each prompt's attention and dense layers run on its own rank, and the
        // others wait for the busiest at the next all-to-all (BusiestRank); the experts are shared by all ranks.
        if (!q.decodeOnly() && figures.gpus != g) {
            ModelSpec m = r.model();
            AcceleratorSpec hw = r.hardware();
            WeightFormat w = r.weights();
            figures.gpus = g;
            figures.nonExpert = prefill.nonExpertSecondsPerToken(m, s, hw, w, g, r.promptTokens());
            figures.expert = prefill.expertSecondsPerToken(m, s, hw, w, g);
        }
        int ranks = dep.parallelism().dataParallel();
        int b;
        boolean meets = true;
        if (r.batch() > 0) {
            b = r.batch();
        } else if (r.minUserTokensPerSecond() > 0) {
            PrefillStall stall = stall(q, figures, ranks);
            // The batch cap is per attention rank (a data-parallel group), as serving engines schedule.
            int maxBatch = maxBatch(dep);
            double target = r.minUserTokensPerSecond();
            if (yield / interTokenSeconds(decodeStep, 1, stall) < target) {
                b = 1;
                meets = false;
            } else {
                int lo = 1;
                int hi = maxBatch;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (yield / interTokenSeconds(decodeStep, mid, stall) >= target) lo = mid;
                    else hi = mid - 1;
                }
                b = lo;
            }
        } else {
            b = maxBatch(dep);
        }

        // The step and the prefill stall at b; at a max-throughput request's b (the candidate's own largest batch) both
        // depend on the candidate alone, so a repeated request finds them remembered (DecodeModel.Prepared.step, the
        // candidate's PrefillStall.Stretch): the same doubles as PrefillStall.perSequenceStep.
        DecodeModel.Step step = decodeStep.step(b);
        double prefillPerSequenceStep = 0;
        if (q.promptTokensPerSequenceStep() != 0) {
            // Keyed by b x prompts per sequence step, the product promptsPerRank divides by the candidate's own ranks:
            // the same key gives the same figure, and a remembered one costs no division.
            double promptsPerStep = b * q.promptsPerSequenceStep();
            PrefillStall.Stretch st = stretches[i];
            if (st == null || Double.doubleToRawLongBits(st.promptsPerStep()) != Double.doubleToRawLongBits(promptsPerStep)) {
                double promptsPerRank = PrefillStall.promptsPerRank(b, q.promptsPerSequenceStep(), ranks);
                stretches[i] = st = new PrefillStall.Stretch(promptsPerStep, busiest.stretch(promptsPerRank, ranks));
            }
            prefillPerSequenceStep = q.promptTokensPerSequenceStep() * PrefillStall.secondsPerToken(figures.nonExpert, st.stretch(), figures.expert);
        }
        // x / 1 is x, exactly: without multi-token prediction (yield 1) the divisions by the yield are left out.
        boolean one = yield == 1;
        double decodeSecPerToken = step.seconds() / (one ? b : b * yield);
        double secPerOutputToken = decodeSecPerToken + (one ? prefillPerSequenceStep : prefillPerSequenceStep / yield);
        if (best != null && meets && best.meets() && best.cannotBeBeaten(g, secPerOutputToken)) return best;
        double interStep = step.seconds() + b * prefillPerSequenceStep;
        double interToken = one ? interStep : interStep / yield;
        if (best != null && !better(meets, g, interToken, secPerOutputToken, best)) return best;
        return new Timing(dep, stall(q, figures, ranks), yield, b, meets, step, prefillPerSequenceStep, interToken, secPerOutputToken);
    }

    /** The prefill that stalls a candidate's decode steps (none in a decode-only pool). */
    private PrefillStall stall(Request q, PrefillFigures figures, int ranks) {
        return q.decodeOnly() ? PrefillStall.NONE : new PrefillStall(q.promptTokensPerSequenceStep(), figures.nonExpert, figures.expert,
            q.promptsPerSequenceStep(), ranks, busiest);
    }

    /** The largest batch a candidate runs: what its memory holds, at most the batch cap per attention rank (a data-parallel group). */
    private int maxBatch(Deployment dep) {
        long cap = (long) defaults.maxBatch() * dep.parallelism().dataParallel() * dep.parallelism().pipeline();
        return (int) Math.min(Math.min(dep.maxSequences(), cap), Integer.MAX_VALUE);
    }

    /** The full answer on the deployment of a timing: prefill, TTFT, prices, memory and note. */
    private ServeResult result(ServeRequest r, ModelShape s, Timing t, Integer gpusToFit, boolean decodeOnly) {
        ModelSpec m = r.model();
        AcceleratorSpec hw = r.hardware();
        WeightFormat w = r.weights();
        double ctx = r.contextTokens();
        Deployment dep = t.dep();
        int g = dep.gpus();
        int b = t.b();
        double yield = t.yield();
        DecodeModel.Step step = t.step();
        double interToken = t.interToken();
        double decodeSecPerToken = step.seconds() / (b * yield);
        double prefillSecPerToken = prefill.secondsPerToken(m, s, hw, w, g, r.promptTokens());
        double uncachedShare = 1 - r.cacheHitShare();
        double ttft = prefill.ttftSeconds(m, s, hw, w, dep, r.promptTokens(), r.cacheHitShare());

        double rented = cost.rentedUsdPerBusySecond(hw, g, r.utilization());
        double owned = cost.ownedUsdPerBusySecond(hw, g, r.utilization());
        double inputSec = uncachedShare * (decodeOnly ? prefillSecPerToken : t.stall().secondsPerToken(b));

        double weightsPerDevice = dep.weightBytesPerDevice();
        double kvPerDevice = Math.ceil(dep.sequencesPerRank(b)) * dep.kvBytesPerSequencePerDevice();
        double reserved = hw.memoryBytes() * (1 - defaults.memoryUtilization());
        MemoryBreakdown mem = new MemoryBreakdown(hw.memoryBytes() / GIB, reserved / GIB, weightsPerDevice / GIB,
            kvPerDevice / GIB, (dep.usableBytesPerDevice() - weightsPerDevice - kvPerDevice) / GIB);

        String note = null;
        if (!t.meets()) {
            note = String.format(Locale.ROOT, "even one sequence decodes at %.1f tok/s, below the %.1f tok/s target",
                1 / interToken, r.minUserTokensPerSecond());
        } else if (r.gpus() > 0 && gpusToFit != null && gpusToFit < g) {
            note = "fewer accelerators would fit: " + gpusToFit;
        }
        return new ServeResult(m.id(), hw.id(), g, w.toString(), expertFormat(m, w), r.kv().toString(), dep.weightBytes() / GIB,
            KvCache.bytesPerToken(m, r.kv()), Math.round(KvCache.bytesPerSequence(m, r.kv(), ctx)), true,
            dep.maxSequences(), b,
            1 / (prefillSecPerToken * g), b * yield / step.seconds() / g, t.tokensPerSecondPerUser(), t.outputTokensPerSecondPerGpu(),
            ttft * 1000, interToken * 1000,
            Double.isNaN(rented) ? null : rented * inputSec * 1e6,
            Double.isNaN(rented) ? null : rented * decodeSecPerToken * 1e6,
            owned * inputSec * 1e6, owned * decodeSecPerToken * 1e6,
            mem, dep.parallelism(), step.memoryBound() ? "memory" : "compute", t.meets(), 0, gpusToFit, note, AGGREGATED, null);
    }

    private ServeResult notFitting(ServeRequest r, ModelShape s, Deployment dep, int sequences, Integer gpusToFit) {
        AcceleratorSpec hw = r.hardware();
        ModelSpec m = r.model();
        int g = dep.gpus();
        double missing = dep.missingBytesPerDevice(sequences);
        double weightsPerDevice = dep.weightBytesPerDevice();
        double kvPerDevice = Math.ceil(dep.sequencesPerRank(sequences)) * dep.kvBytesPerSequencePerDevice();
        double reserved = hw.memoryBytes() * (1 - defaults.memoryUtilization());
        MemoryBreakdown mem = new MemoryBreakdown(hw.memoryBytes() / GIB, reserved / GIB, weightsPerDevice / GIB,
            kvPerDevice / GIB, (dep.usableBytesPerDevice() - weightsPerDevice - kvPerDevice) / GIB);
        String where = gpusToFit != null
            ? "it fits on " + gpusToFit + " x " + hw.id()
            : "no number of " + hw.id() + " fits it" + (Planner.maxGpus(hw) < Planner.MAX_GPUS
                ? " (it cannot scale beyond " + Planner.maxGpus(hw) + " device" + (Planner.maxGpus(hw) > 1 ? "s" : "")
                  + (hw.kind() != owsim.catalog.AcceleratorKind.DATACENTER ? ": a " + hw.kind() + " device does not scale beyond one box"
                     : hw.networkGBps() <= 0 ? ": no network between nodes" : "") + ")"
                : "");
        String note = String.format(Locale.ROOT,
            "does not fit on %d x %s: needs %.1f GiB per device (weights %.1f GiB + KV of %d sequence%s of %d tokens %.2f GiB), "
                + "has %.1f GiB usable (%.0f%% of %.1f GiB); missing %.1f GiB per device (%.1f GiB in all); %s",
            g, hw.id(), (weightsPerDevice + kvPerDevice) / GIB, weightsPerDevice / GIB, sequences,
            sequences == 1 ? "" : "s", r.contextTokens(), kvPerDevice / GIB, dep.usableBytesPerDevice() / GIB,
            defaults.memoryUtilization() * 100, hw.memoryBytes() / GIB, missing / GIB, missing * g / GIB, where);
        return new ServeResult(m.id(), hw.id(), g, r.weights().toString(), expertFormat(m, r.weights()), r.kv().toString(), dep.weightBytes() / GIB,
            KvCache.bytesPerToken(m, r.kv()), Math.round(KvCache.bytesPerSequence(m, r.kv(), r.contextTokens())), false,
            dep.maxSequences(), 0, 0, 0, 0, 0, 0, 0, null, null, 0, 0, mem, dep.parallelism(), null, false,
            missing / GIB, gpusToFit, note, AGGREGATED, null);
    }

    /** Time between two tokens of one user: the decode step plus the prefill work that arrives with it. */
    private static double interTokenSeconds(DecodeModel.Prepared decodeStep, int batch, PrefillStall stall) {
        return decodeStep.compute(batch).seconds() + batch * stall.perSequenceStep(batch);
    }

    static final String AGGREGATED = "aggregated";

    private static String expertFormat(ModelSpec m, WeightFormat w) {
        return m.isMoe() ? WeightMemory.expertFormat(m, w).toString() : "";
    }

    /** Blended USD per million tokens of a fitting result at the default output share (rented, else owned). */
    double blendedUsdPerMillion(ServeResult x) {
        double in = x.usdPerMillionInputTokens() != null ? x.usdPerMillionInputTokens() : x.ownedUsdPerMillionInputTokens();
        double out = x.usdPerMillionOutputTokens() != null ? x.usdPerMillionOutputTokens() : x.ownedUsdPerMillionOutputTokens();
        return (1 - defaults.outputShare()) * in + defaults.outputShare() * out;
    }

    /**
     * One subscriber using {@code tokensPerMonth} (input and output at the default output share)
     * served by the request's deployment, against a monthly price. Rented cost when the hardware
     * can be rented, else owned.
     */
    public SubscriberEconomics subscriber(ServeRequest request, double tokensPerMonth, double usdPricePerMonth) {
        owsim.io.Check.nonNegative("tokensPerMonth", tokensPerMonth);
        owsim.io.Check.nonNegative("usdPricePerMonth", usdPricePerMonth);
        ServeResult x = evaluate(request);
        if (!x.fits()) throw new IllegalArgumentException("hardware: " + x.note());
        double perMillion = blendedUsdPerMillion(x);
        double costPerMonth = tokensPerMonth / 1e6 * perMillion;
        return new SubscriberEconomics(x.model(), x.hardware(), x.gpus(), tokensPerMonth, defaults.outputShare(),
            perMillion, costPerMonth, usdPricePerMonth, usdPricePerMonth - costPerMonth,
            usdPricePerMonth / perMillion * 1e6, costPerMonth <= usdPricePerMonth);
    }

    /** {@link #subscriber(ServeRequest, double, double)} with the request's defaults. */
    public SubscriberEconomics subscriber(ModelSpec model, AcceleratorSpec hardware, double tokensPerMonth, double usdPricePerMonth) {
        return subscriber(ServeRequest.of(model, hardware), tokensPerMonth, usdPricePerMonth);
    }

    /** Buy, rent, API and subscription options for a monthly token volume of a model, over the given accelerators. */
    public SelfHostOptions selfHost(ModelSpec model, Collection<AcceleratorSpec> accelerators, double tokensPerMonth) {
        return new SelfHostAdvisor(this, cost, defaults, prices).options(model, accelerators, tokensPerMonth);
    }
}
