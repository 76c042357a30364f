package owsim.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import owsim.scenario.OptionKind;

/**
 * The run's outputs, declared apart from the step: one list of named metrics (the contract's
 * names) that every engine records each month.
 */
final class Metrics {
    private Metrics() {}

    /**
     * Every metric of a run of this world. The metrics read only the state, so worlds with the same
     * labs, segments and hosts (the runs of an experiment) can share one list: see {@link Cache}.
     */
    public static List<Metric> of(World w) {
        List<Metric> m = new ArrayList<>();
        for (int i = 0; i < w.labs; i++) {
            final int lab = i;
            String id = w.scenario.labs().get(i).id();
            m.add(new Metric(id, MetricNames.CAPABILITY, "log10 FLOP", s -> s.frontier(lab) == null ? 0 : s.frontier(lab).capability));
            m.add(new Metric(id, MetricNames.USERS, "users", s -> s.users(lab)));
            for (OptionKind k : OptionKind.values()) {
                m.add(new Metric(id, MetricNames.users(k), "users", s -> s.usersByKind[lab * OptionKind.COUNT + k.ordinal()]));
            }
            m.add(new Metric(id, MetricNames.TOKENS, "tokens/month", s -> s.tokens[lab]));
            m.add(new Metric(id, MetricNames.REVENUE_USD, "USD/month", s -> s.revenue[lab] + s.harvestRevenue[lab]));
            m.add(new Metric(id, MetricNames.SERVING_COST_USD, "USD/month", s -> s.servingCost[lab]));
            m.add(new Metric(id, MetricNames.DISTILLATION_BURDEN_USD, "USD/month", s -> s.burden[lab]));
            m.add(new Metric(id, MetricNames.HARVEST_REVENUE_USD, "USD/month", s -> s.harvestRevenue[lab]));
            m.add(new Metric(id, MetricNames.HARVEST_SPEND_USD, "USD/month", s -> s.harvestSpend[lab]));
            m.add(new Metric(id, MetricNames.TRAINING_SPEND_USD, "USD/month", s -> s.trainingSpend[lab]));
            m.add(new Metric(id, MetricNames.MARKETING_USD, "USD/month", s -> s.marketing[lab]));
            m.add(new Metric(id, MetricNames.SALARIES_USD, "USD/month", s -> s.salaries[lab]));
            m.add(new Metric(id, MetricNames.RESEARCHERS, "researchers", s -> s.researchers[lab]));
            m.add(new Metric(id, MetricNames.CASH_USD, "USD", s -> s.cash[lab]));
            m.add(new Metric(id, MetricNames.PROFIT_USD, "USD/month", s -> s.profit[lab]));
            m.add(new Metric(id, MetricNames.AWARENESS, "share", s -> {
                double a = 0;
                double p = 0;
                for (int g = 0; g < s.segments; g++) {
                    a += s.awareness(g, lab) * s.population[g];
                    p += s.population[g];
                }
                return p > 0 ? a / p : 0;
            }));
            m.add(new Metric(id, MetricNames.DERIVATIVES, "models", s -> s.derivatives[lab]));
            m.add(new Metric(id, MetricNames.PRESTIGE, "index", s -> s.prestige[lab]));
            m.add(new Metric(id, MetricNames.ALGORITHMIC_EFFICIENCY, "ln A", s -> s.lnA[lab]));
            m.add(new Metric(id, MetricNames.SPILLOVER_LN_A, "ln A", s -> s.spilloverLnA[lab]));
            m.add(new Metric(id, MetricNames.POTENTIAL_CAPABILITY, "log10 FLOP", s -> s.potentialCapability(lab)));
            m.add(new Metric(id, MetricNames.SUBSCRIBER_LOSS_SHARE, "share", s -> {
                double subs = s.usersByKind[lab * OptionKind.COUNT + OptionKind.SUBSCRIPTION.ordinal()];
                return subs > 0 ? s.subLossUsers[lab] / subs : 0;
            }));
            m.add(new Metric(id, MetricNames.SUBSCRIPTION_USD_PER_TOKEN, "USD/token", s -> s.subscriptionUsdPerToken[lab]));
            m.add(new Metric(id, MetricNames.FRONTIER_ACTIVE_PARAMS, "params", s -> s.frontier(lab) == null ? 0 : s.frontier(lab).activeParams));
            m.add(new Metric(id, MetricNames.OPEN_WEIGHTS, "0/1", s -> s.frontier(lab) != null && s.frontier(lab).isOpen() ? 1 : 0));
            if (Financing.on(w)) { // only with financing on, so a run without it keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.PLANNED_TRAINING_SPEND_USD, "USD/month", s -> s.plannedTrainingSpend[lab]));
                m.add(new Metric(id, MetricNames.RAISED_USD, "USD/month", s -> s.raised[lab]));
                m.add(new Metric(id, MetricNames.EXITED, "0/1", s -> s.exited[lab] ? 1 : 0));
            }
            if (Advertising.on(w)) { // only with ads, so a run without them keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.AD_REVENUE_USD, "USD/month", s -> s.adRevenue[lab]));
            }
            if (ParentApps.on(w)) { // only with a parent's value, so a run without it keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.PARENT_APPS_REVENUE_USD, "USD/month", s -> s.parentAppsRevenue[lab]));
            }
            if (CloudHosting.on(w)) { // only with a lab's cloud, so a run without it keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.CLOUD_HOSTING_REVENUE_USD, "USD/month", s -> s.cloudHostingRevenue[lab]));
            }
            if (EnterpriseContracts.on(w)) { // only with contracts, so a run without them keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.ENTERPRISE_SEATS, "seats", s -> s.enterpriseSeats[lab]));
                m.add(new Metric(id, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD, "USD/month", s -> s.enterpriseContractsRevenue[lab]));
            }
            if (ProPlans.on(w)) { // only when a lab offers a pro plan, so a run without one keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.PRO_SUBSCRIBERS, "users", s -> s.proSubscribers[lab]));
                m.add(new Metric(id, MetricNames.PRO_REVENUE_USD, "USD/month", s -> s.proRevenue[lab]));
            }
            // Only when users multi-home or use a placed assistant, so a run without both keeps its outputs
            // byte for byte; the one that is off adds its +0 to the sum, which leaves it the same double.
            if (MultiHoming.on(w) || PlacedAssistants.on(w)) {
                m.add(new Metric(id, MetricNames.MONTHLY_USERS, "users", s -> s.users(lab) + s.secondUsers[lab] + s.placedUsers[lab]));
                if (MultiHoming.on(w)) m.add(new Metric(id, MetricNames.SECOND_USERS, "users", s -> s.secondUsers[lab]));
                if (PlacedAssistants.on(w)) m.add(new Metric(id, MetricNames.PLACED_USERS, "users", s -> s.placedUsers[lab]));
            }
            if (TrainingBudget.on(w)) { // only when labs decide, so a run without it keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.TRAINING_BUDGET_USD, "USD/year", s -> s.trainingBudget[lab]));
                m.add(new Metric(id, MetricNames.EXPECTED_REVENUE_USD, "USD/year", s -> s.expectedRevenue[lab]));
                m.add(new Metric(id, MetricNames.COMPUTE_GROWTH_PER_YEAR, "factor/year", s -> s.computeGrowth[lab]));
            }
            if (ApiPricing.on(w)) { // only when labs decide, so a run without it keeps its outputs byte for byte (0 for a lab without an API)
                m.add(new Metric(id, MetricNames.API_USD_PER_MILLION_TOKENS, "USD per million tokens", s -> s.apiUsdPerToken[lab] * 1e6));
            }
            if (PlanPricing.on(w)) { // only when labs decide, so a run without it keeps its outputs byte for byte (0 for a plan the lab lacks)
                m.add(new Metric(id, MetricNames.SUBSCRIPTION_USD_PER_MONTH, "USD/month", s -> s.planFeeUsd[lab]));
                m.add(new Metric(id, MetricNames.SUBSCRIPTION_TOKEN_CAP, "tokens/month", s -> s.planCapTokens[lab]));
                m.add(new Metric(id, MetricNames.PRO_USD_PER_MONTH, "USD/month", s -> s.proFeeUsd[lab]));
                m.add(new Metric(id, MetricNames.PRO_TOKEN_CAP, "tokens/month", s -> s.proCapTokens[lab]));
            }
            if (WageBids.on(w)) { // only when labs decide, so a run without it keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.RESEARCHER_PAY_USD_PER_YEAR, "USD/year", s -> s.payUsdPerYear[lab]));
            }
            if (ReleaseDecisions.on(w)) { // only when labs decide, so a run without it keeps its outputs byte for byte
                m.add(new Metric(id, MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS, "months", s -> ReleaseDecisions.openAfterMonths(s, lab)));
            }
            if (w.regions > 0) {
                m.add(new Metric(id, MetricNames.RESTRICTED_HARDWARE, "0/1", s -> s.frontier(lab) != null && s.frontier(lab).restrictedHardware ? 1 : 0));
            }
        }
        for (int g = 0; g < w.segments; g++) {
            final int seg = g;
            String id = w.scenario.segments().get(g).id();
            m.add(new Metric(id, MetricNames.POPULATION, "people", s -> s.population[seg]));
            m.add(new Metric(id, MetricNames.TOKENS, "tokens/month", s -> s.segTokens[seg]));
            m.add(new Metric(id, MetricNames.OPEN_WEIGHT_TOKEN_SHARE, "share", s -> s.segTokens[seg] > 0 ? s.segOpenTokens[seg] / s.segTokens[seg] : 0));
            for (int i = 0; i < w.labs; i++) {
                final int lab = i;
                String labId = w.scenario.labs().get(i).id();
                m.add(new Metric(id, MetricNames.awarenessOf(labId), "share", s -> s.awareness(seg, lab)));
                for (OptionKind k : OptionKind.values()) {
                    m.add(new Metric(id, MetricNames.users(labId, k), "users", s -> s.segUsers[(seg * s.labs + lab) * OptionKind.COUNT + k.ordinal()]));
                }
            }
        }
        m.add(new Metric(MetricNames.MARKET, MetricNames.OPEN_WEIGHT_TOKEN_SHARE, "share", s -> s.allTokens > 0 ? s.openTokens / s.allTokens : 0));
        m.add(new Metric(MetricNames.MARKET, MetricNames.OPEN_TOKENS, "tokens/month", s -> s.openTokens));
        m.add(new Metric(MetricNames.MARKET, MetricNames.ALL_TOKENS, "tokens/month", s -> s.allTokens));
        m.add(new Metric(MetricNames.MARKET, MetricNames.OPEN_MODEL_LAG_MONTHS, "months", Metrics::lagMonths));
        m.add(new Metric(MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY, "log10 FLOP", s -> finite(s.bestOpenCapability)));
        m.add(new Metric(MetricNames.MARKET, MetricNames.BEST_CLOSED_CAPABILITY, "log10 FLOP", s -> finite(s.bestClosedCapability)));
        m.add(new Metric(MetricNames.MARKET, MetricNames.CONSUMER_SURPLUS_USD, "USD/month", s -> s.consumerSurplusUsd));
        m.add(new Metric(MetricNames.MARKET, MetricNames.USD_PER_MILLION_TOKENS_AT_FIXED_CAPABILITY, "USD per million tokens", s -> s.usdPerMillionAtFixedCapability));
        m.add(new Metric(MetricNames.MARKET, MetricNames.USER_PAYMENTS_USD, "USD/month", s -> s.userPaymentsUsd));
        regionMetrics(w, m);
        for (int h = 0; h < w.hosts; h++) {
            final int host = h;
            String id = w.scenario.hosts().get(h).id();
            m.add(new Metric(MetricNames.MARKET, MetricNames.hostRevenue(id), "USD/month", s -> s.hostRevenue[host]));
            m.add(new Metric(MetricNames.MARKET, MetricNames.hostServingCost(id), "USD/month", s -> s.hostCost[host]));
        }
        return m;
    }

