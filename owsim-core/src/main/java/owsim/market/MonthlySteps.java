package owsim.market;

import java.util.List;
import java.util.Set;

/**
 * The one list of the market's mechanisms, in the order a month applies them (docs/MODEL.md). The
 * aggregate engine applies it as it is; the agent engine applies the mechanisms before the first
 * per-user one, then its users (attention, choice, usage and a second assistant for each individual, with the
 * coefficients those mechanisms compute), then the mechanisms after the last per-user one. A new
 * mechanism is one class and one line here.
 */
final class MonthlySteps {
    private MonthlySteps() {}

    /** Every mechanism of a month, in order. */
    public static final List<Mechanism> ORDER = List.of(
        new Research(), new ReleaseDecisions(), new Releases(), new ApiPricing(), new PlanPricing(), new Distillation(), new Attention(), new Choice(),
        new Usage(), new MultiHoming(), new PlacedAssistants(), new Advertising(), new ParentApps(), new CloudHosting(), new EnterpriseContracts(), new WageBids(), new Talent(), new Ecosystem(), new Finance(), new MonthEnd());

    /** The mechanisms the agent engine applies to each user instead (through {@link IndividualMarket}); contiguous in {@link #ORDER}. */
    static final Set<Class<? extends Mechanism>> PER_USER = Set.of(Attention.class, Choice.class, Usage.class, MultiHoming.class);

    /** The agent engine's mechanisms before its users: those of {@link #ORDER} before the first per-user one. */
    static final List<Mechanism> BEFORE_USERS = ORDER.subList(0, firstPerUser());

    /** The agent engine's mechanisms after its users: those of {@link #ORDER} after the last per-user one. */
    static final List<Mechanism> AFTER_USERS = ORDER.subList(lastPerUser() + 1, ORDER.size());

    private static int firstPerUser() {
        for (int k = 0; k < ORDER.size(); k++) if (isPerUser(k)) return k;
        throw new IllegalStateException("no per-user mechanism in the step list");
    }

    /** The last per-user mechanism, after checking that they are contiguous (the users are one block of the month). */
    private static int lastPerUser() {
        int first = firstPerUser();
        int last = first + PER_USER.size() - 1;
        for (int k = 0; k < ORDER.size(); k++) {
            if (isPerUser(k) != (k >= first && k <= last)) {
                throw new IllegalStateException("the per-user mechanisms " + PER_USER + " must be contiguous in the step list");
            }
        }
        return last;
    }

    private static boolean isPerUser(int k) {
        return PER_USER.contains(ORDER.get(k).getClass());
    }
}
