package owsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import owsim.market.IndividualMarket;
import owsim.market.agent.AgentRun;

/**
 * The agent engine's month ({@code AgentEngine.Month}, fully mixed) written the way users of agent
 * frameworks write a model: one object per user with its own fields, kept in a list, and a schedule
 * that calls {@code step()} on every agent once a month (no second pass: fully mixed, a user's new
 * option depends only on its own state, so it is written in place). The model owns one random
 * generator and the month's totals, which every agent adds to. It is the rival in the benchmark,
 * not part of the simulator.
 *
 * <p>The rule is the engine's: the same coefficients from the same {@link IndividualMarket}
 * (attention hazards, replacement, reconsidering, logit weights with the switching bonus, token
 * caps), the same random numbers per user (32-bit halves of 64-bit draws: two labs a draw, and one draw
 * for replacement and reconsidering) and the same totals
 * handed back to the market. Only the layout differs.
 */
final class ObjectAgentModel {

    /** One user. */
    static final class Agent {
        final int segment;
        final int userClass;
        final float usageTokensPerMonth;
        final boolean[] aware;
        int option;

        Agent(int segment, int userClass, float usageTokensPerMonth, boolean[] aware, int option) {
            this.segment = segment;
            this.userClass = userClass;
            this.usageTokensPerMonth = usageTokensPerMonth;
            this.aware = aware;
            this.option = option;
        }

        void step(ObjectAgentModel model) {
            SplittableRandom random = model.random;
            int labs = aware.length;
            int mask = 0;
            for (int l = 0; l < labs; l += 2) {
                long r = random.nextLong();
                aware[l] |= (r >>> 32) < model.hazardThreshold[segment * labs + l];
                if (l + 1 < labs) aware[l + 1] |= (r & 0xffffffffL) < model.hazardThreshold[segment * labs + l + 1];
            }
            for (int l = 0; l < labs; l++) if (aware[l]) mask |= 1 << l;
            int o = option;
            long r = random.nextLong(); // replacement on the high half, reconsidering on the low half (as the engine)
            if ((r >>> 32) < model.replacedThreshold[segment]) o = -1;
            IndividualMarket m = model.market;
            int row = userClass * m.userOptions;
            boolean forced = o >= 0 && !m.usable[row + o];
            if ((r & 0xffffffffL) < model.reconsiderThreshold[segment] || forced) {
                double extra = o >= 0 && !forced ? (m.stayFactor[segment] - 1) * m.weight[row + o] : 0;
                o = model.choose(row, mask, o, extra, random.nextDouble() * (m.denominator[(userClass << labs) | mask] + extra));
            }
            option = o;
            if (o >= 0) {
                model.users[row + o]++;
                model.tokens[row + o] += Math.min(usageTokensPerMonth, m.tokenCap[row + o]);
            }
            for (int l = 0; l < labs; l++) if (aware[l]) model.aware[segment * labs + l]++;
            model.lnDenominator[segment] += model.lnDenominatorByPattern[(userClass << labs) | mask];
        }
    }

    private final IndividualMarket market;
    private final List<Agent> agents;
    private final long[] usersPerSegment;
    private final SplittableRandom random;
    private final long[] hazardThreshold;
    private final long[] replacedThreshold;
    private final long[] reconsiderThreshold;
    private final double[] lnDenominatorByPattern;
    private long[] users;
    private double[] tokens;
    private long[] aware;
    private double[] lnDenominator;
    private int month;

    /** Copies the users of a run that has stepped its first months, and drives that run's market from then on. */
    ObjectAgentModel(AgentRun run, long seed) {
        this.market = run.market();
        int labs = market.labs;
        this.agents = new ArrayList<>(run.users());
        for (int i = 0; i < run.users(); i++) {
            boolean[] known = new boolean[labs];
            for (int l = 0; l < labs; l++) known[l] = (run.awareLabs(i) >>> l & 1) != 0;
            agents.add(new Agent(run.segment(i), run.userClass(i), run.usageTokensPerMonth(i), known, run.option(i)));
        }
        this.usersPerSegment = run.usersPerSegment();
        this.random = new SplittableRandom(seed);
        this.hazardThreshold = new long[market.segments * labs];
        this.replacedThreshold = new long[market.segments];
        this.reconsiderThreshold = new long[market.segments];
        this.lnDenominatorByPattern = new double[market.denominator.length];
        this.month = run.month();
    }

    /** One month: the market's coefficients, every agent stepped by the schedule, the totals back to the market. */
    void step() {
        IndividualMarket m = market;
        m.beforeUsers(month);
        for (int k = 0; k < hazardThreshold.length; k++) hazardThreshold[k] = threshold(m.mixedHazard[k]);
        for (int g = 0; g < m.segments; g++) {
            replacedThreshold[g] = threshold(m.replacedShare[g]);
            reconsiderThreshold[g] = m.reconsider[g] >= 1 ? 1L << 33 : threshold(m.reconsider[g]);
        }
        for (int k = 0; k < lnDenominatorByPattern.length; k++) lnDenominatorByPattern[k] = Math.log(m.denominator[k]);
        users = new long[m.classes * m.userOptions];
        tokens = new double[m.classes * m.userOptions];
        aware = new long[m.segments * m.labs];
        lnDenominator = new double[m.segments];
        for (Agent a : agents) a.step(this);
        m.afterUsers(users, tokens, aware, lnDenominator, usersPerSegment);
        month++;
    }

    /** Logit draw as the engine's: the switching bonus first, then nothing, then the options of known labs. */
    int choose(int row, int mask, int current, double extra, double r) {
        if (r < extra) return current;
        r -= extra + 1;
        if (r < 0) return -1;
        int last = -1;
        for (int o = 0; o < market.userOptions; o++) {
            double v = market.weight[row + o];
            if (v == 0 || (mask >>> market.optionLab[o] & 1) == 0) continue;
            last = o;
            r -= v;
            if (r < 0) return o;
        }
        return last;
    }

    private static long threshold(double probability) {
        return Math.round(probability * (double) (1L << 32));
    }

    /** Total tokens of the last month (a result the JIT cannot discard). */
    double tokens() {
        double t = 0;
        for (double x : tokens) t += x;
        return t;
    }
}
