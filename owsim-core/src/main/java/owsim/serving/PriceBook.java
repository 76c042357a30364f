package owsim.serving;

import static owsim.io.Check.fraction;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Published API prices of open-weight models, dated, with their cache-hit prices, current list
 * prices next to the historic ones; and subscription plans. Small on purpose: each entry is
 * sourced; models without one are priced at serving cost x markup.
 */
public final class PriceBook {
    /** A flat-fee plan with the monthly token allowance assumed for it. */
    public record Plan(String name, double usdPerMonth, double tokensPerMonth, String source) {}

    /**
     * Share of a user's input tokens served from the provider's prefix cache (0..1): DeepSeek
     * reported that 56.3% of its API's input tokens hit the on-disk KV cache over 24 hours
     * (DeepSeek, "Day 6: DeepSeek-V3/R1 inference system overview", 2025-03-01,
     * github.com/deepseek-ai/open-infra-index). The one published operator figure; used for the
     * API price a user pays.
     */
    public static final double DEEPSEEK_CACHE_HIT_SHARE = 0.563;

    private final List<ApiPrice> prices;
    private final List<Plan> plans;
    private final double cacheHitShare;

    public PriceBook(List<ApiPrice> prices, List<Plan> plans, double cacheHitShare) {
        fraction("cacheHitShare", cacheHitShare);
        this.prices = prices.stream()
            .sorted(Comparator.comparing(ApiPrice::modelId).thenComparing(ApiPrice::effective).thenComparing(ApiPrice::provider))
            .toList();
        this.plans = List.copyOf(plans);
        this.cacheHitShare = cacheHitShare;
    }

    public PriceBook(List<ApiPrice> prices, List<Plan> plans) {
        this(prices, plans, DEEPSEEK_CACHE_HIT_SHARE);
    }

    /** The bundled prices. */
    public static PriceBook standard() {
        String ds = "api-docs.deepseek.com/quick_start/pricing-details-usd";
        String dsNews = "DeepSeek API notices of 2025-08-21 and 2025-09-29 as quoted by skywork.ai/blog and benchlm.ai/blog/posts/deepseek-api-pricing";
        return new PriceBook(
            List.of(
                // DeepSeek: the deepseek-chat and deepseek-reasoner endpoints, same 671B architecture throughout.
                new ApiPrice("deepseek-v3", "DeepSeek API (deepseek-chat, V3)", "2025-02-08", 0.27, 0.07, 1.10, ds + ", prices in the published production cost figures"),
                new ApiPrice("deepseek-v3", "DeepSeek API (deepseek-chat, V3.1)", "2025-09-05", 0.56, 0.07, 1.68, dsNews),
                new ApiPrice("deepseek-v3", "DeepSeek API (deepseek-chat, V3.2)", "2025-09-29", 0.28, 0.028, 0.42, dsNews + "; still current April 2026"),
                new ApiPrice("deepseek-r1", "DeepSeek API (deepseek-reasoner, R1)", "2025-02-08", 0.55, 0.14, 2.19, ds),
                new ApiPrice("deepseek-r1", "DeepSeek API (deepseek-reasoner, V3.1 thinking)", "2025-09-05", 0.56, 0.07, 1.68, dsNews),
                new ApiPrice("deepseek-r1", "DeepSeek API (deepseek-reasoner, V3.2 thinking)", "2025-09-29", 0.28, 0.028, 0.42, dsNews),
                new ApiPrice("kimi-k2", "Moonshot API (kimi-k2-0711-preview)", "2025-07-11", 0.60, 0.15, 2.50,
                    "platform.moonshot.ai/docs/pricing/chat (archived 2026-03-26): cache hit / miss / output, 128K context"),
                new ApiPrice("kimi-k2", "Moonshot API (kimi-k2-0905-preview)", "2025-09-05", 0.60, 0.15, 2.50,
                    "platform.moonshot.ai/docs/pricing/chat (archived 2026-03-26), 256K context"),
                new ApiPrice("glm-4.5", "Z.ai API (glm-4.5)", "2025-07-28", 0.60, 0.11, 2.20,
                    "docs.z.ai/guides/overview/pricing as transcribed in ryoppippi/ccusage commit 72e2372 (cache read 0.11); wavespeed.ai lists the same 0.60 / 2.20"),
                new ApiPrice("qwen3-235b-a22b", "Venice API (Qwen3-235B-A22B Thinking 2507)", "2026-01", 0.45, 0.45, 3.50,
                    "docs.venice.ai/models (related-model list, 2026); no cache discount listed"),
                new ApiPrice("gpt-oss-120b", "Cerebras", "2025-08", 0.25, 0.25, 0.69,
                    "inference-docs.cerebras.ai/models/openai-oss, earlier listing; no cache discount listed"),
                new ApiPrice("gpt-oss-120b", "Cerebras", "2026-06", 0.35, 0.35, 0.75,
                    "inference-docs.cerebras.ai/models/openai-oss, current listing; no cache discount listed"),
                new ApiPrice("gpt-oss-120b", "KeepRouter (at host cost)", "2026-06", 0.15, 0.15, 0.60,
                    "keeprouter.com/models/gpt-oss-120b (2026); the $0.15 / $0.60 most gpt-oss hosts list")),
            List.of(
                // Allowances are not published; the figures are assumptions sized from the plans' usage guides.
                new Plan("chat-plus", 20, 10e6, "ChatGPT Plus / Claude Pro $20/month; assumption: ~10M tokens/month before caps bind (about 40-80 h of use a week at a few thousand tokens a minute of chat)"),
                new Plan("chat-max", 200, 200e6, "ChatGPT Pro / Claude Max 20x $200/month; assumption: ~200M tokens/month for a heavy coding-agent user within the weekly caps")));
    }

    /**
     * The model's current list price: each provider's latest price, and of those the cheapest
     * at the default traffic shape (a quarter output) and this book's cache-hit share.
     */
    public Optional<ApiPrice> api(String modelId) {
        Map<String, ApiPrice> latest = new LinkedHashMap<>();
        for (ApiPrice p : prices) if (p.modelId().equals(modelId)) latest.put(p.provider().replaceAll(" \\(.*", ""), p);
        return latest.values().stream().min(Comparator.comparingDouble((ApiPrice p) -> p.blendedUsdPerMillion(0.25, cacheHitShare))
            .thenComparing(ApiPrice::provider));
    }

    /** Every price of the model, oldest first: the history next to the current one. */
    public List<ApiPrice> history(String modelId) {
        return prices.stream().filter(p -> p.modelId().equals(modelId)).toList();
    }

    /** All prices, by model then date. */
    public List<ApiPrice> prices() { return prices; }

    /** Share of input tokens a user of an API gets at the cache-hit price. */
    public double cacheHitShare() { return cacheHitShare; }

    public List<Plan> plans() { return plans; }
}
