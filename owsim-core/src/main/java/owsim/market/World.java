package owsim.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.Months;
import owsim.scenario.OptionKind;
import owsim.scenario.Regions;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * Everything about a run that does not change month to month: the scenario, the counts, per-host
 * and per-segment lookups, the serving costs of releases, and the tables it is made of: the labs'
 * catalog records, policies and plan prices ({@link LabTable}), the option index
 * ({@link OptionTable}, read as {@code world.optionTable.lab[o]}), the user classes, a segment
 * split into usage bins and hardware classes with their closed-form usage moments
 * ({@link UserClasses}, read as {@code world.userClasses.tokens[c]}), and the regions with access
 * rules, channels and export controls ({@link RegionTable}). Each table builds its own arrays and
 * is not written after. Built once per run; mechanisms read it.
 */
public final class World {
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
    final ServingPrices prices;
    /** The labs' catalog records, release policies, plan prices and channel reach. */
    final LabTable labTable;
    final AcceleratorSpec[] hostHardware;
    /** Per host: 1 + its markup, what a user pays per dollar of the host's serving cost. */
    final double[] hostPayFactor;
    final AcceleratorSpec[] segmentCard;
    final AcceleratorSpec[] segmentDatacenter;
    final double frontierLog10PerMonth;
    final Map<String, ModelSpec> scaled;

    /** Options: how many (0 = none; then per lab: subscription, free, api, hosted x hosts, selfhost), and the table of them. */
    public final int options;
    final OptionTable optionTable;

    /** User classes: how many, and the table of them. */
    public final int classes;
    final UserClasses userClasses;
    /** Per segment and card size: the segment's card at that size (null for a segment without one). */
    private final AcceleratorSpec[] sizedCards;
    /** Per month of the run: {@link #costFactor}, a power read many times a month, so made once. */
    private final double[] costFactors;
    /** Per segment: its population's growth factor per month. */
    final double[] monthlyGrowth;

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
        this.prices = prices;
        this.scaled = scaled == null ? new ConcurrentHashMap<>() : scaled;
        labs = s.labs().size();
        segments = s.segments().size();
        hosts = s.hosts().size();
        // Each table is made by a method of its own: a constructor with loops of its own was
        // compiled again and again on stack replacement while a sweep warmed up (2.9 s of JIT).
        frontierLog10PerMonth = frontierLog10PerMonth(s);
        hostHardware = lookUp(s.hosts(), h -> catalog.accelerator(h.hardware()), new AcceleratorSpec[hosts]);
        hostPayFactor = each(s.hosts(), h -> 1 + h.markup());
        segmentCard = lookUp(s.segments(), g -> g.cardHardware() == null ? null : catalog.accelerator(g.cardHardware()), new AcceleratorSpec[segments]);
        segmentDatacenter = lookUp(s.segments(), g -> g.datacenterHardware() == null ? null : catalog.accelerator(g.datacenterHardware()),
            new AcceleratorSpec[segments]);

        optionTable = new OptionTable(s);
        options = optionTable.count;

        userClasses = new UserClasses(s);
        classes = userClasses.count;
        sizedCards = sizedCards();
        costFactors = costFactors(s);
        monthlyGrowth = each(s.segments(), g -> Math.pow(g.populationGrowthPerYear(), 1.0 / 12));
        regionTable = new RegionTable(s);
        regions = regionTable.count;
        labTable = new LabTable(s, catalog, regionTable);
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

    private AcceleratorSpec[] sizedCards() {
        double[] vramSizes = userClasses.vramSizes;
        AcceleratorSpec[] cards = new AcceleratorSpec[segments * vramSizes.length];
        for (int g = 0; g < segments; g++) {
            if (segmentCard[g] == null) continue;
            for (int v = 0; v < vramSizes.length; v++) cards[g * vramSizes.length + v] = prices.sizedCard(segmentCard[g], vramSizes[v]);
        }
        return cards;
    }

    private static double[] costFactors(Scenario s) {
        double[] f = new double[s.months()];
        for (int t = 0; t < f.length; t++) f[t] = costFactorOf(s, t);
        return f;
    }

    /** Scales a template to an active size, once per architecture across runs of one engine. */
    ModelSpec scaledModel(int lab, double activeParams, String id) {
        String key = labTable.templates[lab].id() + "|" + id + "|" + Double.doubleToLongBits(activeParams);
        return scaled.computeIfAbsent(key, k -> ModelScaler.scale(labTable.templates[lab], activeParams, id));
    }

    /** Serving cost of a release on its lab's fleet at the chat speed floor (subscription and free tier). */
    ServingPrices.FleetPrice ownFleet(Release r) {
        if (r.ownFleet == null) r.ownFleet = prices.fleet(r.model, hardware(r), floor(OptionKind.SUBSCRIPTION));
        return r.ownFleet;
    }

