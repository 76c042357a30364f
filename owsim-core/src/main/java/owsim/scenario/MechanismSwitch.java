package owsim.scenario;

/**
 * The switches of {@link Mechanisms}, one per mechanism, by the name a scenario file's
 * {@code mechanisms:} section uses. Claims and experiments name a switch by this enum rather than
 * by a string; {@link #parse} is the one place a name becomes a switch. The constants are in the
 * record's order ({@link Mechanisms#NAMES}).
 */
public enum MechanismSwitch {
    RESEARCH("research"),
    SPILLOVER("spillover"),
    DISTILLATION("distillation"),
    WORD_OF_MOUTH("wordOfMouth"),
    HOBBYIST_ADOPTION("hobbyistAdoption"),
    NEWS("news"),
    MARKETING("marketing"),
    DISTRIBUTION("distribution"),
    ECOSYSTEM("ecosystem"),
    TALENT("talent"),
    FRONTIER_PROGRESS("frontierProgress"),
    SUBSCRIPTION_CAPS("subscriptionCaps"),
    REGIONS("regions"),
    ACCESS_RULES("accessRules"),
    EXPORT_CONTROLS("exportControls"),
    REGIONAL_PRICES("regionalPrices"),
    REGIONAL_CHANNELS("regionalChannels"),
    FINANCING("financing"),
    ADVERTISING("advertising"),
    TRAINING_BUDGET("trainingBudget"),
    API_PRICING("apiPricing"),
    RESEARCH_COMPUTE("researchCompute"),
    PRO_PLANS("proPlans"),
    ENTERPRISE("enterprise"),
    PARENT_APPS("parentApps"),
    CLOUD_HOSTING("cloudHosting"),
    WAGE_BIDS("wageBids"),
    ECOSYSTEM_DECAY("ecosystemDecay"),
    MULTI_HOMING("multiHoming"),
    ENTERPRISE_CONTRACTS("enterpriseContracts"),
    THIRD_PARTY_FINE_TUNES("thirdPartyFineTunes"),
    PLACED_ASSISTANTS("placedAssistants"),
    USAGE_GROWTH("usageGrowth"),
    DERIVATIVES_PER_BASE_MODEL("derivativesPerBaseModel"),
    PRICE_PER_WORK("pricePerWork"),
    PLAN_PRICING("planPricing"),
    RELEASE_DECISIONS("releaseDecisions");

    private final String yamlName;

    MechanismSwitch(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The field's name in a scenario file's {@code mechanisms:} section, e.g. {@code wordOfMouth}. */
    public String yamlName() { return yamlName; }

    @Override public String toString() { return yamlName; }

    /**
     * The switch of a YAML name.
     *
     * @throws IllegalArgumentException naming the allowed switches
     */
    public static MechanismSwitch parse(String yamlName) {
        for (MechanismSwitch s : values()) if (s.yamlName.equals(yamlName)) return s;
        StringBuilder allowed = new StringBuilder();
        for (MechanismSwitch s : values()) allowed.append(allowed.length() == 0 ? "" : ", ").append(s.yamlName);
        throw new IllegalArgumentException("mechanisms: unknown switch '" + yamlName + "'; allowed: " + allowed);
    }
}
