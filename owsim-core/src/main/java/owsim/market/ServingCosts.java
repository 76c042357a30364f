package owsim.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.scenario.Months;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/**
 * What serving and training cost in a run: a release's serving cost on its lab's fleet, at a host,
 * on a user's card or on rented data-centre hardware (priced once per release and kept on it), the
 * accelerator a release is served on under export controls, the training cost of a run of
 * compute, and the cost of compute month by month. Built once when the {@link World} is built
 * from its host, segment, lab and region tables; its own arrays are never written after (only the
 * price caches a release carries and the shared scaled-architecture map fill as a run asks).
 */
final class ServingCosts {
    private final Scenario scenario;
    private final ServingPrices prices;
    /** Architectures scaled so far, shared by the runs of one engine. */
    private final Map<String, ModelSpec> scaled;
    private final HostTable hostTable;
    private final SegmentTable segmentTable;
    private final LabTable labTable;
    private final RegionTable regionTable;
    /** Per month of the run: {@link #costFactor}, a power read many times a month, so made once. */
    private final double[] costFactors;

    ServingCosts(Scenario s, ServingPrices prices, Map<String, ModelSpec> scaled, HostTable hosts, SegmentTable segments,
                 LabTable labs, RegionTable regions) {
        this.scenario = s;
        this.prices = prices;
        this.scaled = scaled;
        this.hostTable = hosts;
        this.segmentTable = segments;
        this.labTable = labs;
        this.regionTable = regions;
        this.costFactors = costFactors(s);
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

    /** The instance of a release's architecture its prices are memoised under, looked up once per release. */
    private ModelSpec architecture(Release r) {
        if (r.architecture == null) r.architecture = prices.architecture(r.model);
        return r.architecture;
    }

    /** Serving cost of a release on its lab's fleet at the chat speed floor (subscription and free tier). */
    ServingPrices.FleetPrice ownFleet(Release r) {
        if (r.ownFleet == null) r.ownFleet = prices.fleetOfArchitecture(architecture(r), hardware(r), floor(OptionKind.SUBSCRIPTION));
        return r.ownFleet;
    }

    /** Serving cost of a release on its lab's fleet at the API speed floor. */
    ServingPrices.FleetPrice ownApiFleet(Release r) {
        if (r.ownApiFleet == null) r.ownApiFleet = prices.fleetOfArchitecture(architecture(r), hardware(r), floor(OptionKind.API));
        return r.ownApiFleet;
    }

    /** Serving cost of a release on its lab's fleet at the batch speed floor (distillation traffic). */
    ServingPrices.FleetPrice ownBatchFleet(Release r) {
        if (r.ownBatchFleet == null) r.ownBatchFleet = prices.fleetOfArchitecture(architecture(r), hardware(r), floor(OptionKind.SELFHOST));
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
        String month = Months.label(scenario.startMonth(), r.month);
        if (regionTable.mayBuy(lab, labTable.fleet[lab], month)) return labTable.fleet[lab];
        List<AcceleratorSpec> ok = new ArrayList<>();
        for (AcceleratorSpec hw : labTable.hardwareOptions[lab]) if (regionTable.mayBuy(lab, hw, month)) ok.add(hw);
        AcceleratorSpec best = prices.cheapestFleet(r.model, ok, floor(OptionKind.SUBSCRIPTION), scenario.labs().get(lab).fleetOwned());
        return best == null ? labTable.fleet[lab] : best;
    }

    /** Serving cost of a release at host h, at the API speed floor. */
    ServingPrices.FleetPrice hostFleet(Release r, int h) {
        if (r.hostFleet == null) r.hostFleet = new ServingPrices.FleetPrice[hostTable.count];
        if (r.hostFleet[h] == null) r.hostFleet[h] = prices.fleetOfArchitecture(architecture(r), hostTable.hardware[h], floor(OptionKind.HOSTED));
        return r.hostFleet[h];
    }

    /** Per-user speed floor of an option kind, tokens/s. */
    double floor(OptionKind kind) {
        return scenario.technology().minUserTokensPerSecond(kind);
    }

    /** A release on a user's card of size index v of segment g. */
    ServingPrices.CardPrice card(Release r, int g, int v) {
        if (r.cardPrice == null) r.cardPrice = new ServingPrices.CardPrice[segmentTable.count * segmentTable.cardSizes];
        int k = g * segmentTable.cardSizes + v;
        if (r.cardPrice[k] == null) r.cardPrice[k] = prices.cardOfArchitecture(architecture(r), segmentTable.sizedCard[k]);
        return r.cardPrice[k];
    }

    /** A release rented on segment g's data-centre hardware. */
    ServingPrices.FleetPrice datacenter(Release r, int g) {
        if (r.datacenter == null) r.datacenter = new ServingPrices.FleetPrice[segmentTable.count];
        if (r.datacenter[g] == null) r.datacenter[g] = prices.fleetOfArchitecture(architecture(r), segmentTable.datacenter[g], floor(OptionKind.SELFHOST));
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
