package owsim.bench;

import ec.util.MersenneTwisterFast;
import owsim.market.IndividualMarket;
import owsim.market.agent.AgentRun;
import sim.engine.Sequence;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The agent engine's month (fully mixed) as a MASON model, the way MASON's manual builds one: a
 * {@link SimState} holding the model, one {@link Steppable} per user, the users in a
 * {@link Sequence} scheduled once per month between the market's step before them and its step
 * after them, and MASON's own generator ({@code state.random}, a Mersenne Twister). A user's new
 * option depends only on its own state (fully mixed), so it is written in place: one pass.
 *
 * <p>Same coefficients, same use of random numbers per user (32-bit halves of 64-bit draws: two labs a draw, and one draw
 * for replacement and reconsidering) and
 * same totals as {@code AgentEngine.Month} and {@link ObjectAgentModel}; a rival in the benchmark,
 * not part of the simulator.
 */
final class MasonAgentModel extends SimState {
    private static final long serialVersionUID = 1L;

    /** One user. */
    static final class User implements Steppable {
        private static final long serialVersionUID = 1L;
        final int segment;
        final int userClass;
        final float usageTokensPerMonth;
        final boolean[] aware;
        int option;

        User(int segment, int userClass, float usageTokensPerMonth, boolean[] aware, int option) {
            this.segment = segment;
            this.userClass = userClass;
            this.usageTokensPerMonth = usageTokensPerMonth;
            this.aware = aware;
            this.option = option;
        }

        @Override public void step(SimState state) {
            MasonAgentModel model = (MasonAgentModel) state;
            MersenneTwisterFast random = model.random;
            IndividualMarket m = model.market;
            int labs = aware.length;
            for (int l = 0; l < labs; l += 2) {
                long r = random.nextLong();
                aware[l] |= (r >>> 32) < model.hazardThreshold[segment * labs + l];
                if (l + 1 < labs) aware[l + 1] |= (r & 0xffffffffL) < model.hazardThreshold[segment * labs + l + 1];
            }
            int mask = 0;
            for (int l = 0; l < labs; l++) if (aware[l]) mask |= 1 << l;
            int o = option;
            long r = random.nextLong(); // replacement on the high half, reconsidering on the low half (as the engine)
            if ((r >>> 32) < model.replacedThreshold[segment]) o = -1;
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

    private final transient IndividualMarket market;
    private final User[] people;
    private final long[] usersPerSegment;
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
    MasonAgentModel(AgentRun run, long seed) {
        super(seed);
        this.market = run.market();
        int labs = market.labs;
        this.people = new User[run.users()];
        for (int i = 0; i < people.length; i++) {
            boolean[] known = new boolean[labs];
            for (int l = 0; l < labs; l++) known[l] = (run.awareLabs(i) >>> l & 1) != 0;
            people[i] = new User(run.segment(i), run.userClass(i), run.usageTokensPerMonth(i), known, run.option(i));
        }
        this.usersPerSegment = run.usersPerSegment();
        this.hazardThreshold = new long[market.segments * labs];
        this.replacedThreshold = new long[market.segments];
        this.reconsiderThreshold = new long[market.segments];
        this.lnDenominatorByPattern = new double[market.denominator.length];
        this.month = run.month();
        start();
    }

    @Override public void start() {
        super.start();
        schedule.scheduleRepeating(0, 0, state -> beforeUsers(), 1);
        schedule.scheduleRepeating(0, 1, new Sequence(people), 1);
        schedule.scheduleRepeating(0, 2, state -> afterUsers(), 1);
    }

    /** One month: one step of MASON's schedule. */
    void step() {
        schedule.step(this);
    }

    private void beforeUsers() {
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
    }

    private void afterUsers() {
        market.afterUsers(users, tokens, aware, lnDenominator, usersPerSegment);
        month++;
    }

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
