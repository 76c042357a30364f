package owsim.market;

import owsim.scenario.OptionKind;

/**
 * The names of a run's series ({@link Series#entity()} / {@link Series#metric()}), in one place:
 * {@link Metrics} declares them, and the summaries, claims, reports and tests read them by these
 * constants rather than by strings of their own. They are the column names of
 * {@code timeseries.csv} (docs/MODEL.md lists each with its unit), so a constant's value never
 * changes without a changelog line.
 */
public final class MetricNames {
    private MetricNames() {}

    /** The entity of the market-wide series (the others are a lab's or a segment's id). */
    public static final String MARKET = "market";

    // Per lab.
    /** Capability of the lab's best model, log10 FLOP (0 before its first). */
    public static final String CAPABILITY = "capability";
    /** Users of a lab (all its options), or of one option kind with {@link #users(OptionKind)}. */
    public static final String USERS = "users";
    /** Tokens served a month: a lab's, or a segment's. */
    public static final String TOKENS = "tokens";
    public static final String REVENUE_USD = "revenueUsd";
    public static final String SERVING_COST_USD = "servingCostUsd";
    public static final String DISTILLATION_BURDEN_USD = "distillationBurdenUsd";
    public static final String HARVEST_REVENUE_USD = "harvestRevenueUsd";
    public static final String HARVEST_SPEND_USD = "harvestSpendUsd";
    public static final String TRAINING_SPEND_USD = "trainingSpendUsd";
    public static final String MARKETING_USD = "marketingUsd";
    public static final String SALARIES_USD = "salariesUsd";
    public static final String RESEARCHERS = "researchers";
    public static final String CASH_USD = "cashUsd";
    public static final String PROFIT_USD = "profitUsd";
    /** A lab's population-weighted awareness; a segment's of one lab is {@link #awarenessOf}. */
    public static final String AWARENESS = "awareness";
    public static final String DERIVATIVES = "derivatives";
    public static final String PRESTIGE = "prestige";
    public static final String ALGORITHMIC_EFFICIENCY = "algorithmicEfficiency";
    public static final String POTENTIAL_CAPABILITY = "potentialCapability";
    /** The part of a lab's ln A gained so far through spillover from the best open model, another lab's (cumulative, ln A). */
    public static final String SPILLOVER_LN_A = "spilloverLnA";
    public static final String SUBSCRIBER_LOSS_SHARE = "subscriberLossShare";
    public static final String OPEN_WEIGHTS = "openWeights";
    /** What one subscription token costs the lab to serve this month: its newest model on its fleet, USD/token (0 without a subscription). */
    public static final String SUBSCRIPTION_USD_PER_TOKEN = "subscriptionUsdPerToken";
    /** Active parameters of the lab's newest frontier model, the one its plans and API serve (0 before it has one). */
    public static final String FRONTIER_ACTIVE_PARAMS = "frontierActiveParams";
    /** 1 when a lab homed in a region under export controls serves its newest model off its fleet hardware (regions only). */
    public static final String RESTRICTED_HARDWARE = "restrictedHardware";
    /** Training a lab planned this month (financing only; {@link #TRAINING_SPEND_USD} is what it paid). */
    public static final String PLANNED_TRAINING_SPEND_USD = "plannedTrainingSpendUsd";
    /** Money a lab raised this month: an investors' round or its parent's funding (financing only). */
    public static final String RAISED_USD = "raisedUsd";
    /** 1 once a lab has exited for want of money (financing only). */
    public static final String EXITED = "exited";
    /** Advertising revenue a lab earned on its free tier this month, part of {@link #REVENUE_USD} (advertising only). */
    public static final String AD_REVENUE_USD = "adRevenueUsd";
    /** A parent's value of its lab's assistant users this month, part of {@link #REVENUE_USD} (parent apps only). */
    public static final String PARENT_APPS_REVENUE_USD = "parentAppsRevenueUsd";
    /** What a lab's cloud earned this month on third-party hosting of its open weights, part of {@link #REVENUE_USD} (cloud hosting only). */
    public static final String CLOUD_HOSTING_REVENUE_USD = "cloudHostingRevenueUsd";
    /** Seats of a lab's business plans under contract with firms this month (enterprise contracts only). */
    public static final String ENTERPRISE_SEATS = "enterpriseSeats";
    /** What a lab's seats under contract paid it this month, part of {@link #REVENUE_USD} (enterprise contracts only). */
    public static final String ENTERPRISE_CONTRACTS_REVENUE_USD = "enterpriseContractsRevenueUsd";
    /** The final-run training budget a lab set at its last decision, for the next 12 months, USD/year (training budget only; 0 on a fixed schedule). */
    public static final String TRAINING_BUDGET_USD = "trainingBudgetUsd";
    /** The revenue a lab expected over the next 12 months at its last decision, USD/year (training budget only; 0 on a fixed schedule). */
    public static final String EXPECTED_REVENUE_USD = "expectedRevenueUsd";
    /** The yearly growth of a lab's run compute it decided (or its schedule gives), factor/year (training budget only). */
    public static final String COMPUTE_GROWTH_PER_YEAR = "computeGrowthPerYear";
    /** A lab's API price this month, USD per million blended tokens (API pricing only; 0 for a lab without an API). */
    public static final String API_USD_PER_MILLION_TOKENS = "apiUsdPerMillionTokens";
    /** A lab's subscription fee this month, USD/month (plan pricing only; 0 for a lab without one). */
    public static final String SUBSCRIPTION_USD_PER_MONTH = "subscriptionUsdPerMonth";
    /** A lab's subscription's monthly token cap this month, tokens/month (plan pricing only; 0 for a lab without one). */
    public static final String SUBSCRIPTION_TOKEN_CAP = "subscriptionTokenCap";
    /** A lab's pro plan's fee this month, USD/month (plan pricing only; 0 for a lab without one). */
    public static final String PRO_USD_PER_MONTH = "proUsdPerMonth";
    /** A lab's pro plan's monthly token cap this month, tokens/month (plan pricing only; 0 for a lab without one). */
    public static final String PRO_TOKEN_CAP = "proTokenCap";
    /** The pay a lab offers researchers this month, and pays its research staff, USD per researcher-year (wage bids only). */
    public static final String RESEARCHER_PAY_USD_PER_YEAR = "researcherPayUsdPerYear";
    /**
     * Per lab (mechanism {@code releaseDecisions}): how many months after its release the policy in force opens a new
     * frontier model of the lab; 0 on release, -1 never (closed, or above an open-small policy's size).
     */
    public static final String RELEASE_POLICY_OPEN_AFTER_MONTHS = "releasePolicyOpenAfterMonths";
    /** A lab's subscribers on its pro plan this month, part of the subscription users (pro plans only). */
    public static final String PRO_SUBSCRIBERS = "proSubscribers";
    /** The fees a lab's pro plan earned this month, USD, part of {@link #REVENUE_USD} (pro plans only). */
    public static final String PRO_REVENUE_USD = "proRevenueUsd";
    /** A lab's users this month counting those who use it as a second assistant: {@link #USERS} plus {@link #SECOND_USERS} (multi-homing only). */
    public static final String MONTHLY_USERS = "monthlyUsers";
    /** A lab's users this month who use it as their second assistant (multi-homing only). */
    public static final String SECOND_USERS = "secondUsers";
    /** Per lab: incidental users of its placed assistant this month (mechanism placedAssistants), part of {@link #MONTHLY_USERS}. */
    public static final String PLACED_USERS = "placedUsers";

