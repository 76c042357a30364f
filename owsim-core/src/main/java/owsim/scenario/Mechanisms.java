package owsim.scenario;

/**
 * One switch per mechanism, so an experiment can show what each contributes. Absent = on.
 *
 * @param research own research raises algorithmic efficiency
 * @param spillover claim a: labs catch up on the best open model's efficiency
 * @param distillation claim c: harvesting of stronger models
 * @param wordOfMouth claim e: adopters raise others' awareness
 * @param hobbyistAdoption claim e: hobbyists running an open model count as its lab's adopters
 * @param news claim e: a release that beats the best open model makes a news spike
 * @param marketing paid advertising raises awareness
 * @param distribution claim f: a lab's other apps raise awareness among their users
 * @param ecosystem claims h, i: derivatives of open models raise utility and feed research
 * @param talent claim j: researchers move to labs by pay and prestige
 * @param frontierProgress claim g: training compute grows between releases
 * @param subscriptionCaps claim b: plans stop users at the monthly token limit
 * @param regions segments are split into the scenario's regions (off: one global region, as without {@code regions:})
 * @param accessRules a lab's services are not offered, nor known, where an access rule says so
 * @param exportControls the accelerators a lab may buy depend on its home region and the month
 * @param regionalPrices a region's willingness to pay scales its users' price weight
 * @param regionalChannels a lab's distribution channel reaches only its home region's users
 * @param financing labs train only as far as their cash pays, raise rounds on traction, are funded by a parent, or exit
 * @param advertising labs that show ads earn revenue per free-tier user-month, scaled by the region's willingness to pay
 * @param trainingBudget labs set their training budget, and so their run's compute growth, from expected revenue and the money they have
 * @param apiPricing labs move their API price at decision points toward a margin over their serving cost, or follow a cheaper rival when they lose share
 * @param researchCompute with the training budget on, labs pay the whole R&amp;D compute its budget plans, not only the final runs
 * @param proPlans claim b: a lab with a {@code pro} plan offers it beside its base plan, and users whose usage exceeds the base plan's
 *     cap take it when its fee and cap serve them better
 * @param enterprise a segment with an {@code enterprise} block adopts a model only its procurement lag after the model's
 *     release, and gives a lab's own API its premium over hosted or self-hosted open weights
 * @param parentApps a lab inside a parent with apps earns, as the parent's value, an amount per user-month of its assistant
 *     that keeps people in the parent's apps, scaled by the region's willingness to pay
 * @param cloudHosting a lab with a cloud earns its cloud's margin on the share of third-party hosting of its open weights
 *     that runs on that cloud
 * @param wageBids labs raise the pay they offer researchers when they cannot fill their openings, up to what they can
 *     afford, and ease it back toward the median when they fill them
 * @param ecosystemDecay with an {@code ecosystem} section, a lab's derivatives lose relevance as their base models age: the stock
 *     halves in the section's half-life when no new ones are made
 * @param multiHoming a share of the adopters of a segment with a {@code multiHoming} block also use a second lab's
 *     assistant, counted in that lab's monthly users
 * @param enterpriseContracts with an {@code enterpriseContracts} section, firms buy seats of the listed labs' business plans
 *     under contracts of a term, chosen again only at renewal; the seats' fees are part of the labs' revenue
 * @param thirdPartyFineTunes with a {@code thirdPartyFineTunes} section, the value of a lab's derivatives attaches to the hosted
 *     and self-hosted options of its open models and only the section's share of it to the lab's own API, plans and free tier
 * @param placedAssistants with a segment's {@code multiHoming.placed} shares, a lab whose assistant is placed in its parent's
 *     apps also counts, among its monthly users, a share of the aware people of the segment who do not otherwise use it
 *     (incidental users of the placed assistant)
 * @param usageGrowth a segment with a {@code usageGrowthPerYear} has its median tokens per month grow by that factor a
 *     year, compounded monthly from month 0 (up to its {@code usageGrowthCeiling}): API revenue, serving cost, the
 *     usage plans' caps cut off and their subscribers' cost follow
 * @param derivativesPerBaseModel with a {@code derivativesPerBaseModel} section, a lab's derivatives are kept per open
 *     release (base model): new ones go mostly to its newest open base, and a base's derivatives count for users and
 *     research with a weight that falls with its capability behind the lab's most capable open base
 * @param pricePerWork with {@code usageGrowth} acting, a segment with a {@code priceWeightUsageElasticity} e weighs
 *     what it pays by the token (API, hosted, self-hosted, a capped plan's shortfall) at its price weight over its
 *     usage factor to the power e: the price of a unit of work, not of a grown monthly bill; fees keep the full weight
 * @param planPricing with a {@code planPricing} section, labs set their consumer plans' fee and token cap at decision points:
 *     caps first, fees only when a cap is at its floor, to keep each plan's margin over its serving cost in a band
 * @param releaseDecisions with a {@code releaseDecisions} section, the labs it lists change the release policy of their
 *     next models at decision points (close once near the closed frontier and well known, open once behind and losing users)
 */
