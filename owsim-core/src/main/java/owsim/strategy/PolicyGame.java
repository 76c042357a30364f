package owsim.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import owsim.policy.ReleasePolicies;
import owsim.random.StudentT;
import owsim.random.Seeds;
import owsim.market.Engine;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.progress.ProgressListener;
import owsim.progress.ProgressMeter;
import owsim.scenario.Scenario;
import owsim.strategy.games.NormalFormGame;
import owsim.strategy.games.PureEquilibrium;

/**
 * The game of release policies among some labs of a scenario: every combination of their policies
 * simulated (the other labs keep the scenario's), each lab's payoff the mean over replications.
 *
 * <p>Replications use common random numbers: replication r of every profile runs with the same
 * seed (the scenario's own seed for r = 0, {@link Seeds#replication} after), so the difference a
 * lab makes by switching policy is measured on the same draws of users and news, and its spread
 * is the policy's effect rather than the noise of two independent worlds.
 */
public final class PolicyGame {
    private final NormalFormGame game;
    private final double[][][] samples;   // [profile index][player][replication]
    private final int replications;

    private PolicyGame(NormalFormGame game, double[][][] samples, int replications) {
        this.game = game;
        this.samples = samples;
        this.replications = replications;
    }

    /**
     * Simulates every profile {@code replications} times with {@code engine} (more than one
     * replication only tells something with a {@link owsim.market.EngineKind#stochastic()} engine).
     *
     * @throws IllegalArgumentException when a lab is unknown or listed twice, a policy is invalid or repeated
     */
    public static PolicyGame simulate(Scenario base, List<String> labs, List<String> policies, int replications,
                                      Engine engine, ProgressListener progress) {
        return simulate(base, labs, policies, replications, engine::run, progress);
    }

    /**
     * Simulates every profile {@code replications} times with a run function ({@link Engine#run}
     * or a wrapper around it, e.g. one that records the seeds).
     *
     * @throws IllegalArgumentException when a lab is unknown or listed twice, a policy is invalid or repeated
     */
    public static PolicyGame simulate(Scenario base, List<String> labs, List<String> policies, int replications,
                                      Function<Scenario, RunResult> engine, ProgressListener progress) {
        if (replications < 1) throw new IllegalArgumentException("replications: must be a whole number >= 1, was " + replications);
        if (labs.size() < NormalFormGame.MIN_PLAYERS || labs.size() > NormalFormGame.MAX_PLAYERS) {
            throw new IllegalArgumentException("labs: give 2 to 4 lab ids, was " + labs.size());
        }
        for (String lab : labs) {
            if (base.labIndex(lab) < 0) {
                throw new IllegalArgumentException("labs: unknown lab '" + lab + "'; labs: "
                    + String.join(", ", base.labs().stream().map(l -> l.id()).toList()));
            }
        }
        if (labs.stream().distinct().count() != labs.size()) throw new IllegalArgumentException("labs: a lab is listed twice");
        if (policies.isEmpty()) throw new IllegalArgumentException("policies: give at least one policy");
        for (String p : policies) ReleasePolicies.parse(p);
        if (policies.stream().distinct().count() != policies.size()) throw new IllegalArgumentException("policies: a policy is listed twice");

        long[] seeds = new long[replications];
        for (int r = 0; r < replications; r++) seeds[r] = r == 0 ? base.seed() : Seeds.replication(base.seed(), 0, r);
        int profiles = (int) Math.pow(policies.size(), labs.size());
        ProgressMeter meter = new ProgressMeter("runs", (long) profiles * replications, progress);
        List<double[][]> collected = new ArrayList<>();
        List<List<String>> strategies = new ArrayList<>();
        for (int i = 0; i < labs.size(); i++) strategies.add(policies);
        NormalFormGame game = NormalFormGame.of(labs, strategies, profile -> {
            Scenario s = base;
            for (int p = 0; p < profile.length; p++) s = s.withPolicy(labs.get(p), policies.get(profile[p]));
            double[][] cell = new double[labs.size()][replications];
            for (int r = 0; r < replications; r++) {
                RunResult result = engine.apply(s.withSeed(seeds[r]));
                for (int p = 0; p < labs.size(); p++) cell[p][r] = payoff(result, labs.get(p));
                meter.advance(1);
            }
            collected.add(cell);
            double[] mean = new double[labs.size()];
            for (int p = 0; p < mean.length; p++) mean[p] = mean(cell[p]);
            return mean;
        });
        double[][][] samples = new double[game.profileCount()][][];
        for (int index = 0; index < samples.length; index++) samples[index] = collected.get(index);
        return new PolicyGame(game, samples, replications);
    }

    /** The game of mean payoffs. */
    public NormalFormGame game() { return game; }

    public int replications() { return replications; }

    /** Player's payoff in each replication of a profile. */
    public double[] samples(int profileIndex, int player) { return samples[profileIndex][player].clone(); }

    /** Half-width of the 95% confidence interval of a cell's mean payoff (0 with one replication). */
    public double halfWidth95(int profileIndex, int player) {
        return halfWidth95(samples[profileIndex][player]);
    }

    /**
     * What {@code player} loses by deviating from {@code profile} to {@code alternative}: the
     * paired difference, replication by replication, of its payoff at the profile minus its payoff
     * after the switch.
     */
    public Deviation deviation(int[] profile, int player, int alternative) {
        int[] moved = profile.clone();
        moved[player] = alternative;
        double[] stay = samples[game.profileIndex(profile)][player];
        double[] move = samples[game.profileIndex(moved)][player];
        double[] diff = new double[replications];
        for (int r = 0; r < replications; r++) diff[r] = stay[r] - move[r];
        return new Deviation(player, alternative, mean(diff), halfWidth95(diff));
    }

    /** Every unilateral deviation from an equilibrium, each player's and each alternative's. */
    public List<Deviation> deviations(PureEquilibrium e) {
        List<Deviation> out = new ArrayList<>();
        for (int p = 0; p < game.players(); p++) {
            for (int s = 0; s < game.strategyCount(p); s++) if (s != e.profile()[p]) out.add(deviation(e.profile(), p, s));
        }
        return out;
    }

    /**
     * A unilateral deviation's loss: positive when the deviation costs the player.
     *
     * @param lossMean mean over replications of payoff(stay) - payoff(deviate)
     * @param halfWidth95 half-width of its 95% interval (Student t over paired replications; 0 with one)
     */
    public record Deviation(int player, int alternative, double lossMean, double halfWidth95) {
        /** The loss is positive beyond the noise: the 95% interval lies above 0. */
        public boolean significant() { return lossMean - halfWidth95 > 0; }
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double halfWidth95(double[] x) {
        int n = x.length;
        if (n < 2) return 0;
        double m = mean(x);
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return StudentT.quantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
    }

    private static double payoff(RunResult r, String lab) {
        for (LabSummary l : r.labs()) if (l.id().equals(lab)) return l.payoff();
        throw new IllegalStateException("run has no lab '" + lab + "'");
    }
}
