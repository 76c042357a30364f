package owsim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.SegmentSpec;

/**
 * Everything that changes month to month, as primitive arrays (structure of arrays). Mechanisms
 * read and write it; the engine owns it. Flows (revenue, tokens...) are this month's and are
 * cleared at the start of each step; stocks (cash, awareness, shares...) carry over.
 */
final class MarketState {
    int month;
    final int labs;
    final int segments;

    // Lab stocks.
    final double[] lnA;
    /**
     * Per lab: the part of {@link #lnA} it has gained through spillover from the best open model
     * (cumulative, ln A). Its own releases never count: ln A only rises, so a lab's older release
     * never leads it. Claim a reads it to see what a releasing lab learns back from the others.
     */
    final double[] spilloverLnA;
    final double[] researchers;
    final double[] prestige;
    final double[] news;
    final double[] derivatives;
    final double[] derivativesGrowth;
    // Derivatives per base model (mechanism derivativesPerBaseModel; empty when it is off), [i * slots + j], slot 0 a lab's newest open base.
    /** The release month of the base in each slot (Integer.MIN_VALUE when empty), the capability of its most capable open model, and its derivatives. */
    final int[] baseMonth;
    final double[] baseCapability;
    final double[] baseDerivatives;
    /** Per lab: how many slots hold a base, and the value of {@link #releaseChanges} its bases were last brought up to date at (-1: never). */
    final int[] baseCount;
    final int[] baseChangesSeen;
    final double[] cash;
    final double[] discountedProfit;
    final double[] computeFlop;
    final List<Release> releases = new ArrayList<>();
    /** Per lab: how many times its releases changed (one added, or its weights opened); its offers are rebuilt after a change. */
    final int[] releaseChanges;
    /** Index in {@link #releases} of each lab's newest frontier model. */
    final int[] frontierRelease;
    final boolean[] notableRelease;

    // Financing (mechanism financing; untouched when it is off).
    /** Share of the run in progress that was not paid for (0: fully paid); the release is trained with the rest. */
    final double[] runUnpaidShare;
    /** Whether the lab has exited (no training, releases, services or hiring; cash frozen). */
    final boolean[] exited;
    /** Consecutive months that ended with negative cash and no money raised. */
    final int[] negativeMonths;
    /** What the lab's parent has paid it in the current run year, USD. */
    final double[] parentPaidThisYear;
    /** Per lab, the month of its last round funded on scale (financing.scaleRounds); Integer.MIN_VALUE / 2 before any. */
    final int[] lastScaleRoundMonth;
    /** Per lab, the last 12 months' revenue and users, by month modulo 12 (traction over a year). */
    final double[] revenueHistory;
    final double[] usersHistory;

    // Training budget (mechanism trainingBudget; untouched when it is off).
    /**
     * Per lab, the path of its run compute: C(t) = computeBase x computeGrowth^((t - computeBaseMonth) / 12).
     * It starts at C0, month 0 and the lab's computeGrowthPerYear (the run of before); a decision that
     * changes the growth restarts it at the month's compute.
     */
    final double[] computeBase;
    final int[] computeBaseMonth;
    final double[] computeGrowth;
    /** The lab's last decision: its final-run training budget for the next 12 months and the revenue it expected over them, USD/year. */
    final double[] trainingBudget;
    final double[] expectedRevenue;

    // API pricing (mechanism apiPricing; with it off every lab keeps its list price).
    /**
     * Per lab: its API's price this month, USD per blended token (the input share of the technology
     * section); its list {@code api} price until a decision moves it, 0 without an API.
     */
    final double[] apiUsdPerToken;
    /**
     * Per lab: whether its offers must be repriced this month because a price it holds moved. Set
     * by {@link ApiPricing} (its API price) and {@link PlanPricing} (a plan's fee or cap); read and
     * cleared by {@link Offers} when the month's offers are built, which reprices a lab's offers
     * not otherwise rebuilt (the API offer, and the subscription's plan, fee, tokens, serving cost
     * and shortfall, which read those prices).
     */
    final boolean[] offersRepriced;
    /** Per lab: its share of all labs' API users at the end of last month, and at its last decision (NaN before its first). */
    final double[] apiShareLastMonth;
    final double[] apiShareAtDecision;
    /** Per lab: whether it is matching a cheaper rival (it followed one and a rival in its band still undercuts its target). */
    final boolean[] apiMatching;

