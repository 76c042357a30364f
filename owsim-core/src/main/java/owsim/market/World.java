package owsim.market;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.Regions;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Everything about a run that does not change month to month: the scenario, the counts, and the
 * tables it is made of: the labs' catalog records, policies and plan prices ({@link LabTable}),
 * the option index ({@link OptionTable}, read as {@code world.optionTable.lab[o]}), the user
 * classes, a segment split into usage bins and hardware classes with their closed-form usage
 * moments ({@link UserClasses}, read as {@code world.userClasses.tokens[c]}), the regions with
 * access rules, channels and export controls ({@link RegionTable}), the hosts' hardware and
 * markups ({@link HostTable}), the segments' hardware and growth ({@link SegmentTable}), and what
 * serving and training cost ({@link ServingCosts}, read as {@code world.costs.costFactor(month)}).
 * Each table builds its own arrays and is not written after. Built once per run; mechanisms read
 * it.
 */
final class World {
    public final Scenario scenario;
    /**
     * Whether the run computes what only its monthly series show, not its summaries: the share of
     * subscribers served at a loss and the cheapest price at a fixed capability. A run made for its
     * summaries alone skips them (they were 7% of such a run).
     */
    final boolean monthlyDetail;
    public final int labs;
    public final int segments;
    public final int hosts;
    /** The frontier's capability growth per month, log10: the fastest lab's compute growth times algorithmic progress. */
    final double frontierLog10PerMonth;

    /** The labs' catalog records, release policies, plan prices and channel reach. */
    final LabTable labTable;
    /** The hosts' hardware and markups. */
    final HostTable hostTable;
    /** The segments' hardware, cards by size and monthly growth. */
    final SegmentTable segmentTable;
    /** What serving and training cost: releases priced on fleets, hosts, cards and rented hardware; the cost of compute by month. */
    final ServingCosts costs;

    /** Options: how many (0 = none; then per lab: subscription, free, api, hosted x hosts, selfhost), and the table of them. */
    public final int options;
    final OptionTable optionTable;

    /** User classes: how many, and the table of them. */
    public final int classes;
    final UserClasses userClasses;
    /** The user classes of each month when some segment's usage grows (mechanism {@code usageGrowth}), else none. */
    private final UserClasses[] usageByMonth;

    /** Regions of the run: how many (0 when regions are off, one global region), and the table of them. */
    public final int regions;
    final RegionTable regionTable;

    World(Scenario s, Catalog catalog, ServingPrices prices, Map<String, ModelSpec> scaled) {
        this(s, catalog, prices, scaled, true);
    }

    World(Scenario given, Catalog catalog, ServingPrices prices, Map<String, ModelSpec> scaled, boolean monthlyDetail) {
        Scenarios.checkCatalog(given, catalog);
        // With regions on, the engines see every segment split into its regions (Regions.expand).
        Scenario s = Regions.expand(given);
        this.scenario = s;
        this.monthlyDetail = monthlyDetail;
        labs = s.labs().size();
        segments = s.segments().size();
        hosts = s.hosts().size();
        // Each table is made by a constructor or method of its own: a constructor with loops of its
        // own was compiled again and again on stack replacement while a sweep warmed up (2.9 s of JIT).
        frontierLog10PerMonth = frontierLog10PerMonth(s);
        hostTable = new HostTable(s, catalog);
        optionTable = new OptionTable(s);
        options = optionTable.count;
        userClasses = new UserClasses(s);
        classes = userClasses.count;
        usageByMonth = usageByMonth(s, userClasses);
        segmentTable = new SegmentTable(s, catalog, prices, userClasses.vramSizes);
        regionTable = new RegionTable(s);
        regions = regionTable.count;
        labTable = new LabTable(s, catalog, regionTable);
        costs = new ServingCosts(s, prices, scaled == null ? new ConcurrentHashMap<>() : scaled, hostTable, segmentTable, labTable, regionTable);
    }

    /**
     * The user classes of a month: their usage moments (mean and capped tokens, bin edges, median)
     * grow with {@code usageGrowth}; without it, month 0's for every month.
     */
    UserClasses usage(int month) {
        if (usageByMonth == null) return userClasses;
        return usageByMonth[Math.min(Math.max(month, 0), usageByMonth.length - 1)];
    }

    /** Whether usage grows in this run (mechanism {@code usageGrowth} on, and some segment with a growth). */
    boolean usageGrows() {
        return usageByMonth != null;
    }

    /** Every month's user classes when usageGrowth is on and some segment's usage grows, else null. */
    private static UserClasses[] usageByMonth(Scenario s, UserClasses first) {
        if (!s.mechanisms().usageGrowth() || s.segments().stream().allMatch(g -> g.usageGrowthPerYear() == null)) return null;
        UserClasses[] out = new UserClasses[Math.max(1, s.months())];
        out[0] = first;
        for (int m = 1; m < out.length; m++) out[m] = new UserClasses(s, m, out[m - 1]);
        return out;
    }

    /** Each spec's entry, looked up into the given array (also for the tables). */
    static <T, R> R[] lookUp(List<T> specs, Function<T, R> lookup, R[] into) {
        for (int k = 0; k < into.length; k++) into[k] = lookup.apply(specs.get(k));
        return into;
    }

    /** Each spec's value (also for the tables). */
    static <T> double[] each(List<T> specs, ToDoubleFunction<T> f) {
        double[] v = new double[specs.size()];
        for (int k = 0; k < v.length; k++) v[k] = f.applyAsDouble(specs.get(k));
        return v;
    }

    /** The frontier's capability growth per month, log10: the fastest lab's compute growth times algorithmic progress. */
    private static double frontierLog10PerMonth(Scenario s) {
        double maxGrowth = 1;
        for (LabSpec l : s.labs()) maxGrowth = Math.max(maxGrowth, l.computeGrowthPerYear());
        return Math.log10(maxGrowth * s.technology().algorithmicProgressPerYear()) / 12;
    }
}
