package owsim.market.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import owsim.catalog.Catalog;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.IndividualMarket;
import owsim.market.MarketRun;
import owsim.market.RunCaches;
import owsim.market.RunResult;
import owsim.market.network.Network;
import owsim.market.network.Networks;
import owsim.random.Seeds;
import owsim.random.SplitMix64;
import owsim.progress.ProgressMeter;
import owsim.scenario.NetworkSpec;
import owsim.scenario.Scenario;

/**
 * The agent engine: the aggregate engine's market with individual users. Lab-level mechanisms
 * (research, releases, distillation, talent, ecosystem, finance, month end) are the same objects;
 * attention, choice and usage are applied to each user with the coefficients those mechanisms
 * compute ({@link IndividualMarket}). Each month, every user in turn
 * <ol>
 *   <li>may learn of each lab it does not know: fully mixed, with the exact one-step probability
 *   of the aggregate's Riccati equation at its segment's realised aware share (so the expected
 *   awareness is the aggregate's update); on a network, with 1 - exp(-(P + q x) dt), x the share
 *   of its neighbours using the lab (hosted and self-hosted copies of its open models count when
 *   the scenario's hobbyist adoption is on, as in the aggregate);</li>
 *   <li>is replaced by a new member with no option with the segment's growth share;</li>
 *   <li>reconsiders with the segment's churn (everybody in the first month; always when its option
 *   is no longer offered) and draws among the options of the labs it knows by the logit weights of
 *   its class (segment x usage bin x hardware: options its hardware cannot run weigh 0), its
 *   current option's weight times exp(switching cost);</li>
 *   <li>uses its option: its own usage, capped by the plan's token limit.</li>
 * </ol>
 * Users are cut into fixed blocks with their own random streams (seed, month, block) and read only
 * last month's options, so the result is bit-identical for any thread count.
 */
public final class AgentEngine implements Engine {
    private final Catalog catalog;
    private final AgentOptions options;
    private final RunCaches caches = new RunCaches();

    /** An engine whose {@link #run(Scenario)} uses {@link AgentOptions#DEFAULT_USERS} users on one thread. */
    public AgentEngine(Catalog catalog) {
        this(catalog, AgentOptions.of(AgentOptions.DEFAULT_USERS));
    }

    /** An engine whose {@link #run(Scenario)} uses these options (users, threads, network, progress). */
    public AgentEngine(Catalog catalog, AgentOptions options) {
        if (options == null) throw new IllegalArgumentException("options: required");
        this.catalog = catalog;
        this.options = options;
    }

    @Override public EngineKind kind() { return EngineKind.AGENT; }

    @Override public Catalog catalog() { return catalog; }

    /** The options of {@link #run(Scenario)}. */
    public AgentOptions options() { return options; }

    /** Runs a scenario to its end with this engine's options. */
    @Override public RunResult run(Scenario scenario) {
        return run(scenario, options);
    }

    /** Runs a scenario to its end with individual users: {@link #start} stepped to the last month. */
    public RunResult run(Scenario scenario, AgentOptions options) {
        try (AgentRun run = start(scenario, options)) {
            ProgressMeter meter = new ProgressMeter("agent run", (long) options.users() * run.months(), options.progressListener());
            while (run.month() < run.months()) {
                run.step();
                meter.advance(options.users());
            }
            return run.result();
        }
    }

    /**
     * A run ready for its first month: the world, the drawn users and their network. Close it when
     * done (it owns the worker threads). The benchmarks step it month by month, so what they time
     * is the engine's own loop.
     */
    public AgentRun start(Scenario scenario, AgentOptions options) {
        MarketRun run = MarketRun.start(scenario, catalog, caches, EngineKind.AGENT);
        NetworkSpec spec = options.network() != null ? options.network() : scenario.network();
        return new AgentRun(scenario, run, spec, options.users(), options.threads());
    }

    /** The network of a spec over {@code users} nodes. */
    static Network network(NetworkSpec spec, int users, long seed) {
        if (spec == null) return Networks.fullyMixed(users);
        try {
            return switch (spec.kind()) {
                case FULLY_MIXED -> Networks.fullyMixed(users);
                case ERDOS_RENYI -> Networks.erdosRenyi(users, spec.meanDegree(), seed);
                case WATTS_STROGATZ -> Networks.wattsStrogatz(users, (int) Math.round(spec.meanDegree()), spec.rewiring(), seed);
                case BARABASI_ALBERT -> Networks.barabasiAlbert(users, spec.edgesPerNode(), seed);
            };
        } catch (IllegalArgumentException e) {
            // The generators name their own parameters; say which section and population size they refer to.
            throw new IllegalArgumentException("network: cannot build " + spec.kind() + " over " + users + " users: " + e.getMessage(), e);
        }
    }