    /**
     * Per region (only when the run has regions), as market metrics named "region.ID.NAME":
     * population, users of any lab, and each lab's users and revenue from its own services there.
     * A user holds one option at a time, so users of any lab count each user once.
     */
    private static void regionMetrics(World w, List<Metric> m) {
        for (int r = 0; r < w.regions; r++) {
            String prefix = "region." + w.regionTable.ids[r] + ".";
            final int region = r;
            int[] in = java.util.stream.IntStream.range(0, w.segments).filter(g -> w.regionTable.segmentRegion[g] == region).toArray();
            m.add(new Metric("market", prefix + "population", "people", s -> {
                double p = 0;
                for (int g : in) p += s.population[g];
                return p;
            }));
            m.add(new Metric("market", prefix + "users", "users", s -> {
                double u = 0;
                for (int g : in) for (int k = g * s.labs * OptionKind.COUNT, end = k + s.labs * OptionKind.COUNT; k < end; k++) u += s.segUsers[k];
                return u;
            }));
            for (int i = 0; i < w.labs; i++) {
                final int lab = i;
                String labId = w.scenario.labs().get(i).id();
                m.add(new Metric("market", prefix + "users." + labId, "users", s -> {
                    double u = 0;
                    for (int g : in) for (int k = (g * s.labs + lab) * OptionKind.COUNT, end = k + OptionKind.COUNT; k < end; k++) u += s.segUsers[k];
                    return u;
                }));
                m.add(new Metric("market", prefix + "revenueUsd." + labId, "USD/month", s -> {
                    double v = 0;
                    for (int g : in) v += s.segRevenue[g * s.labs + lab];
                    return v;
                }));
            }
        }
    }