    // Plan pricing (mechanism planPricing; with it off every plan keeps its scenario fee and cap).
    /**
     * Per lab: its subscription's and its pro plan's fee this month, USD/month, and monthly token
     * cap; the scenario's (0 without the plan) until a decision moves them ({@link PlanPricing}).
     */
    final double[] planFeeUsd;
    final double[] planCapTokens;
    final double[] proFeeUsd;
    final double[] proCapTokens;
    /** Whether plan pricing is on in this run: {@link Usage} then books each plan's period sums below. */
    final boolean planPricingOn;
    /**
     * Per lab and plan, [2 * lab + (0 base, 1 pro)]: the plan's fees (USD) and serving cost (USD)
     * since the lab's last plan decision (planPricing only).
     */
    final double[] planPeriodRevenue;
    final double[] planPeriodServing;

    // Wage bids (mechanism wageBids; with it off every lab pays its researcherUsdPerYear).
    /** Per lab: the pay it offers researchers this month, USD per researcher-year; its {@code researcherUsdPerYear} until a decision moves it. */
    final double[] payUsdPerYear;
    /** Per lab: its researcher openings since its last pay decision, and the part of them it did not fill (researchers). */
    final double[] openingsSinceDecision;
    final double[] unfilledSinceDecision;

    // Release decisions (mechanism releaseDecisions; with it off every lab keeps its scenario policy).
    /** Per lab: the release policy in force, which its next releases are made under; its scenario {@code policy} until a decision changes it. */
    final owsim.policy.ReleasePolicy[] releasePolicy;
    /** Per lab: the month of its last change of policy (far in the past before its first). */
    final int[] releaseChangeMonth;
    /** Per lab: its share of all labs' users at the end of last month, and at its last decision (NaN before its first). */
    final double[] releaseShareLastMonth;
    final double[] releaseShareAtDecision;

    // Lab flows of this month.
    final double[] revenue;
    final double[] servingCost;
    final double[] burden;
    final double[] harvestRevenue;
    final double[] harvestSpend;
    final double[] trainingSpend;
    /** Training the lab planned this month (its schedule's share of the run in progress); with financing off, what it spent. */
    final double[] plannedTrainingSpend;
    /** Money raised this month: an investors' round or the parent's funding, USD. */
    final double[] raised;
    /** Advertising revenue this month, USD, part of {@link #revenue} (mechanism advertising; 0 when it is off). */
    final double[] adRevenue;
    /** A parent's value of its lab's assistant users this month, USD, part of {@link #revenue} (mechanism parentApps; 0 when it is off). */
    final double[] parentAppsRevenue;
    /** What a lab's cloud earned this month on third-party hosting of its open weights, USD, part of {@link #revenue} (mechanism cloudHosting; 0 when it is off). */
    final double[] cloudHostingRevenue;
    /** Seats under contract with each lab this month (mechanism enterpriseContracts; 0 when it is off). */
    final double[] enterpriseSeats;
    /** What a lab's seats under contract paid it this month, USD, part of {@link #revenue} (mechanism enterpriseContracts; 0 when it is off). */
    final double[] enterpriseContractsRevenue;
    /** Seats under contract by renewal cohort and lab, [k * labs + i], cohort k renewed in the months m with m mod term = k (enterpriseContracts; empty when off). */
    final double[] contractSeats;
    final double[] marketing;
    final double[] salaries;
    final double[] defence;
    final double[] tokens;
    final double[] profit;
    /** Users by lab and option kind (SUB, FREE, API, HOSTED, SELFHOST). */
    final double[] usersByKind;
    final double[] subLossUsers;
    /** Per lab: this month's subscribers on its pro plan (part of the subscription users) and their fees, USD (mechanism proPlans; 0 when it is off). */
    final double[] proSubscribers;
    final double[] proRevenue;
    /** Per lab: this month's users of it as their second assistant (mechanism multiHoming; 0 when it is off), not in {@link #usersByKind}. */
    final double[] secondUsers;
    /**
     * Per segment and lab, [g * labs + i]: the free-tier user-months the second assistants of the
     * segment's users add to the lab's ads (mechanism multiHoming with {@code adImpressions}): their
     * users times the token share.
     */
    final double[] secondAdUserMonths;
    /** Per segment and lab, [g * labs + i]: this month's users of the lab as their second assistant in the segment (mechanism multiHoming). */
    final double[] secondSegUsers;
    /** Per lab: this month's incidental users of its placed assistant (mechanism placedAssistants; 0 when it is off), not in {@link #usersByKind}. */
    final double[] placedUsers;
    /**
     * Per segment and lab, [g * labs + i]: the incidental users' user-months of the placed assistant weighed by their token
     * share (mechanism placedAssistants), which its parent's value counts ({@link ParentApps}).
     */
    final double[] placedEngaged;
    /**
     * Per lab: what one token of its subscription costs it to serve this month (its newest
     * frontier model on its fleet at the chat speed floor, times this month's cost factor), USD;
     * 0 without a subscription, a model or services. Set by {@link Offers#build}, so claim b prices
     * a subscriber exactly as the market does.
     */
    final double[] subscriptionUsdPerToken;

