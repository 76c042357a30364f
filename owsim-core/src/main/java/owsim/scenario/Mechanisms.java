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
    Boolean subscriptionCaps) {

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
    }

    /** Every mechanism on. */
    public static Mechanisms allOn() {
        return new Mechanisms(null, null, null, null, null, null, null, null, null, null, null, null);
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
        Boolean v = value;
        return switch (mechanism) {
            case RESEARCH -> new Mechanisms(v, spillover, distillation, wordOfMouth, hobbyistAdoption, news, marketing, distribution, ecosystem, talent, frontierProgress, subscriptionCaps);
            case SPILLOVER -> new Mechanisms(research, v, distillation, wordOfMouth, hobbyistAdoption, news, marketing, distribution, ecosystem, talent, frontierProgress, subscriptionCaps);
            case DISTILLATION -> new Mechanisms(research, spillover, v, wordOfMouth, hobbyistAdoption, news, marketing, distribution, ecosystem, talent, frontierProgress, subscriptionCaps);
            case WORD_OF_MOUTH -> new Mechanisms(research, spillover, distillation, v, hobbyistAdoption, news, marketing, distribution, ecosystem, talent, frontierProgress, subscriptionCaps);
            case HOBBYIST_ADOPTION -> new Mechanisms(research, spillover, distillation, wordOfMouth, v, news, marketing, distribution, ecosystem, talent, frontierProgress, subscriptionCaps);
            case NEWS -> new Mechanisms(research, spillover, distillation, wordOfMouth, hobbyistAdoption, v, marketing, distribution, ecosystem, talent, frontierProgress, subscriptionCaps);
            case MARKETING -> new Mechanisms(research, spillover, distillation, wordOfMouth, hobbyistAdoption, news, v, distribution, ecosystem, talent, frontierProgress, subscriptionCaps);
            case DISTRIBUTION -> new Mechanisms(research, spillover, distillation, wordOfMouth, hobbyistAdoption, news, marketing, v, ecosystem, talent, frontierProgress, subscriptionCaps);
            case ECOSYSTEM -> new Mechanisms(research, spillover, distillation, wordOfMouth, hobbyistAdoption, news, marketing, distribution, v, talent, frontierProgress, subscriptionCaps);
            case TALENT -> new Mechanisms(research, spillover, distillation, wordOfMouth, hobbyistAdoption, news, marketing, distribution, ecosystem, v, frontierProgress, subscriptionCaps);
            case FRONTIER_PROGRESS -> new Mechanisms(research, spillover, distillation, wordOfMouth, hobbyistAdoption, news, marketing, distribution, ecosystem, talent, v, subscriptionCaps);
            case SUBSCRIPTION_CAPS -> new Mechanisms(research, spillover, distillation, wordOfMouth, hobbyistAdoption, news, marketing, distribution, ecosystem, talent, frontierProgress, v);
        };
    }

    /** Whether a mechanism is on. */
    public boolean isOn(MechanismSwitch mechanism) {
        return switch (mechanism) {
            case RESEARCH -> research();
            case SPILLOVER -> spillover();
            case DISTILLATION -> distillation();
            case WORD_OF_MOUTH -> wordOfMouth();
            case HOBBYIST_ADOPTION -> hobbyistAdoption();
            case NEWS -> news();
            case MARKETING -> marketing();
            case DISTRIBUTION -> distribution();
            case ECOSYSTEM -> ecosystem();
            case TALENT -> talent();
            case FRONTIER_PROGRESS -> frontierProgress();
            case SUBSCRIPTION_CAPS -> subscriptionCaps();
        };
    }
}
