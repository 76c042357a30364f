package owsim.serving;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Published API prices of open-weight models (first-party list prices) and subscription plans.
 * Small on purpose: each entry is sourced; models without one are priced at serving cost x markup.
 */
public final class PriceBook {
    /** A flat-fee plan with the monthly token allowance assumed for it. */
    public record Plan(String name, double usdPerMonth, double tokensPerMonth, String source) {}

    private final Map<String, ApiPrice> prices;
    private final List<Plan> plans;

    public PriceBook(List<ApiPrice> prices, List<Plan> plans) {
        this.prices = prices.stream().collect(Collectors.toUnmodifiableMap(ApiPrice::modelId, Function.identity()));
        this.plans = List.copyOf(plans);
    }

    /** The bundled prices. */
    public static PriceBook standard() {
        String ds = "api-docs.deepseek.com/quick_start/pricing-details-usd, prices from 2025-02-08 (V3.2 from 2025-09-29 is lower: 0.028 / 0.28 / 0.42)";
        return new PriceBook(
            List.of(
                new ApiPrice("deepseek-v3", 0.27, 0.07, 1.10, "deepseek-chat: " + ds),
                new ApiPrice("deepseek-r1", 0.55, 0.14, 2.19, "deepseek-reasoner: " + ds)),
            List.of(
                // Allowances are not published; the figures are assumptions sized from the plans' usage guides.
                new Plan("chat-plus", 20, 10e6, "ChatGPT Plus / Claude Pro $20/month; assumption: ~10M tokens/month before caps bind (about 40-80 h of use a week at a few thousand tokens a minute of chat)"),
                new Plan("chat-max", 200, 200e6, "ChatGPT Pro / Claude Max 20x $200/month; assumption: ~200M tokens/month for a heavy coding-agent user within the weekly caps")));
    }

    public Optional<ApiPrice> api(String modelId) {
        return Optional.ofNullable(prices.get(modelId));
    }

    public List<Plan> plans() { return plans; }
}