    // Segments.
    final double[] population;
    final double[] awareness;
    final double[] segTokens;
    final double[] segOpenTokens;
    /** Users by segment, lab and option kind. */
    final double[] segUsers;
    /** What the users of segment g paid lab i this month for its own services, [g * labs + i]. */
    final double[] segRevenue;
    /** What the hosts spent this month serving lab i's open weights to segment g (their serving cost), USD, [g * labs + i]. */
    final double[] segHostedServing;

    // Classes x options: share of the class population on each option.
    final double[] shares;
    /** This month's offers per class and option: what a user pays per month, tokens served, provider's serving cost, open weights. */
    final double[] offerPay;
    final double[] offerTokens;
    final double[] offerServing;
    final boolean[] offerOpen;
    final boolean[] offerAvailable;
    final Release[] offerModel;
    /**
     * Per class and option, set with the offer: its model's capability, and the value at the lab's
     * API price of the tokens a capped plan withholds from the class's users (0 for other kinds).
     * Both change only when the offer is rebuilt, so the choice reads them instead of recomputing
     * them for every class every month.
     */
    final double[] offerCapability;
    final double[] offerShortfallUsd;
    /**
     * Per class and lab, [c * labs + i]: whether the lab's subscription offer to the class is its pro
     * plan this month (mechanism proPlans; set with the offer, so it changes only when the offer is rebuilt).
     */
    final boolean[] offerPro;
    /**
     * Per class and option, the part of this month's offer that scales with the cost of compute,
     * before that month's factor: the provider's cost per token for a lab's own option, the
     * serving cost for a host, the payment for self-hosting. Between releases only this scales.
     */
    final double[] offerCostBase;
    /** Per lab: the value of {@link #releaseChanges} its offers were built at (-1: to be built). */
    final int[] offersBuiltAt;
    /**
     * Whether a month of usage growth refreshes the token-dependent values of the offers of a lab
     * with no other change instead of building them again ({@link Offers}); off only in tests,
     * which compare the two. How many lab-months were refreshed: {@code offersRefreshed}.
     */
    boolean refreshOffers = true;
    int offersRefreshed;
    /** Per class: the options it has this month, ascending, in row c of {@code offered}; how many in {@code offeredCount[c]}. */
    final int[] offered;
    final int[] offeredCount;
    final double[] hostRevenue;
    final double[] hostCost;
    double userPaymentsUsd;
    double selfHostCostUsd;
    double openTokens;
    double allTokens;
    double consumerSurplusUsd;
    double usdPerMillionAtFixedCapability = Double.NaN;
    double fixedCapability;
    double bestOpenCapability;
    double bestClosedCapability;
    double bestOpenLnA = Double.NEGATIVE_INFINITY;
    /** The aggregate choice step's scratch arrays, made at its first month and kept for the run (null until then). */
    Choice.ClassChoice classChoice;
    /** The aggregate multi-homing step's scratch arrays, likewise (null until its first month). */
    MultiHoming.Scratch multiHoming;
    /** Each lab's plans' capped means as {@link ProPlans#choose} last took them (null until its first call). */
    ProPlans.Memo planTokens;