    // Per segment.
    public static final String POPULATION = "population";
    /** Open-weight share of tokens: a segment's, or the market's. */
    public static final String OPEN_WEIGHT_TOKEN_SHARE = "openWeightTokenShare";

    // The market's.
    public static final String OPEN_TOKENS = "openTokens";
    public static final String ALL_TOKENS = "allTokens";
    public static final String OPEN_MODEL_LAG_MONTHS = "openModelLagMonths";
    public static final String BEST_OPEN_CAPABILITY = "bestOpenCapability";
    public static final String BEST_CLOSED_CAPABILITY = "bestClosedCapability";
    public static final String CONSUMER_SURPLUS_USD = "consumerSurplusUsd";
    public static final String USD_PER_MILLION_TOKENS_AT_FIXED_CAPABILITY = "usdPerMillionTokensAtFixedCapability";
    public static final String USER_PAYMENTS_USD = "userPaymentsUsd";

    /** A lab's users of one option kind, e.g. {@code users.api}. */
    public static String users(OptionKind kind) {
        return USERS + "." + kind;
    }

    /** A segment's awareness of a lab, e.g. {@code awareness.open-challenger}. */
    public static String awarenessOf(String labId) {
        return AWARENESS + "." + labId;
    }

    /** A segment's users of a lab's option kind, e.g. {@code users.open-challenger.api}. */
    public static String users(String labId, OptionKind kind) {
        return USERS + "." + labId + "." + kind;
    }

    /** A host's revenue (a market series), e.g. {@code host.together.revenueUsd}. */
    public static String hostRevenue(String hostId) {
        return "host." + hostId + "." + REVENUE_USD;
    }

    /** A host's serving cost (a market series). */
    public static String hostServingCost(String hostId) {
        return "host." + hostId + "." + SERVING_COST_USD;
    }
}
