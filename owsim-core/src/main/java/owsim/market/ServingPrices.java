package owsim.market;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;
import owsim.serving.KvFormat;
import owsim.serving.ServeRequest;
import owsim.serving.ServeResult;
import owsim.serving.ServingEngine;
import owsim.serving.ServingMode;
import owsim.serving.ServingPareto;

/**
 * The market's only door to the serving engine: every per-token cost, deployment size and
 * "does it fit" answer the market uses comes from here, so the market never holds a second copy
 * of a serving formula. Answers are memoised by architecture and hardware: a release is priced
 * once, not every month, and an engine reused across runs prices a repeated architecture once,
 * whatever the ids of the models that have it ({@link Architectures}).
 */
final class ServingPrices {
    /** Context a self-hoster needs room for, tokens (assumption: a 4k-token chat turn). */
    static final int SELF_HOST_CONTEXT_TOKENS = 4096;
    /** Hours in a month (8,760 / 12). */
    static final double HOURS_PER_MONTH = 730;

    private final ServingEngine engine;
    private final ServingPareto layouts;
    private final double inputShare;
    private final Architectures architectures = new Architectures();
    private final Map<Key, FleetPrice> fleet = new ConcurrentHashMap<>();
    private final Map<Key, CardPrice> cards = new ConcurrentHashMap<>();
    private final Map<Sized, AcceleratorSpec> sizedCards = new ConcurrentHashMap<>();

    public ServingPrices(ServingEngine engine, double inputShare) {
        this.engine = engine;
        this.layouts = new ServingPareto(engine);
        this.inputShare = inputShare;
    }

    /**
     * Answers remembered so far (fleets, cards, sized cards, architectures): what a long-lived owner (the web app's shared engine)
     * reads to start afresh before its memory grows without end.
     */
    public int memoised() {
        return fleet.size() + cards.size() + sizedCards.size() + architectures.size();
    }

    /**
     * A model on hardware, compared by identity: specs are immutable, the catalog's and the engine's
     * scaled models are shared instances, and a record's own hash walks every field (lists of
     * sources included) on each of the thousands of lookups a sweep makes.
     */
    private record Key(ModelSpec model, AcceleratorSpec hardware, double minUserTokensPerSecond) {
        Key(ModelSpec model, AcceleratorSpec hardware) { this(model, hardware, 0); }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.model == model && k.hardware == hardware
                && Double.compare(k.minUserTokensPerSecond, minUserTokensPerSecond) == 0;
        }

