package owsim.serving;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;
import owsim.io.Check;

/**
 * Compares ways to get a monthly token volume of one model: buy accelerators, rent them around
 * the clock, pay an API, or a subscription. Buy and rent size the fleet to carry the volume at
 * the default utilization (whole deployments, at least one) and take the cheapest accelerator
 * and weight format (native, or FP8 when smaller) that fits.
 */
final class SelfHostAdvisor {
    /**
     * Most accelerators one answer may rent or buy: ten times the largest clusters announced by 2025
     * (about 10^5-10^6 devices). A volume that needs more is reported as not feasible on that hardware
     * rather than counted into an int that wraps around to a negative fleet.
     */
    static final long MAX_FLEET_DEVICES = 10_000_000;

    private final ServingEngine engine;
    private final CostModel cost;
    private final ServingDefaults d;
    private final PriceBook prices;

    SelfHostAdvisor(ServingEngine engine, CostModel cost, ServingDefaults d, PriceBook prices) {
        this.engine = engine;
        this.cost = cost;
        this.d = d;
        this.prices = prices;
    }

    SelfHostOptions options(ModelSpec model, Collection<AcceleratorSpec> accelerators, double tokensPerMonth) {
        Check.positive("tokensPerMonth", tokensPerMonth);
        Check.range("tokensPerMonth", tokensPerMonth, 0, 1e16);
        SelfHostOption bestBuy = null;
        SelfHostOption bestRent = null;
        double cheapestServingUsdPerMillion = Double.POSITIVE_INFINITY;
        boolean tooLarge = false;
        for (AcceleratorSpec hw : accelerators) {
            for (WeightFormat w : formats(model)) {
                ServeRequest req = ServeRequest.of(model, hw).withFormats(w, KvFormat.BF16);
                // A self-hoster buys or rents the smallest deployment that holds the model (in its best layout),
                // not the wide expert-parallel fleet a large host runs.
                ServeResult smallest = engine.evaluate(req.withBatch(1));
                if (!smallest.fits()) continue;
                ServeResult x = engine.evaluate(req.withGpus(smallest.gpus()));
                if (!x.fits()) continue;
                if (x.usdPerMillionInputTokens() != null) {
                    cheapestServingUsdPerMillion = Math.min(cheapestServingUsdPerMillion, engine.blendedUsdPerMillion(x));
                }
                int g = x.gpus();
                double secPerToken = (1 - d.outputShare()) / (x.prefillTokensPerSecondPerGpu() * g)
                    + d.outputShare() / (x.decodeTokensPerSecondPerGpu() * g);
                double busySeconds = tokensPerMonth * secPerToken;
                // double -> long saturates instead of wrapping; the bound keeps replicas x g exact and within int.
                long fleet = (long) Math.max(1, Math.ceil(busySeconds / (CostModel.SECONDS_PER_MONTH * ServeRequest.DEFAULT_UTILIZATION)));
                if (fleet > MAX_FLEET_DEVICES / g) {
                    tooLarge = true;
                    continue;
                }
                int replicas = (int) fleet;
                int devices = replicas * g;
                double util = Math.min(1, busySeconds / (replicas * CostModel.SECONDS_PER_MONTH));
                String how = String.format(Locale.ROOT, "%d deployment%s of %d x %s, %s weights, busy %.0f%%",
                    replicas, replicas == 1 ? "" : "s", g, hw.id(), w, util * 100);

                if (hw.purchasable()) {
                    double upfront = devices * hw.purchaseUsd();
                    double running = cost.ownedMonthlyUsd(hw, devices, util);
                    double amortised = upfront / (d.amortisationYears() * 12);
                    double perMonth = amortised + running;
                    String hosting = hw.atHome() ? "; at home, no colocation fee" : "";
                    // The monthly figure is all-in, as its $/M: the purchase spread over the amortisation years plus running costs.
                    SelfHostOption buy = new SelfHostOption("buy", hw.id(), devices, upfront, amortised, perMonth,
                        perMonth / tokensPerMonth * 1e6, true, how + "; purchase amortised over " + d.amortisationYears() + " years" + hosting);
                    if (bestBuy == null || perMonth < bestBuy.monthlyUsd()) bestBuy = buy;
                }

                if (hw.rentable()) {
                    double rent = devices * hw.rentalUsdPerHour() * CostModel.SECONDS_PER_MONTH / 3600;
                    SelfHostOption r = new SelfHostOption("rent", hw.id(), devices, 0, 0, rent, rent / tokensPerMonth * 1e6,
                        true, how + "; rented around the clock at $" + hw.rentalUsdPerHour() + "/device-hour");
                    if (bestRent == null || rent < bestRent.monthlyUsd()) bestRent = r;
                }
            }
        }
        List<SelfHostOption> out = new ArrayList<>();
        String tooMany = String.format(Locale.ROOT, "the volume needs more than %,d devices of every accelerator that holds the model", MAX_FLEET_DEVICES);
        out.add(bestBuy != null ? bestBuy : infeasible("buy", tooLarge ? tooMany : "no accelerator for sale among those given holds the model"));
        out.add(bestRent != null ? bestRent : infeasible("rent", tooLarge ? tooMany : "no rentable accelerator among those given holds the model"));
        out.add(api(model, tokensPerMonth, cheapestServingUsdPerMillion));
        out.add(subscription(tokensPerMonth));
        out.sort(Comparator.comparing((SelfHostOption o) -> !o.feasible()).thenComparingDouble(SelfHostOption::monthlyUsd));
        return new SelfHostOptions(model.id(), tokensPerMonth, d.outputShare(), out);
    }

