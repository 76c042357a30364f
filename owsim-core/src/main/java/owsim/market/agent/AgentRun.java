package owsim.market.agent;

import owsim.market.IndividualMarket;
import owsim.market.MarketRun;
import owsim.market.RunResult;
import owsim.market.network.Network;
import owsim.scenario.NetworkSpec;
import owsim.scenario.Scenario;

/**
 * One agent-engine run, month by month (from {@link AgentEngine#start}): the market of a scenario,
 * its users and their network, and the kernel ({@code AgentEngine.Month}) that steps every user.
 * {@link AgentEngine#run} is this stepped to the last month; the JMH benchmarks and
 * {@code owsim bench agents} step it too, so the speed they publish is the engine's own loop.
 * It owns the worker threads: close it when done.
 */
public final class AgentRun implements AutoCloseable {
    private final MarketRun run;
    private final IndividualMarket market;
    private final BlockExecutor executor;
    private final AgentEngine.Users users;
    private final AgentEngine.Month kernel;
    private final int months;
    private int month;

    AgentRun(Scenario scenario, MarketRun run, NetworkSpec network, int userCount, int threads) {
        long seed = scenario.seed();
        this.run = run;
        this.market = run.individualMarket();
        this.months = run.months();
        this.executor = new BlockExecutor(threads);
        try {
            this.users = AgentEngine.Users.create(market, userCount, seed, executor);
            Network net = AgentEngine.network(network, userCount, seed);
            this.kernel = new AgentEngine.Month(market, users, net, executor, seed);
        } catch (RuntimeException e) {
            executor.close();
            throw e;
        }
    }

    /** Months already stepped (the index of the next month). */
    public int month() {
        return month;
    }

    /** Months of the scenario. */
    public int months() {
        return months;
    }

    /**
     * One month: the lab-level mechanisms before the users, every user (awareness, replacement,
     * choice, usage), then the mechanisms after them; the month's metrics are recorded.
     */
    public void step() {
        if (month >= months) throw new IllegalStateException("the run has ended after " + months + " months");
        market.beforeUsers(month);
        kernel.step(month);
        run.record(month);
        month++;
    }

    /** The run's result: every series for the months stepped so far (later months are 0). */
    public RunResult result() {
        return run.result();
    }

    /** The market whose coefficients the users follow and to which their tallies go. */
    public IndividualMarket market() {
        return market;
    }

    /** Simulated users. */
    public int users() {
        return users.population.users();
    }

    /** Segment of a user. */
    public int segment(int user) {
        return users.population.segment[user];
    }

    /** Class (segment x usage bin x hardware) of a user, the row of its choice weights. */
    public int userClass(int user) {
        return users.userClass[user];
    }

    /** The labs a user knows, bit l for lab l. */
    public int awareLabs(int user) {
        return users.population.awareLabs[user];
    }

    /** A user's current option, or {@link Population#NO_OPTION}. */
    public int option(int user) {
        return users.population.option[user];
    }

    /** A user's own usage before any plan's cap, tokens per month. */
    public float usageTokensPerMonth(int user) {
        return users.population.usageTokensPerMonth[user];
    }

    /** Simulated users per segment. */
    public long[] usersPerSegment() {
        return users.perSegment.clone();
    }

    /** Bytes of per-user state in the arrays (the network's not included). */
    public long bytes() {
        return users.population.bytes() + 2L * users.userClass.length;
    }

    /**
     * Wall time this run has spent in its parallel block loops, in nanoseconds: the rest of a
     * month's wall time (lab-level mechanisms, merging the blocks' tallies) runs on one thread,
     * which is what bounds the second thread's gain.
     */
    public long parallelNanos() {
        return executor.parallelNanos();
    }

    @Override public void close() {
        executor.close();
    }
}