    /** Serving cost of a release on its lab's fleet at the API speed floor. */
    ServingPrices.FleetPrice ownApiFleet(Release r) {
        if (r.ownApiFleet == null) r.ownApiFleet = prices.fleet(r.model, hardware(r), floor(OptionKind.API));
        return r.ownApiFleet;
    }

    /** Serving cost of a release on its lab's fleet at the batch speed floor (distillation traffic). */
    ServingPrices.FleetPrice ownBatchFleet(Release r) {
        if (r.ownBatchFleet == null) r.ownBatchFleet = prices.fleet(r.model, hardware(r), floor(OptionKind.SELFHOST));
        return r.ownBatchFleet;
    }

    /**
     * The accelerator a release is served on: the lab's fleet hardware, unless export controls in
     * force at the release month forbid it to the lab's home region; then the cheapest per token
     * (at the chat speed floor) of its hardware options that are allowed. Models from before the
     * run, and releases with no allowed option, stay on the fleet the lab already has.
     */
    AcceleratorSpec hardware(Release r) {
        if (r.hardware == null) {
            r.hardware = regionTable.exportControls.isEmpty() ? labTable.fleet[r.lab] : allowedHardware(r);
            r.restrictedHardware = r.hardware != labTable.fleet[r.lab];
        }
        return r.hardware;
    }

    private AcceleratorSpec allowedHardware(Release r) {
        int lab = r.lab;
        if (r.month < 0 || regionTable.labRegion[lab] < 0) return labTable.fleet[lab];
        String month = monthLabel(r.month);
        if (regionTable.mayBuy(lab, labTable.fleet[lab], month)) return labTable.fleet[lab];
        List<AcceleratorSpec> ok = new ArrayList<>();
        for (AcceleratorSpec hw : labTable.hardwareOptions[lab]) if (regionTable.mayBuy(lab, hw, month)) ok.add(hw);
        AcceleratorSpec best = prices.cheapestFleet(r.model, ok, floor(OptionKind.SUBSCRIPTION), scenario.labs().get(lab).fleetOwned());
        return best == null ? labTable.fleet[lab] : best;
    }



    /** "YYYY-MM" of month index m of the run. */
    String monthLabel(int m) {
        return Months.label(scenario.startMonth(), m);
    }

    /** Serving cost of a release at host h, at the API speed floor. */
    ServingPrices.FleetPrice hostFleet(Release r, int h) {
        if (r.hostFleet == null) r.hostFleet = new ServingPrices.FleetPrice[hosts];
        if (r.hostFleet[h] == null) r.hostFleet[h] = prices.fleet(r.model, hostHardware[h], floor(OptionKind.HOSTED));
        return r.hostFleet[h];
    }

    /** Per-user speed floor of an option kind, tokens/s. */
    double floor(OptionKind kind) {
        return scenario.technology().minUserTokensPerSecond(kind);
    }

    /** A release on a user's card of size index v of segment g. */
    ServingPrices.CardPrice card(Release r, int g, int v) {
        if (r.cardPrice == null) r.cardPrice = new ServingPrices.CardPrice[segments * userClasses.vramSizes.length];
        int k = g * userClasses.vramSizes.length + v;
        if (r.cardPrice[k] == null) r.cardPrice[k] = prices.card(r.model, sizedCards[k]);
        return r.cardPrice[k];
    }

    /** A release rented on segment g's data-centre hardware. */
    ServingPrices.FleetPrice datacenter(Release r, int g) {
        if (r.datacenter == null) r.datacenter = new ServingPrices.FleetPrice[segments];
        if (r.datacenter[g] == null) r.datacenter[g] = prices.fleet(r.model, segmentDatacenter[g], floor(OptionKind.SELFHOST));
        return r.datacenter[g];
    }

    /** Cost of compute in a month relative to month 0 (hardware price-performance improves); months before the run hold the models it starts with. */
    double costFactor(int month) {
        return month >= 0 && month < costFactors.length ? costFactors[month] : costFactorOf(scenario, month);
    }

    private static double costFactorOf(Scenario s, int month) {
        return Math.pow(s.technology().hardwareCostDeclinePerYear(), -month / 12.0);
    }

    /** Training cost of a run of {@code flop} on the lab's fleet hardware at the scenario's MFU and rental price. */
    double trainingUsd(int lab, double flop, int month) {
        AcceleratorSpec hw = labTable.fleet[lab];
        double gpuHours = flop / (hw.bf16Tflops() * 1e12 * scenario.technology().trainingMfu()) / 3600;
        double usdPerHour = hw.rentable() ? hw.rentalUsdPerHour() : hw.purchaseUsd() / (4 * 8760.0);
        return gpuHours * usdPerHour * costFactor(month);
    }
}