    MarketState(World w) {
        labs = w.labs;
        segments = w.segments;
        lnA = new double[labs];
        spilloverLnA = new double[labs];
        researchers = new double[labs];
        prestige = new double[labs];
        news = new double[labs];
        derivatives = new double[labs];
        derivativesGrowth = new double[labs];
        int baseSlots = labs * BaseModelDerivatives.slots(w);
        baseMonth = new int[baseSlots];
        Arrays.fill(baseMonth, Integer.MIN_VALUE);
        baseCapability = new double[baseSlots];
        baseDerivatives = new double[baseSlots];
        baseCount = new int[labs];
        baseChangesSeen = new int[labs];
        Arrays.fill(baseChangesSeen, -1);
        cash = new double[labs];
        discountedProfit = new double[labs];
        computeFlop = new double[labs];
        frontierRelease = new int[labs];
        releaseChanges = new int[labs];
        offersBuiltAt = new int[labs];
        Arrays.fill(offersBuiltAt, -1);
        Arrays.fill(frontierRelease, -1);
        notableRelease = new boolean[labs];
        revenue = new double[labs];
        servingCost = new double[labs];
        burden = new double[labs];
        harvestRevenue = new double[labs];
        harvestSpend = new double[labs];
        trainingSpend = new double[labs];
        plannedTrainingSpend = new double[labs];
        raised = new double[labs];
        adRevenue = new double[labs];
        parentAppsRevenue = new double[labs];
        cloudHostingRevenue = new double[labs];
        enterpriseSeats = new double[labs];
        enterpriseContractsRevenue = new double[labs];
        contractSeats = new double[EnterpriseContracts.cohortCells(w)];
        runUnpaidShare = new double[labs];
        exited = new boolean[labs];
        negativeMonths = new int[labs];
        parentPaidThisYear = new double[labs];
        lastScaleRoundMonth = new int[labs];
        java.util.Arrays.fill(lastScaleRoundMonth, Integer.MIN_VALUE / 2);
        revenueHistory = new double[labs * 12];
        usersHistory = new double[labs * 12];
        computeBase = new double[labs];
        computeBaseMonth = new int[labs];
        computeGrowth = new double[labs];
        trainingBudget = new double[labs];
        expectedRevenue = new double[labs];
        apiUsdPerToken = new double[labs];
        offersRepriced = new boolean[labs];
        apiShareLastMonth = new double[labs];
        apiShareAtDecision = new double[labs];
        Arrays.fill(apiShareAtDecision, Double.NaN);
        apiMatching = new boolean[labs];
        planFeeUsd = w.labTable.planFeeUsd.clone();
        planCapTokens = w.labTable.planCapTokens.clone();
        proFeeUsd = w.labTable.proFeeUsd.clone();
        proCapTokens = w.labTable.proCapTokens.clone();
        planPricingOn = PlanPricing.on(w);
        planPeriodRevenue = new double[2 * labs];
        planPeriodServing = new double[2 * labs];
        payUsdPerYear = new double[labs];
        openingsSinceDecision = new double[labs];
        unfilledSinceDecision = new double[labs];
        releasePolicy = new owsim.policy.ReleasePolicy[labs];
        releaseChangeMonth = new int[labs];
        Arrays.fill(releaseChangeMonth, Integer.MIN_VALUE / 2);
        releaseShareLastMonth = new double[labs];
        releaseShareAtDecision = new double[labs];
        Arrays.fill(releaseShareAtDecision, Double.NaN);
        marketing = new double[labs];
        salaries = new double[labs];
        defence = new double[labs];
        tokens = new double[labs];
        profit = new double[labs];
        usersByKind = new double[labs * OptionKind.COUNT];
        subLossUsers = new double[labs];
        proSubscribers = new double[labs];
        proRevenue = new double[labs];
        secondUsers = new double[labs];
        secondAdUserMonths = new double[segments * labs];
        secondSegUsers = new double[segments * labs];
        placedUsers = new double[labs];
        placedEngaged = new double[segments * labs];
        subscriptionUsdPerToken = new double[labs];
        population = new double[segments];
        awareness = new double[segments * labs];
        segTokens = new double[segments];
        segOpenTokens = new double[segments];
        segUsers = new double[segments * labs * OptionKind.COUNT];
        segRevenue = new double[segments * labs];
        segHostedServing = new double[segments * labs];
        shares = new double[w.classes * w.options];
        offerPay = new double[w.classes * w.options];
        offerTokens = new double[w.classes * w.options];
        offerServing = new double[w.classes * w.options];
        offerOpen = new boolean[w.classes * w.options];
        offerAvailable = new boolean[w.classes * w.options];
        offerModel = new Release[w.classes * w.options];
        offerCapability = new double[w.classes * w.options];
        offerShortfallUsd = new double[w.classes * w.options];
        offerPro = new boolean[w.classes * labs];
        offerCostBase = new double[w.classes * w.options];
        offered = new int[w.classes * w.options];
        offeredCount = new int[w.classes];
        hostRevenue = new double[w.hosts];
        hostCost = new double[w.hosts];
        for (int i = 0; i < labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            lnA[i] = Math.log(l.algorithmicEfficiency());
            researchers[i] = l.researchers();
            cash[i] = l.cashUsd();
            computeFlop[i] = l.trainingComputeFlop();
            computeBase[i] = l.trainingComputeFlop();
            computeGrowth[i] = TrainingBudget.initialGrowth(w, i);
            apiUsdPerToken[i] = ApiPricing.initialUsdPerToken(w, i);
            payUsdPerYear[i] = WageBids.initialUsdPerYear(w, i);
            PlanPricing.initial(w, this, i);
            releasePolicy[i] = ReleaseDecisions.initialPolicy(w, i);
            for (int g = 0; g < segments; g++) {
                // Where its services are not offered a lab starts unknown (its open weights may make it known later).
                awareness[g * labs + i] = w.regionTable.serviceOffered(g, i) ? l.initialAwareness(w.scenario.segments().get(g).id()) : 0;
            }
        }
        for (int g = 0; g < segments; g++) {
            SegmentSpec seg = w.scenario.segments().get(g);
            population[g] = seg.population();
        }
        for (int c = 0; c < w.classes; c++) shares[c * w.options] = 1;
    }