    private static final long LOW_32 = 0xffffffffL;
    /** The increment of a block's random stream (see {@link SplitMix64#GOLDEN_GAMMA}). */
    private static final long GAMMA = SplitMix64.GOLDEN_GAMMA;

    /** Smallest share of the simulated users given to a segment (unless it has fewer members). */
    static final double MIN_SEGMENT_SHARE = 0.01;

    /** The individuals: a {@link Population} drawn from the scenario's segments, with each user's class. */
    static final class Users {
        final Population population;
        final short[] userClass;
        final long[] perSegment;

        private Users(Population population, short[] userClass, long[] perSegment) {
            this.population = population;
            this.userClass = userClass;
            this.perSegment = perSegment;
        }

        /**
         * Shares of the simulated users per segment: the population's shares, except that a small
         * segment gets at least {@link #MIN_SEGMENT_SHARE} of the users (or all its members, if
         * fewer), so that it is simulated at all. Each simulated user is weighted by population /
         * simulated users of its segment, so the people represented keep the scenario's proportions.
         */
        static double[] allocation(double[] shares, double[] populations, int n) {
            double[] target = new double[shares.length];
            double sum = 0;
            for (int g = 0; g < shares.length; g++) {
                double floor = Math.min(populations[g], MIN_SEGMENT_SHARE * n);
                target[g] = Math.max(shares[g] * n, floor);
                sum += target[g];
            }
            for (int g = 0; g < shares.length; g++) target[g] /= sum;
            return target;
        }

