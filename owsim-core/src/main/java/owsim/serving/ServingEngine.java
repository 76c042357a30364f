package owsim.serving;

import java.util.Collection;
import java.util.Locale;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

/**
 * The serving engine: memory, placement, throughput and cost per token of a model on an
 * accelerator, and the economics built on them. Stateless beyond its immutable defaults and
 * price book, so one instance can be shared by threads.
 */
public final class ServingEngine {
    static final double GIB = 1024.0 * 1024 * 1024;

    private final ServingDefaults defaults;
    private final PriceBook prices;
    private final Planner planner;
    private final DecodeModel decode;
    private final PrefillModel prefill;
    private final CostModel cost;

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
    }

    public ServingDefaults defaults() { return defaults; }

    public PriceBook prices() { return prices; }

    /** Places, times and prices one request. */
    public ServeResult evaluate(ServeRequest r) {
        ModelSpec m = r.model();
        AcceleratorSpec hw = r.hardware();
        ModelShape s = new ModelShape(m);
        WeightFormat w = r.weights();
        double ctx = r.contextTokens();
        int required = r.batch() > 0 ? r.batch() : 1;

        Deployment fewest = planner.fewest(m, s, hw, w, r.kv(), ctx, required);
        Deployment dep;
        if (r.gpus() > 0) {
            dep = planner.place(m, s, hw, w, r.kv(), ctx, r.gpus());
            if (dep.parallelism().nodes() > 1 && hw.networkGBps() <= 0) {
                throw new IllegalArgumentException("gpus: " + r.gpus() + " x " + hw.id() + " span " + dep.parallelism().nodes()
                    + " nodes, but " + hw.id() + " has no network between nodes (at most " + dep.parallelism().tensor() + ")");
            }
        } else {
            // Nothing fits: report against the largest box (or 64 data-centre devices) to say what is missing.
            dep = fewest != null ? fewest : planner.place(m, s, hw, w, r.kv(), ctx, Math.min(Planner.maxGpus(hw), 64));
        }
        Integer gpusToFit = fewest == null ? null : fewest.gpus();
        if (!dep.fits(required)) return notFitting(r, s, dep, required, gpusToFit);

        double kvRead = r.kvLenTokens() > 0 ? r.kvLenTokens() : r.promptTokens() + r.outputTokens() / 2.0;
        int g = dep.gpus();
        double prefillSecPerToken = prefill.secondsPerToken(m, s, hw, w, g, r.promptTokens());
        double uncachedShare = 1 - r.cacheHitShare();
        // In steady-state continuous batching, b sequences finishing every outputTokens steps bring
        // b / outputTokens new prompts per step, whose prefill stalls every user's next token.
        double prefillPerSequenceStep = uncachedShare * r.promptTokens() / (double) r.outputTokens() * prefillSecPerToken;
        int maxBatch = (int) Math.min(dep.maxSequences(), defaults.maxBatch());
        int b;
        boolean meets = true;
        if (r.batch() > 0) {
            b = r.batch();
        } else if (r.minUserTokensPerSecond() > 0) {
            double target = r.minUserTokensPerSecond();
            if (1.0 / interTokenSeconds(m, s, hw, w, r.kv(), dep, 1, kvRead, prefillPerSequenceStep) < target) {
                b = 1;
                meets = false;
            } else {
                int lo = 1;
                int hi = maxBatch;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (1.0 / interTokenSeconds(m, s, hw, w, r.kv(), dep, mid, kvRead, prefillPerSequenceStep) >= target) lo = mid;
                    else hi = mid - 1;
                }
                b = lo;
            }
        } else {
            b = maxBatch;
        }

        DecodeModel.Step step = decode.step(m, s, hw, w, r.kv(), dep, b, kvRead);
        double interToken = step.seconds() + b * prefillPerSequenceStep;
        double decodeSecPerToken = step.seconds() / b;
        double secPerOutputToken = decodeSecPerToken + prefillPerSequenceStep;
        double ttft = prefill.ttftSeconds(m, s, hw, w, dep, r.promptTokens(), r.cacheHitShare());

        double rented = cost.rentedUsdPerBusySecond(hw, g, r.utilization());
        double owned = cost.ownedUsdPerBusySecond(hw, g, r.utilization());
        double inputSec = uncachedShare * prefillSecPerToken;

        double weightsPerDevice = dep.weightBytes() / g;
        double kvPerDevice = b * dep.kvBytesPerSequence() / g;
        double reserved = hw.memoryBytes() * (1 - defaults.memoryUtilization());
        MemoryBreakdown mem = new MemoryBreakdown(hw.memoryBytes() / GIB, reserved / GIB, weightsPerDevice / GIB,
            kvPerDevice / GIB, (dep.usableBytesPerDevice() - weightsPerDevice - kvPerDevice) / GIB);

        String note = null;
        if (!meets) {
            note = String.format(Locale.ROOT, "even one sequence decodes at %.1f tok/s, below the %.1f tok/s target",
                1 / interToken, r.minUserTokensPerSecond());
        } else if (r.gpus() > 0 && gpusToFit != null && gpusToFit < g) {
            note = "fewer accelerators would fit: " + gpusToFit;
        }
        return new ServeResult(m.id(), hw.id(), g, w.toString(), expertFormat(m, w), r.kv().toString(), dep.weightBytes() / GIB,
            KvCache.bytesPerToken(m, r.kv()), Math.round(KvCache.bytesPerSequence(m, r.kv(), ctx)), true,
            dep.maxSequences(), b,
            1 / (prefillSecPerToken * g), b / step.seconds() / g, 1 / interToken, 1 / secPerOutputToken / g,
            ttft * 1000, interToken * 1000,
            Double.isNaN(rented) ? null : rented * inputSec * 1e6,
            Double.isNaN(rented) ? null : rented * decodeSecPerToken * 1e6,
            owned * inputSec * 1e6, owned * decodeSecPerToken * 1e6,
            mem, dep.parallelism(), step.memoryBound() ? "memory" : "compute", meets, 0, gpusToFit, note);
    }

    private ServeResult notFitting(ServeRequest r, ModelShape s, Deployment dep, int sequences, Integer gpusToFit) {
        AcceleratorSpec hw = r.hardware();
        ModelSpec m = r.model();
        int g = dep.gpus();
        double missing = dep.missingBytesPerDevice(sequences);
        double weightsPerDevice = dep.weightBytes() / g;
        double kvPerDevice = sequences * dep.kvBytesPerSequence() / g;
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
            missing / GIB, gpusToFit, note);
    }

    /** Time between two tokens of one user: the decode step plus the prefill work that arrives with it. */
    private double interTokenSeconds(ModelSpec m, ModelShape s, AcceleratorSpec hw, WeightFormat w, KvFormat kv,
                                     Deployment dep, int batch, double kvRead, double prefillPerSequenceStep) {
        return decode.step(m, s, hw, w, kv, dep, batch, kvRead).seconds() + batch * prefillPerSequenceStep;
    }

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
