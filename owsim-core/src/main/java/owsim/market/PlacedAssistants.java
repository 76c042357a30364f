package owsim.market;

import owsim.scenario.MechanismSwitch;
import owsim.scenario.MultiHomingSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.SegmentSpec;

/**
 * Mechanism {@code placedAssistants} (issue 15): an assistant placed in apps people use anyway (a
 * search bar in a messaging app, a phone's assistant button, an office suite's side panel) is used
 * by people who chose another assistant, or none. A segment's {@code multiHoming.placed} share s_j of
 * lab j: of the segment's people who know lab j and do not count it already (as the lab of their
 * first option, or as their second assistant), the share s_j use its assistant incidentally in the
 * month: n = s_j max(0, a_j N - U_j - S_j), a_j the segment's awareness of lab j, N its people, U_j
 * its users of lab j's options and S_j its second users of lab j ({@link MultiHoming}). They count
 * among lab j's monthly users ({@code monthlyUsers}, with {@code placedUsers}), where lab j's free
 * tier is offered to them (a class whose offers do not include it has none); each puts
 * {@code placedTokenShare} of the tokens lab j's free tier serves a user of the class through it, at
 * its cost, and pays nothing; with {@code adImpressions} its ads count that share of a free-tier
 * user-month, and its parent's value ({@link ParentApps}) counts that share of a user-month too. The
 * choice, awareness and accounts read nothing of them, so a lab's own users are the ones before.
 *
 * <p>It runs after the users of the month (after {@link MultiHoming}, whose second users it reads),
 * from the segment's totals, so the aggregate and the agent engine apply the same step to their
 * month's users. Switched off, or with no segment carrying a share above 0, nothing is booked and
 * the run's outputs are the ones before, bit for bit.
 */
final class PlacedAssistants implements Mechanism {
    private static final int FREE = OptionKind.FREE.ordinal();

    /** Whether a run of this world counts placed assistants' incidental users: the switch on and a segment with a placed share above 0 for one of its labs. */
    static boolean on(World w) {
        if (!w.scenario.mechanisms().isOn(MechanismSwitch.PLACED_ASSISTANTS)) return false;
        for (SegmentSpec g : w.scenario.segments()) {
            MultiHomingSpec m = g.multiHoming();
            if (m == null) continue;
            for (var lab : w.scenario.labs()) if (m.placedShare(lab.id()) > 0) return true; // a lab the scenario does not have is ignored
        }
        return false;
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        int labs = w.labs;
        for (int g = 0; g < w.segments; g++) {
            MultiHomingSpec spec = w.scenario.segments().get(g).multiHoming();
            if (spec == null || spec.placed().isEmpty()) continue;
            for (int j = 0; j < labs; j++) {
                double share = spec.placedShare(w.scenario.labs().get(j).id());
                if (!(share > 0)) continue;
                book(w, s, g, j, share * incidentalPool(w, s, g, j), spec);
            }
        }
    }

    /** The segment's people who know lab j and do not count it already: a_j N - U_j - S_j, not below 0. */
    static double incidentalPool(World w, MarketState s, int g, int j) {
        int k = (g * w.labs + j) * OptionKind.COUNT;
        double holders = s.secondSegUsers[g * w.labs + j];
        for (int kind = 0; kind < OptionKind.COUNT; kind++) holders += s.segUsers[k + kind];
        return Math.max(0, s.awareness(g, j) * s.population[g] - holders);
    }

    /**
     * Books the segment's {@code people} incidental users of lab j over its classes by their weight,
     * in the classes offered lab j's free tier: the users, the token share of the free tier's tokens
     * at its cost, and the ads' and parent's weighted user-months.
     */
    private static void book(World w, MarketState s, int g, int j, double people, MultiHomingSpec spec) {
        if (!(people > 0)) return;
        double f = spec.placedTokenShare();
        double users = 0;
        for (int c = 0; c < w.classes; c++) {
            if (w.userClasses.segment[c] != g) continue;
            int row = c * w.options;
            for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
                int o = s.offered[row + r];
                if (w.optionTable.lab[o] != j || w.optionTable.kindCode[o] != FREE || !s.offerAvailable[row + o]) continue;
                double n = people * w.userClasses.weight[c];
                users += n;
                double tok = f * n * s.offerTokens[row + o];
                s.tokens[j] += tok;
                s.servingCost[j] += f * n * s.offerServing[row + o];
                s.segTokens[g] += tok;
                s.allTokens += tok;
                if (s.offerOpen[row + o]) {
                    s.openTokens += tok;
                    s.segOpenTokens[g] += tok;
                }
            }
        }
        if (!(users > 0)) return;
        s.placedUsers[j] += users;
        s.placedEngaged[g * w.labs + j] += f * users;
        if (spec.adImpressions()) s.secondAdUserMonths[g * w.labs + j] += f * users;
    }
}