public record Mechanisms(
    Boolean research,
    Boolean spillover,
    Boolean distillation,
    Boolean wordOfMouth,
    Boolean hobbyistAdoption,
    Boolean news,
    Boolean marketing,
    Boolean distribution,
    Boolean ecosystem,
    Boolean talent,
    Boolean frontierProgress,
    Boolean subscriptionCaps,
    Boolean regions,
    Boolean accessRules,
    Boolean exportControls,
    Boolean regionalPrices,
    Boolean regionalChannels,
    Boolean financing,
    Boolean advertising,
    Boolean trainingBudget,
    Boolean apiPricing,
    Boolean researchCompute,
    Boolean proPlans,
    Boolean enterprise,
    Boolean parentApps,
    Boolean cloudHosting,
    Boolean wageBids,
    Boolean ecosystemDecay,
    Boolean multiHoming,
    Boolean enterpriseContracts,
    Boolean thirdPartyFineTunes,
    Boolean placedAssistants,
    Boolean usageGrowth,
    Boolean derivativesPerBaseModel,
    Boolean pricePerWork,
    Boolean planPricing,
    Boolean releaseDecisions) {

    /** The switches' YAML names, in record order. */
    public static final java.util.List<String> NAMES = java.util.Arrays.stream(Mechanisms.class.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName).toList();

    public Mechanisms {
        research = on(research);
        spillover = on(spillover);
        distillation = on(distillation);
        wordOfMouth = on(wordOfMouth);
        hobbyistAdoption = on(hobbyistAdoption);
        news = on(news);
        marketing = on(marketing);
        distribution = on(distribution);
        ecosystem = on(ecosystem);
        talent = on(talent);
        frontierProgress = on(frontierProgress);
        subscriptionCaps = on(subscriptionCaps);
        regions = on(regions);
        accessRules = on(accessRules);
        exportControls = on(exportControls);
        regionalPrices = on(regionalPrices);
        regionalChannels = on(regionalChannels);
        financing = on(financing);
        advertising = on(advertising);
        trainingBudget = on(trainingBudget);
        apiPricing = on(apiPricing);
        researchCompute = on(researchCompute);
        proPlans = on(proPlans);
        enterprise = on(enterprise);
        parentApps = on(parentApps);
        cloudHosting = on(cloudHosting);
        wageBids = on(wageBids);
        ecosystemDecay = on(ecosystemDecay);
        multiHoming = on(multiHoming);
        enterpriseContracts = on(enterpriseContracts);
        thirdPartyFineTunes = on(thirdPartyFineTunes);
        placedAssistants = on(placedAssistants);
        usageGrowth = on(usageGrowth);
        derivativesPerBaseModel = on(derivativesPerBaseModel);
        pricePerWork = on(pricePerWork);
        planPricing = on(planPricing);
        releaseDecisions = on(releaseDecisions);
    }

    /** Every mechanism on. */
    public static Mechanisms allOn() {
        return new Mechanisms(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Boolean on(Boolean b) { return b == null ? Boolean.TRUE : b; }

    /**
     * A copy with one switch changed, by its YAML name.
     *
     * @throws IllegalArgumentException naming the allowed switches
     */
    public Mechanisms with(String name, boolean value) {
        return with(MechanismSwitch.parse(name), value);
    }

    /** A copy with one switch changed. */
    public Mechanisms with(MechanismSwitch mechanism, boolean value) {
        Boolean[] v = values();
        v[mechanism.ordinal()] = value;
        return new Mechanisms(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36]);
    }

    /** Whether a mechanism is on. */
    public boolean isOn(MechanismSwitch mechanism) {
        return values()[mechanism.ordinal()];
    }

    /** The switches in record order, which is {@link MechanismSwitch}'s order. */
    private Boolean[] values() {
        return new Boolean[] {research, spillover, distillation, wordOfMouth, hobbyistAdoption, news, marketing, distribution, ecosystem,
            talent, frontierProgress, subscriptionCaps, regions, accessRules, exportControls, regionalPrices, regionalChannels, financing, advertising, trainingBudget,
            apiPricing, researchCompute, proPlans, enterprise, parentApps, cloudHosting, wageBids, ecosystemDecay, multiHoming, enterpriseContracts, thirdPartyFineTunes, placedAssistants, usageGrowth,
            derivativesPerBaseModel, pricePerWork, planPricing, releaseDecisions};
    }
}