    /** The metrics of {@link #of} that a run's lab and market summaries are made from (28 of 244 in the default world). */
    public static List<Metric> summaryInputs(World w) {
        List<Metric> m = new ArrayList<>();
        for (Metric metric : of(w)) {
            boolean market = metric.entity().equals(MetricNames.MARKET);
            if (market ? Runs.MARKET_SUMMARY_SERIES.contains(metric.name())
                : w.scenario.labIndex(metric.entity()) >= 0 && Runs.LAB_SUMMARY_SERIES.contains(metric.name())) {
                m.add(metric);
            }
        }
        return m;
    }

    /**
     * {@link #of} and {@link #summaryInputs} once per set of lab, segment, host and region ids: an
     * experiment's thousands of runs share one list.
     */
    public static final class Cache {
        private final Map<List<String>, List<Metric>> all = new ConcurrentHashMap<>();
        private final Map<List<String>, List<Metric>> summaryInputs = new ConcurrentHashMap<>();

        public List<Metric> of(World w) {
            return all.computeIfAbsent(ids(w), k -> Metrics.of(w));
        }

        public List<Metric> summaryInputs(World w) {
            return summaryInputs.computeIfAbsent(ids(w), k -> Metrics.summaryInputs(w));
        }

        private static List<String> ids(World w) {
            List<String> ids = new ArrayList<>();
            for (var l : w.scenario.labs()) ids.add(l.id());
            ids.add("");
            for (var g : w.scenario.segments()) ids.add(g.id());
            ids.add("");
            for (var h : w.scenario.hosts()) ids.add(h.id());
            // Regions add series, and a scenario's segments can have regions of their own (same ids) with regions on or off.
            ids.add("");
            for (String r : w.regionTable.ids) ids.add(r);
            ids.add(Financing.on(w) ? "financing" : ""); // financing adds series
            ids.add(Advertising.on(w) ? "advertising" : ""); // and so do ads
            ids.add(TrainingBudget.on(w) ? "trainingBudget" : ""); // and training budgets
            ids.add(ApiPricing.on(w) ? "apiPricing" : ""); // and API prices
            ids.add(ProPlans.on(w) ? "proPlans" : ""); // and pro plans
            ids.add(ParentApps.on(w) ? "parentApps" : ""); // and a parent's value
            ids.add(CloudHosting.on(w) ? "cloudHosting" : ""); // and a lab's cloud
            ids.add(WageBids.on(w) ? "wageBids" : ""); // and pay offers
            if (ReleaseDecisions.on(w)) ids.add("releaseDecisions"); // and release policies (absent when off: the key is the one before)
            ids.add(MultiHoming.on(w) ? "multiHoming" : ""); // and second assistants
            ids.add(EnterpriseContracts.on(w) ? "enterpriseContracts" : ""); // and seats under contract
            if (PlanPricing.on(w)) ids.add("planPricing"); // and plan fees and caps (absent when off: the key is the one before)
            if (PlacedAssistants.on(w)) ids.add("placedAssistants"); // and placed assistants' incidental users (absent when off: the key is the one before)
            return ids;
        }
    }