    private static List<WeightFormat> formats(ModelSpec m) {
        return m.nativeWeights().bitsPerWeight() > WeightFormat.FP8.bitsPerWeight()
            ? List.of(m.nativeWeights(), WeightFormat.FP8) : List.of(m.nativeWeights());
    }

    private SelfHostOption api(ModelSpec model, double tokensPerMonth, double cheapestServing) {
        Optional<ApiPrice> listed = prices.api(model.id());
        if (listed.isPresent()) {
            double perMillion = listed.get().blendedUsdPerMillion(d.outputShare(), prices.cacheHitShare());
            return new SelfHostOption("api", "", 0, 0, 0, tokensPerMonth / 1e6 * perMillion, perMillion, true,
                String.format(Locale.ROOT, "list price, %.0f%% of input at the cache-hit price: %s",
                    prices.cacheHitShare() * 100, listed.get().describe()));
        }
        if (Double.isInfinite(cheapestServing)) return infeasible("api", "no list price and no rentable hardware to price a host");
        double perMillion = cheapestServing * d.apiMarkup();
        return new SelfHostOption("api", "", 0, 0, 0, tokensPerMonth / 1e6 * perMillion, perMillion, true,
            String.format(Locale.ROOT, "no list price: third-party host at %.2fx its rented serving cost", d.apiMarkup()));
    }

    private SelfHostOption subscription(double tokensPerMonth) {
        PriceBook.Plan biggest = null;
        for (PriceBook.Plan p : prices.plans()) {
            if (p.tokensPerMonth() >= tokensPerMonth) {
                return new SelfHostOption("subscription", "", 0, 0, 0, p.usdPerMonth(), p.usdPerMonth() / tokensPerMonth * 1e6,
                    true, p.name() + ": " + p.source());
            }
            if (biggest == null || p.tokensPerMonth() > biggest.tokensPerMonth()) biggest = p;
        }
        if (biggest == null) return infeasible("subscription", "no plans in the price book");
        return new SelfHostOption("subscription", "", 0, 0, 0, biggest.usdPerMonth(), biggest.usdPerMonth() / tokensPerMonth * 1e6,
            false, String.format(Locale.ROOT, "exceeds the largest plan's allowance (%s: %.0fM tokens/month, %s)",
                biggest.name(), biggest.tokensPerMonth() / 1e6, biggest.source()));
    }

    private static SelfHostOption infeasible(String option, String why) {
        return new SelfHostOption(option, "", 0, 0, 0, 0, 0, false, why);
    }
}