        static Users create(IndividualMarket market, int n, long seed, BlockExecutor executor) {
            double[] shares = allocation(market.segmentShares(), market.segmentPopulations(), n);
            List<UserSegment> segments = new ArrayList<>();
            for (int g = 0; g < market.segments; g++) {
                List<Double> hw = new ArrayList<>();
                for (double x : market.hardwareShares(g)) hw.add(x);
                segments.add(new UserSegment("s" + g, shares[g], market.usageMedian(g), market.usageSigma(g), hw));
            }
            Population pop = Population.generate(n, market.labs, segments, seed, executor);
            if (market.classes > Short.MAX_VALUE) throw new IllegalArgumentException("scenario: too many user classes for the agent engine");
            short[] userClass = new short[n];
            int blocks = Population.blocks(n);
            executor.forEachBlock(blocks, block -> {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.AGENT_START, block));
                int hi = Math.min(n, (block + 1) * Population.BLOCK_USERS);
                for (int i = block * Population.BLOCK_USERS; i < hi; i++) {
                    int g = pop.segment[i];
                    double q = market.usageQuantile(g, pop.usageTokensPerMonth[i]);
                    userClass[i] = (short) market.classOf(g, q, pop.vramClass[i]);
                    int bits = 0;
                    for (int l = 0; l < market.labs; l++) if (rng.nextDouble() < market.initialAwareness(g, l)) bits |= 1 << l;
                    pop.awareLabs[i] = bits;
                }
            });
            long[] perSegment = new long[market.segments];
            long[] aware = new long[market.segments * market.labs];
            for (int i = 0; i < n; i++) {
                int g = pop.segment[i];
                perSegment[g]++;
                for (int l = 0; l < market.labs; l++) aware[g * market.labs + l] += pop.awareLabs[i] >>> l & 1;
            }
            market.startAwareness(aware, perSegment);
            return new Users(pop, userClass, perSegment);
        }
    }

    /**
     * The kernel: one month over every user, block by block, with per-block tallies summed in block
     * order. It is the simulator's only per-user loop; runs ({@link AgentRun}), tests and the
     * benchmarks all step it.
     */
    static final class Month {
        private final IndividualMarket market;
        private final Users users;
        private final Network network;
        private final BlockExecutor executor;
        private final long seed;
        private final int blocks;
        private final int cells;
        /**
         * Per block, the (class, option) cells its users chose, compactly: the first
         * {@link #blockCellCount} entries of {@link #blockCells} (cell index), {@link #blockCellUsers}
         * and {@link #blockCellTokens} (the block's sum in user order). A block of 16,384 users
         * meets about 500 of the default world's 6,048 cells, so dense per-block arrays (96 kB a
         * block) were mostly zeros that every month wrote, read back and summed on one thread:
         * about as many bytes as the users' own state. Grown as needed, kept between months.
         */
        private final int[][] blockCells;
        private final int[][] blockCellUsers;
        private final double[][] blockCellTokens;
        private final int[] blockCellCount;
        /**
         * Per block, the (class, user option) cells of its users' second assistants (mechanism
         * multiHoming) and how many chose each, compactly as {@link #blockCells}; null when no
         * segment multi-homes.
         */
        private final int[][] blockSecondCells;
        private final int[][] blockSecondUsers;
        private final int[] blockSecondCount;
        /**
         * Each worker thread's dense tallies for the block it is stepping (they stay in its core's
         * cache), emptied into the block's compact cells at the block's end. A block's result is
         * the same whichever thread steps it.
         */
        private final ThreadLocal<Scratch> scratch;
        /**
         * This month's {@code market.usable} per class with a column for no option first, which
         * is always kept: [class x (options + 1) + option + 1]; and the options' token caps per
         * class likewise ({@code market.tokenCap}: a class on a lab's pro plan has its cap), 0 for no option. The kernel then needs no branch on whether a user has an option.
         */
        private final boolean[] keepsOption;
        private final double[] tokenCapOrNone;
        private final long[][] blockAware;
        private final double[][] blockLnDenominator;
        private final double[] lnDenominator;
        /** This month's probabilities as thresholds on a uniform 32-bit integer (see {@link #threshold}). */
        private final long[] hazardThreshold;
        private final long[] replacedThreshold;
        private final long[] reconsiderThreshold;
        /**
         * On a network: per user, the lab of last month's option when its users spread word of it,
         * else {@code labs} (a lane nobody reads), written as the options are and swapped with
         * them. A neighbour then costs one byte read instead of its option (two bytes) and two
         * look-ups that depend on it; at 10 million users the array is also half the size, so
         * more of it stays in cache. Null when fully mixed.
         */
        private byte[] heard;
        private byte[] nextHeard;
        /** {@link #heard}'s value for each option, at [option + 1] ({@link Population#NO_OPTION} first). */
        private final byte[] heardOfOption;
        /**
         * Per (segment, lab): this month's probability of learning of the lab with no informed
         * neighbour, the same double the kernel's formula gives at a count of zero (most draws:
         * see {@link #stepBlock}), so that exp is called only when a neighbour informs.
         */
        private final double[] quietProbability;
        /**
         * On a network (null fully mixed): per user, its neighbours' counts per lab in
         * {@link #heard}, kept between months and updated by pushing changes, for any number of
         * labs (see {@link NeighbourCounts} for the layout and why).
         */
        private final NeighbourCounts neighbourCounts;
        /**
         * On a network with at least as many users as entries (null otherwise): per (segment,
         * lab), this month's probability of learning of the lab for a user of degree d with n
         * informed neighbours, d up to {@link #TABLE_MAX_DEGREE}, at
         * [(segment x labs + lab) x {@link #TABLE_STRIDE} + d (d + 1) / 2 + n]: the kernel's
         * formula with the same doubles in the same order (1 / d, then own x n x (1 / d)), and
         * {@link #quietProbability} at n = 0, so a user's draw compares with the same bits while
         * expm1 (a native call) runs a few thousand times a month instead of once per informed
         * draw. Filling it costs one expm1 per entry a month, so a run with fewer users than
         * entries (a small test at many labs) computes each draw instead: the same doubles.
         */
        private final double[] informedProbability;
        /** Random draws made at a time for a block's users (see {@link SplitMix64#fill}): 8 kB, in the core's first-level cache. */
        static final int DRAWS = SplitMix64.FILL_MAX;
        /** Largest degree of {@link #informedProbability} (k = 10 networks have few users above it). */
        static final int TABLE_MAX_DEGREE = 31;
        /** Entries per (segment, lab) in {@link #informedProbability}: every (d, n) with n at most d. */
        static final int TABLE_STRIDE = (TABLE_MAX_DEGREE + 1) * (TABLE_MAX_DEGREE + 2) / 2;

        Month(IndividualMarket market, Users users, Network network, BlockExecutor executor, long seed) {
            if (network.nodes() != users.population.users()) {
                throw new IllegalArgumentException("network: has " + network.nodes() + " nodes, not " + users.population.users());
            }
            this.market = market;
            this.users = users;
            this.network = network;
            this.executor = executor;
            this.seed = seed;
            this.blocks = Population.blocks(users.population.users());
            this.cells = market.classes * market.userOptions;
            blockCells = new int[blocks][];
            blockCellUsers = new int[blocks][];
            blockCellTokens = new double[blocks][];
            blockCellCount = new int[blocks];
            blockSecondCells = market.multiHoming ? new int[blocks][] : null;
            blockSecondUsers = market.multiHoming ? new int[blocks][] : null;
            blockSecondCount = market.multiHoming ? new int[blocks] : null;
            int scratchCells = market.classes * (market.userOptions + 1);
            keepsOption = new boolean[scratchCells];
            tokenCapOrNone = new double[scratchCells];
            scratch = ThreadLocal.withInitial(() -> new Scratch(scratchCells, market.multiHoming));
            blockAware = new long[blocks][market.segments * market.labs];
            blockLnDenominator = new double[blocks][market.segments];
            lnDenominator = new double[market.denominator == null ? 0 : market.denominator.length];
            hazardThreshold = new long[market.segments * market.labs];
            replacedThreshold = new long[market.segments];
            reconsiderThreshold = new long[market.segments];
            heardOfOption = new byte[market.userOptions + 1];
            quietProbability = new double[market.segments * market.labs];
            long tableEntries = (long) market.segments * market.labs * TABLE_STRIDE;
            informedProbability = !network.isFullyMixed() && tableEntries <= users.population.users() ? new double[(int) tableEntries] : null;
            if (!network.isFullyMixed()) {
                fillHeardOfOption();
                int n = users.population.users();
                heard = new byte[n];
                nextHeard = new byte[n];
                short[] option = users.population.option;
                for (int i = 0; i < n; i++) heard[i] = heardOfOption[option[i] + 1];
                NeighbourCounts counts = new NeighbourCounts(network, market.labs);
                byte[] h = heard;
                executor.forEachBlock(blocks, block -> counts.countBlock(block, h));
                neighbourCounts = counts;
            } else {
                neighbourCounts = null;
            }
        }

        private void fillHeardOfOption() {
            heardOfOption[0] = (byte) market.labs;
            for (int o = 0; o < market.userOptions; o++) {
                heardOfOption[o + 1] = (byte) (market.optionSpreadsWord[o] ? market.optionLab[o] : market.labs);
            }
        }

        void step(int month) {
            for (int k = 0; k < lnDenominator.length; k++) lnDenominator[k] = Math.log(market.denominator[k]);
            for (int k = 0; k < hazardThreshold.length; k++) hazardThreshold[k] = threshold(market.mixedHazard[k]);
            for (int g = 0; g < market.segments; g++) {
                replacedThreshold[g] = threshold(market.replacedShare[g]);
                reconsiderThreshold[g] = market.reconsider[g] >= 1 ? 1L << 33 : threshold(market.reconsider[g]);
            }
            int width = market.userOptions + 1;
            for (int c = 0; c < market.classes; c++) {
                keepsOption[c * width] = true;
                System.arraycopy(market.usable, c * market.userOptions, keepsOption, c * width + 1, market.userOptions);
            }
            for (int c = 0; c < market.classes; c++) System.arraycopy(market.tokenCap, c * market.userOptions, tokenCapOrNone, c * width + 1, market.userOptions);
            boolean mixed = network.isFullyMixed();
            if (!mixed) {
                fillHeardOfOption();
                for (int k = 0; k < quietProbability.length; k++) {
                    // The kernel's rate at no informed neighbour: own x 0 x (1 / degree) adds a zero
                    // (or NaN, kept as the kernel would) to the external rate; a zero's sign cannot
                    // change a comparison with a uniform draw in [0, 1).
                    quietProbability[k] = -Math.expm1(-(market.externalPerYear[k] + market.ownWordOfMouthPerYear[k] * 0.0) / 12);
                    if (informedProbability == null) continue;
                    int base = k * TABLE_STRIDE;
                    for (int d = 0; d <= TABLE_MAX_DEGREE; d++) {
                        int row = base + d * (d + 1) / 2;
                        informedProbability[row] = quietProbability[k];
                        double inverseDegree = 1.0 / d;
                        for (int n = 1; n <= d; n++) {
                            informedProbability[row + n] = -Math.expm1(-(market.externalPerYear[k] + market.ownWordOfMouthPerYear[k] * n * inverseDegree) / 12);
                        }
                    }
                }
            }
            executor.forEachBlock(blocks, block -> {
                java.util.Arrays.fill(blockAware[block], 0);
                java.util.Arrays.fill(blockLnDenominator[block], 0);
                stepBlock(month, block, mixed);
            });
            users.population.swapOptions();
            if (neighbourCounts != null) {
                boolean atomic = executor.threads() > 1;
                byte[] before = heard;
                byte[] after = nextHeard;
                executor.forEachBlock(blocks, block -> neighbourCounts.pushBlock(block, before, after, atomic));
            }
            if (!mixed) {
                byte[] t = heard;
                heard = nextHeard;
                nextHeard = t;
            }
            long[] userCounts = new long[cells];
            double[] tokens = new double[cells];
            long[] aware = new long[market.segments * market.labs];
            double[] lnDen = new double[market.segments];
            for (int b = 0; b < blocks; b++) {
                // Each cell's sum runs over the blocks in block order, as the dense sum did; a block
                // that has no user in a cell added its zero, which leaves a sum of non-negative
                // tokens unchanged, so skipping it gives the same double.
                int[] cell = blockCells[b];
                int[] cellUsers = blockCellUsers[b];
                double[] cellTokens = blockCellTokens[b];
                for (int j = 0, n = blockCellCount[b]; j < n; j++) {
                    int k = cell[j];
                    userCounts[k] += cellUsers[j];
                    tokens[k] += cellTokens[j];
                }
                for (int k = 0; k < aware.length; k++) aware[k] += blockAware[b][k];
                for (int g = 0; g < lnDen.length; g++) lnDen[g] += blockLnDenominator[b][g];
            }
            long[] second = null;
            if (blockSecondCount != null) {
                second = new long[cells];
                for (int b = 0; b < blocks; b++) {
                    for (int j = 0, n = blockSecondCount[b]; j < n; j++) second[blockSecondCells[b][j]] += blockSecondUsers[b][j];
                }
            }
            market.afterUsers(userCounts, tokens, aware, lnDen, users.perSegment, second);
        }

        private void stepBlock(int month, int block, boolean mixed) {
            Population pop = users.population;
            // The block's stream (SplittableRandom's with this seed, the same longs in the same
            // order), made a buffer at a time: draws[next] is the stream's next draw, drawn at
            // counter value counter + (next + 1) GAMMA. A refill makes the buffer's draws in
            // one vectorised loop, before any user could need more draws than are left.
            long counter = Seeds.derive(seed, Seeds.AGENT_MONTH, month, block);
            int lo = block * Population.BLOCK_USERS;
            int hi = Math.min(pop.users(), lo + Population.BLOCK_USERS);
            int labs = market.labs;
            int options = market.userOptions;
            byte[] segment = pop.segment;
            int[] awareLabs = pop.awareLabs;
            short[] option = pop.option;
            short[] nextOption = pop.nextOption;
            float[] usage = pop.usageTokensPerMonth;
            double[] grown = market.usageFactor;
            short[] userClass = users.userClass;
            double[] external = market.externalPerYear;
            double[] own = market.ownWordOfMouthPerYear;
            double[] stay = market.stayFactor;
            double[] weight = market.weight;
            int[] optionLab = market.optionLab;
            int width = options + 1;
            boolean[] keeps = keepsOption;
            double[] capOrNone = tokenCapOrNone;
            Scratch tally = scratch.get();
            long[] draws = tally.draws;
            SplitMix64.fill(draws, counter);
            int next = 0;
            // Most draws a user takes: its awareness (two labs a draw fully mixed, one per
            // unknown lab on a network), replacement and reconsidering, and its choice.
            int refillAt = draws.length - (mixed ? (labs + 1) / 2 + 2 : labs + 2);
            int[] tallyUsers = tally.users;
            double[] tallyTokens = tally.tokens;
            int[] touched = tally.touched;
            int touchedCount = 0;
            long[] tallyAware = blockAware[block];
            double[] tallyLnDen = blockLnDenominator[block];
            int[] offsets = mixed ? null : network.offsets();
            int[] neighbours = mixed ? null : network.neighbours();
            byte[] heardLab = heard;
            byte[] nextHeardLab = nextHeard;
            byte[] heardOf = heardOfOption;
            double[] quiet = quietProbability;
            double[] table = informedProbability;
            long[] informedCount = mixed ? null : neighbourCounts.counts;
            int words = mixed ? 0 : neighbourCounts.words;
            int[] laneWord = mixed ? null : neighbourCounts.laneWord;
            int[] laneShift = mixed ? null : neighbourCounts.laneShift;
            int laneMask = mixed ? 0 : neighbourCounts.laneMask;
            int laneBits = mixed ? 0 : neighbourCounts.laneBits;
            int countedDegree = mixed ? 0 : neighbourCounts.maxDegree;
            boolean tabled = table != null;
            int allLabs = (int) ((1L << labs) - 1);
            // Two lanes of counts (even and odd neighbours): consecutive neighbours of the same lab
            // then add to different counters instead of waiting on each other's store.
            int stride = labs + 1;
            int[] lanes = new int[2 * stride];
            // Users by (class, awareness pattern): aware counts and consumer surplus follow after the loop.
            KnownSetTally byPattern = tally.byPattern(market, lnDenominator);
            // Second assistants (multiHoming): a stream of their own, so the users' other draws are the ones without them.
            boolean multi = market.multiHoming;
            double[] secondShare = market.secondAssistantShare;
            SplittableRandom secondDraws = multi ? new SplittableRandom(Seeds.derive(seed, Seeds.AGENT_SECOND_ASSISTANT, month, block)) : null;
            int[] secondTally = tally.second;
            int[] secondTouched = tally.secondTouched;
            int secondTouchedCount = 0;
            for (int i = lo; i < hi; i++) {
                if (next > refillAt) {
                    counter += GAMMA * next;
                    SplitMix64.fill(draws, counter);
                    next = 0;
                }
                int g = segment[i];
                int c = userClass[i];
                int bits = awareLabs[i];
                int hb = g * labs;
                if (mixed) {
                    // One 32-bit uniform per lab, known or not: no branch on what the user knows (OR keeps a known lab known).
                    for (int l = 0; l < labs; l += 2) {
                        long r = draws[next++];
                        bits |= (int) (((r >>> 32) - hazardThreshold[hb + l]) >>> 63) << l;
                        if (l + 1 < labs) bits |= (int) (((r & LOW_32) - hazardThreshold[hb + l + 1]) >>> 63) << (l + 1);
                    }
                } else if ((bits & allLabs) != allLabs) {
                    // Only labs the user does not know draw (one uniform each, in lab order), so a
                    // user who knows every lab needs no neighbour at all.
                    int start = offsets[i];
                    int end = offsets[i + 1];
                    int degree = end - start;
                    double inverseDegree = end > start ? 1.0 / degree : 0;
                    int unknown = ~bits & allLabs;
                    int at = i * words;
                    if (tabled && degree <= TABLE_MAX_DEGREE && words == 1) {
                        // The month's table holds every probability this user can draw against;
                        // up to eight labs every count is in one word, read once.
                        int row = hb * TABLE_STRIDE + degree * (degree + 1) / 2;
                        long counts = informedCount[at];
                        for (int m = unknown; m != 0; m &= m - 1) {
                            int l = Integer.numberOfTrailingZeros(m);
                            int informed = (int) (counts >>> (laneBits * l)) & laneMask;
                            if (SplitMix64.unit(draws[next++]) < table[row + l * TABLE_STRIDE + informed]) bits |= 1 << l;
                        }
                    } else if (tabled && degree <= TABLE_MAX_DEGREE) {
                        int row = hb * TABLE_STRIDE + degree * (degree + 1) / 2;
                        for (int m = unknown; m != 0; m &= m - 1) {
                            int l = Integer.numberOfTrailingZeros(m);
                            int informed = (int) (informedCount[at + laneWord[l]] >>> laneShift[l]) & laneMask;
                            if (SplitMix64.unit(draws[next++]) < table[row + l * TABLE_STRIDE + informed]) bits |= 1 << l;
                        }
                    } else if (degree < countedDegree) {
                        // Every lab's count in its own lane, kept up to date between months.
                        for (int m = unknown; m != 0; m &= m - 1) {
                            int l = Integer.numberOfTrailingZeros(m);
                            int informed = (int) (informedCount[at + laneWord[l]] >>> laneShift[l]) & laneMask;
                            double p = informed == 0 ? quiet[hb + l]
                                : -Math.expm1(-(external[hb + l] + own[hb + l] * informed * inverseDegree) / 12);
                            if (SplitMix64.unit(draws[next++]) < p) bits |= 1 << l;
                        }
                    } else {
                        // A hub whose counts would overflow their lanes (degree 256 or more beyond
                        // four labs): count its neighbours' heard-of labs this month.
                        java.util.Arrays.fill(lanes, 0);
                        int k = start;
                        for (; k + 1 < end; k += 2) {
                            lanes[heardLab[neighbours[k]]]++;
                            lanes[stride + heardLab[neighbours[k + 1]]]++;
                        }
                        if (k < end) lanes[heardLab[neighbours[k]]]++;
                        for (int m = unknown; m != 0; m &= m - 1) {
                            int l = Integer.numberOfTrailingZeros(m);
                            int informed = lanes[l] + lanes[stride + l];
                            double p = informed == 0 ? quiet[hb + l]
                                : -Math.expm1(-(external[hb + l] + own[hb + l] * informed * inverseDegree) / 12);
                            if (SplitMix64.unit(draws[next++]) < p) bits |= 1 << l;
                        }
                    }
                }
                awareLabs[i] = bits;
                int o = option[i];
                // One 64-bit draw a user: replacement on the high half, reconsidering on the low
                // half (both drawn whatever the user's option, so the stream has no branch here).
                long r = draws[next++];
                if ((r >>> 32) < replacedThreshold[g]) o = Population.NO_OPTION;
                // A user with no option keeps "none" (column 0 of keeps), so no branch on having one.
                boolean forced = !keeps[c * width + o + 1];
                if (forced || (r & LOW_32) < reconsiderThreshold[g]) {
                    double extra = o >= 0 && !forced ? (stay[g] - 1) * weight[c * options + o] : 0;
                    o = choose(weight, c * options, options, optionLab, bits, o, extra,
                        SplitMix64.unit(draws[next++]) * (byPattern.denominator(c, bits) + extra));
                }
                nextOption[i] = (short) o;
                if (multi && o >= 0 && secondShare[g] > 0) {
                    int o2 = secondAssistant(secondDraws, secondShare[g], c, o, bits);
                    if (o2 >= 0) {
                        int k2 = c * options + o2;
                        if (secondTally[k2]++ == 0) secondTouched[secondTouchedCount++] = k2;
                    }
                }
                if (!mixed) nextHeardLab[i] = heardOf[o + 1];
                // Users with no option are counted too, in column 0 with no tokens: no branch on
                // having an option (over half the users have none in the early months, so that
                // branch went either way); the column is dropped when the block's cells are kept.
                int k = c * width + o + 1;
                if (tallyUsers[k]++ == 0) touched[touchedCount++] = k;
                tallyTokens[k] += Math.min(usage[i] * grown[g], capOrNone[k]); // usageGrowth: 1 without it
                byPattern.count(c, bits);
            }
            byPattern.book(tallyAware, tallyLnDen);
            int[] cell = blockCells[block];
            if (cell == null || cell.length < touchedCount) {
                cell = blockCells[block] = new int[touchedCount];
                blockCellUsers[block] = new int[touchedCount];
                blockCellTokens[block] = new double[touchedCount];
            }
            int[] cellUsers = blockCellUsers[block];
            double[] cellTokens = blockCellTokens[block];
            int kept = 0;
            for (int j = 0; j < touchedCount; j++) {
                int k = touched[j];
                int cls = k / width;
                int column = k - cls * width;
                if (column > 0) {
                    cell[kept] = cls * options + column - 1;
                    cellUsers[kept] = tallyUsers[k];
                    cellTokens[kept] = tallyTokens[k];
                    kept++;
                }
                tallyUsers[k] = 0;
                tallyTokens[k] = 0;
            }
            blockCellCount[block] = kept;
            if (multi) {
                int[] cells2 = blockSecondCells[block];
                if (cells2 == null || cells2.length < secondTouchedCount) {
                    cells2 = blockSecondCells[block] = new int[secondTouchedCount];
                    blockSecondUsers[block] = new int[secondTouchedCount];
                }
                int[] users2 = blockSecondUsers[block];
                for (int j = 0; j < secondTouchedCount; j++) {
                    int k2 = secondTouched[j];
                    cells2[j] = k2;
                    users2[j] = secondTally[k2];
                    secondTally[k2] = 0;
                }
                blockSecondCount[block] = secondTouchedCount;
            }
        }

        /**
         * A user's second assistant (mechanism multiHoming), or -1 for none: with probability
         * {@code share} it uses one, drawn by its class's logit weights among the options of the
         * labs it knows other than its first option's, without "nothing" (the logit's second
         * choice); none when it knows no other lab with an option.
         */
        private int secondAssistant(SplittableRandom draws, double share, int c, int first, int bits) {
            if (draws.nextDouble() >= share) return -1;
            int options = market.userOptions;
            int[] optionLab = market.optionLab;
            double[] weight = market.weight;
            int others = bits & ~(1 << optionLab[first]);
            double rest = (market.denominator != null ? market.denominator[(c << market.labs) | others] : market.denominator(c, others)) - 1;
            if (!(rest > 0)) return -1;
            double r = draws.nextDouble() * rest;
            int row = c * options;
            for (int o = 0; o < options; o++) {
                double w = weight[row + o] * (others >>> optionLab[o] & 1);
                if (w == 0) continue;
                r -= w;
                if (r < 0) return o;
            }
            // Rounding left r at or above 0 after every option: the last option drawable.
            for (int o = options - 1; o >= 0; o--) {
                if (weight[row + o] != 0 && (others >>> optionLab[o] & 1) != 0) return o;
            }
            return -1;
        }

        /** A worker's dense tallies of one block at a time; empty between blocks. */
        private static final class Scratch {
            final int[] users;
            final double[] tokens;
            /** The cells with users, in the order of their first user. */
            final int[] touched;
            /** Second assistants (multiHoming) by class and user option, and the cells with any, in the order of their first user; null without it. */
            final int[] second;
            final int[] secondTouched;
            /** The block's next random draws (see {@link #stepBlock}). */
            final long[] draws = new long[DRAWS];
            /** A table tally, reused (it empties itself when booked); null until needed. */
            private KnownSetTally table;

            Scratch(int cells, boolean multiHoming) {
                users = new int[cells];
                tokens = new double[cells];
                touched = new int[cells];
                second = multiHoming ? new int[cells] : null;
                secondTouched = multiHoming ? new int[cells] : null;
            }

            /** The block's tally by class and pattern: the reused table, or a new cache (its denominators are the month's). */
            KnownSetTally byPattern(IndividualMarket market, double[] lnDenominator) {
                if (market.denominator == null) return KnownSetTally.of(market, lnDenominator);
                if (table == null) table = KnownSetTally.of(market, lnDenominator);
                return table;
            }
        }

        /** Probability h as a threshold on a uniform 32-bit integer: P(u < threshold) = h to 2.3e-10. */
        static long threshold(double probability) {
            return Math.round(probability * (double) (1L << 32));
        }

        /**
         * Logit draw for r uniform on [0, denominator + extra): the current option's switching bonus
         * first, then nothing (weight 1), then the options of known labs in order.
         */
        private static int choose(double[] weight, int row, int options, int[] optionLab, int bits, int current, double extra, double r) {
            if (r < extra) return current;
            r -= extra + 1;
            if (r < 0) return Population.NO_OPTION;
            // An option of an unknown lab (or of weight 0) subtracts an exact zero, which leaves r
            // as it was (not negative), so the draw is the same as skipping it, without the branch.
            for (int o = 0; o < options; o++) {
                r -= weight[row + o] * (bits >>> optionLab[o] & 1);
                if (r < 0) return o;
            }
            // Rounding left r at or above 0 after every option: the last option drawable.
            for (int o = options - 1; o >= 0; o--) {
                if (weight[row + o] != 0 && (bits >>> optionLab[o] & 1) != 0) return o;
            }
            return Population.NO_OPTION;
        }
    }
}