    /** NaN instead of an infinity: "no such model yet". */
    private static double finite(double v) { return Double.isInfinite(v) ? Double.NaN : v; }

    /**
     * How far the best open model trails the frontier, measured as published lag estimates are:
     * the months between the first release of any model at least as capable and the month the
     * open model's weights came out. 0 when the best open model is the first at its level.
     */
    static double lagMonths(MarketState s) {
        Release best = null;
        for (Release r : s.releases) {
            if (r.isOpen() && (best == null || r.capability > best.capability)) best = r;
        }
        if (best == null) return Double.NaN;
        int first = best.openSince;
        for (Release r : s.releases) {
            if (r.capability >= best.capability) first = Math.min(first, r.month);
        }
        return best.openSince - first;
    }

    /** Cheapest list price, USD per million blended tokens, of any API or host serving a model at least as capable as the fixed level. */
    static double cheapestAtCapability(World w, MarketState s, double level) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < w.labs; i++) {
            Release f = s.frontier(i);
            var api = w.scenario.labs().get(i).api();
            if (f != null && api != null && f.capability >= level) best = Math.min(best, s.apiUsdPerToken[i] * 1e6); // this month's price (apiPricing)
        }
        for (Release r : s.releases) {
            if (!r.isOpen() || r.capability < level) continue;
            for (int h = 0; h < w.hosts; h++) {
                ServingPrices.FleetPrice fp = w.costs.hostFleet(r, h);
                if (fp.fits()) best = Math.min(best, fp.rentedUsdPerToken() * w.costs.costFactor(s.month) * (1 + w.scenario.hosts().get(h).markup()) * 1e6);
            }
        }
        return best;
    }
}