    /** Clears this month's flows. */
    void clearFlows() {
        for (double[] a : new double[][] {revenue, servingCost, burden, harvestRevenue, harvestSpend, trainingSpend, plannedTrainingSpend, raised, adRevenue, marketing,
            salaries, defence, tokens, profit, usersByKind, subLossUsers, proSubscribers, proRevenue, secondUsers, secondAdUserMonths, secondSegUsers, placedUsers, placedEngaged, segTokens, segOpenTokens, segUsers, segRevenue, hostRevenue, hostCost,
            parentAppsRevenue, cloudHostingRevenue, segHostedServing}) {
            Arrays.fill(a, 0);
        }
        Arrays.fill(notableRelease, false);
        userPaymentsUsd = 0;
        selfHostCostUsd = 0;
        openTokens = 0;
        allTokens = 0;
        consumerSurplusUsd = 0;
    }

    /** The month this state is at (0 = the scenario's start month). */
    public int month() { return month; }

    /** Awareness of lab i in segment g. */
    public double awareness(int g, int i) { return awareness[g * labs + i]; }

    /** All users of the lab's own options this month (a user holds one option at a time). */
    double users(int lab) {
        double u = 0;
        for (int k = lab * OptionKind.COUNT, end = k + OptionKind.COUNT; k < end; k++) u += usersByKind[k];
        return u;
    }

    /** The lab's newest frontier release, or null. */
    Release frontier(int lab) { return frontierRelease[lab] < 0 ? null : releases.get(frontierRelease[lab]); }

    /** The lab's potential capability now: log10 of this month's run compute times A. */
    double potentialCapability(int lab) { return Math.log10(computeFlop[lab]) + lnA[lab] / Math.log(10); }

    List<Release> releases() { return List.copyOf(releases); }
}