        @Override public int hashCode() {
            return 31 * (31 * System.identityHashCode(model) + System.identityHashCode(hardware)) + Double.hashCode(minUserTokensPerSecond);
        }
    }

    /** A consumer card at one memory size, made once (by identity of the catalog's card). */
    private record Sized(AcceleratorSpec card, double vramGB) {
        @Override public boolean equals(Object o) {
            return o instanceof Sized k && k.card == card && Double.compare(k.vramGB, vramGB) == 0;
        }

        @Override public int hashCode() {
            return 31 * System.identityHashCode(card) + Double.hashCode(vramGB);
        }
    }

    /**
     * A model on a data-centre fleet at a service level: the cheapest layout and batch whose
     * per-user speed meets the floor (with no floor, the max-throughput batch of the smallest
     * deployment).
     *
     * @param fits whether any number of these accelerators holds it
     * @param gpus accelerators in the deployment priced
     * @param batch concurrent sequences per deployment at that point
     * @param userTokensPerSecond output tokens/s each user sees there
     * @param meetsFloor whether it meets the floor (false: not even one sequence does, and the fastest layout is priced)
     * @param rentedUsdPerToken blended input/output cost per token on rented devices (owned when not rentable)
     * @param ownedUsdPerToken blended cost per token on owned devices
     * @param deploymentUsdPerMonth rent of the smallest deployment for a month, busy or not
     */
    public record FleetPrice(boolean fits, int gpus, int batch, double userTokensPerSecond, boolean meetsFloor,
                             double rentedUsdPerToken, double ownedUsdPerToken, double deploymentUsdPerMonth) {
        public double usdPerToken(boolean owned) { return owned ? ownedUsdPerToken : rentedUsdPerToken; }
    }

    /** A model on one user's card, quantised to 4 bits, one sequence at a time. */
    public record CardPrice(boolean fits, double usdPerToken) {}

    /** Cost of serving this architecture on this data-centre hardware at its max-throughput point. */
    public FleetPrice fleet(ModelSpec model, AcceleratorSpec hw) {
        return fleet(model, hw, 0);
    }

    /** Cost of serving this architecture on this hardware at the cheapest point where each user sees at least {@code minUserTokensPerSecond}. */
    public FleetPrice fleet(ModelSpec model, AcceleratorSpec hw, double minUserTokensPerSecond) {
        return fleetOfArchitecture(architecture(model), hw, minUserTokensPerSecond);
    }

    /**
     * The one instance of a model's architecture ({@link Architectures}), which the two methods
     * below take: a caller that prices one model many times (a release, on every card size of
     * every segment) looks it up once instead of on every call.
     */
    ModelSpec architecture(ModelSpec model) {
        return architectures.of(model);
    }

    /** {@link #fleet(ModelSpec, AcceleratorSpec, double)} of an instance from {@link #architecture}. */
    FleetPrice fleetOfArchitecture(ModelSpec arch, AcceleratorSpec hw, double minUserTokensPerSecond) {
        return memo(fleet, new Key(arch, hw, minUserTokensPerSecond), k -> priceFleet(arch, hw, minUserTokensPerSecond));
    }

    /**
     * Of the given data-centre accelerators, the one that serves this architecture at the lowest
     * cost per token at the speed floor (owned or rented), or null when none holds it. Ties keep
     * the earlier in the list.
     */
    public AcceleratorSpec cheapestFleet(ModelSpec model, java.util.List<AcceleratorSpec> candidates, double minUserTokensPerSecond, boolean owned) {
        AcceleratorSpec best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (AcceleratorSpec hw : candidates) {
            FleetPrice p = fleet(model, hw, minUserTokensPerSecond);
            double cost = p.usdPerToken(owned);
            if (p.fits() && cost < bestCost) {
                best = hw;
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * The memoised value, read without a lock when present: on a hit, computeIfAbsent still locks
     * the hash bin when the key is not its first entry, and two sweep threads pricing the same
     * few cards then queued on that lock (a tenth of a sweep's time).
     */
    private static <K, V> V memo(Map<K, V> map, K key, java.util.function.Function<K, V> compute) {
        V v = map.get(key);
        return v != null ? v : map.computeIfAbsent(key, compute);
    }

    private FleetPrice priceFleet(ModelSpec model, AcceleratorSpec hw, double minUserTokensPerSecond) {
        // Aggregated: the cheapest deployment size that meets the speed floor.
        ServeRequest request = ServeRequest.of(model, hw).withServing(ServingMode.AGGREGATED);
        if (hw.fp8Tflops() > 0 && model.nativeWeights().bitsPerWeight() > WeightFormat.FP8.bitsPerWeight()) {
            // A lab quantises its own fleet's wider weights to FP8 where the hardware multiplies FP8, as
            // DeepSeek serves V3/R1 in FP8 on H800 (open-infra-index, Day 6); narrower experts stay as shipped.
            request = request.withFormats(WeightFormat.FP8, request.kv());
        }
        ServeResult r = minUserTokensPerSecond > 0
            ? layouts.cheapestMeeting(request, minUserTokensPerSecond, this::rentedOrOwned)
            : engine.evaluate(request);
        // A lab serving at scale on hardware with a scale-out network can split prefill and decode
        // into pools, as the large MoE providers do; it does when that meets the floor for less.
        ServeResult split = engine.disaggregatedOrNull(request.withMinUserTokensPerSecond(minUserTokensPerSecond));
        if (split != null && split.fits() && split.meetsUserTarget() && (r == null || !r.fits() || rentedOrOwned(split) < rentedOrOwned(r))) r = split;
        if (r == null || !r.fits()) {
            return new FleetPrice(false, 0, 0, 0, false, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double owned = blend(r.ownedUsdPerMillionInputTokens(), r.ownedUsdPerMillionOutputTokens());
        double monthly = hw.rentable() ? r.gpus() * hw.rentalUsdPerHour() * HOURS_PER_MONTH : Double.POSITIVE_INFINITY;
        return new FleetPrice(true, r.gpus(), r.batch(), r.decodeTokensPerSecondPerUser(), r.meetsUserTarget(), rentedOrOwned(r), owned, monthly);
    }

    /** Blended cost per token of a fitting result: rented, or owned when the hardware cannot be rented. */
    private double rentedOrOwned(ServeResult r) {
        return r.usdPerMillionInputTokens() == null
            ? blend(r.ownedUsdPerMillionInputTokens(), r.ownedUsdPerMillionOutputTokens())
            : blend(r.usdPerMillionInputTokens(), r.usdPerMillionOutputTokens());
    }

    /** A card of {@code vramGB}, otherwise like {@code card}: one instance per size, so it can key {@link #card}. */
    public AcceleratorSpec sizedCard(AcceleratorSpec card, double vramGB) {
        return memo(sizedCards, new Sized(card, vramGB), k -> withMemory(card, vramGB));
    }

    /** Whether a user with this card (from {@link #sizedCard}) can run the model at 4 bits, and at what cost per token. */
    public CardPrice card(ModelSpec model, AcceleratorSpec sizedCard) {
        return cardOfArchitecture(architecture(model), sizedCard);
    }

    /** {@link #card(ModelSpec, AcceleratorSpec)} of an instance from {@link #architecture}. */
    CardPrice cardOfArchitecture(ModelSpec arch, AcceleratorSpec sizedCard) {
        return memo(cards, new Key(arch, sizedCard), k -> priceCard(arch, sizedCard));
    }

    private CardPrice priceCard(ModelSpec model, AcceleratorSpec card) {
        ServeRequest req = ServeRequest.of(model, card).withGpus(1).withFormats(WeightFormat.INT4, KvFormat.BF16)
            .withTokens(SELF_HOST_CONTEXT_TOKENS / 2, SELF_HOST_CONTEXT_TOKENS / 2).withBatch(1);
        ServeResult r = engine.evaluate(req);
        if (!r.fits()) return new CardPrice(false, Double.POSITIVE_INFINITY);
        return new CardPrice(true, blend(r.ownedUsdPerMillionInputTokens(), r.ownedUsdPerMillionOutputTokens()));
    }

    private double blend(double inPerMillion, double outPerMillion) {
        return (inputShare * inPerMillion + (1 - inputShare) * outPerMillion) / 1e6;
    }

    private static AcceleratorSpec withMemory(AcceleratorSpec c, double gb) {
        if (c.memoryGB() == gb) return c;
        return new AcceleratorSpec(c.id() + "-" + Math.round(gb) + "gb", c.name(), c.vendor(), AcceleratorKind.CONSUMER, gb,
            c.memoryBandwidthGBps(), c.bf16Tflops(), c.fp8Tflops(), c.int8Tops(), c.fp4Tflops(), 1, c.interconnectGBps(),
            c.networkGBps(), c.powerWatts(), c.purchaseUsd(), c.rentalUsdPerHour(), c.sources(), c.notes());
    }
}
