package owsim.scenario;

import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.required;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A whole world to simulate: immutable, validated when built. Read only through {@link Scenarios}.
 * Cross-references (unique ids, distillers' labs) are checked here; catalog ids are checked by
 * {@link Scenarios#checkCatalog} because a scenario does not own a catalog.
 */
public record Scenario(
    RunSpec run,
    Technology technology,
    MarketParams market,
    List<LabSpec> labs,
    List<SegmentSpec> segments,
    List<HostSpec> hosts,
    List<DistillerSpec> distillers,
    Mechanisms mechanisms,
    NetworkSpec network,
    List<RegionSpec> regions,
    List<AccessRule> access,
    List<ExportControl> exportControls,
    FinancingSpec financing,
    AdvertisingSpec advertising,
    TrainingBudgetSpec trainingBudget,
    ApiPricingSpec apiPricing,
    ParentAppsSpec parentApps,
    CloudHostingSpec cloudHosting,
    WageBidsSpec wageBids,
    EcosystemSpec ecosystem,
    EnterpriseContractsSpec enterpriseContracts,
    ThirdPartyFineTunesSpec thirdPartyFineTunes,
    DerivativesPerBaseModelSpec derivativesPerBaseModel,
    PlanPricingSpec planPricing,
    ReleaseDecisionsSpec releaseDecisions) {

    /**
     * Most labs a scenario may have: the agent engine keeps the labs a user knows as bits of an int.
     * (The aggregate engine's choice sums over every subset of known labs up to 10 labs and
     * integrates beyond, so it takes any number.)
     */
    public static final int MAX_LABS = 31;
    /**
     * Most segments a scenario may have: the agent engine keeps each user's segment in a byte.
     * A scenario check and both engines accept the same scenarios.
     */
    public static final int MAX_SEGMENTS = 127;

    public Scenario {
        required("run", run);
        required("technology", technology);
        required("market", market);
        if (labs == null || labs.isEmpty()) throw new IllegalArgumentException("labs: at least one lab is required");
        if (labs.size() > MAX_LABS) throw new IllegalArgumentException("labs: at most " + MAX_LABS + " labs (the agent engine's limit), was " + labs.size());
        labs = nonNullElements("labs", labs);
        if (segments == null || segments.isEmpty()) throw new IllegalArgumentException("segments: at least one segment is required");
        if (segments.size() > MAX_SEGMENTS) {
            throw new IllegalArgumentException("segments: at most " + MAX_SEGMENTS + " segments (the agent engine's limit), was " + segments.size());
        }
        segments = nonNullElements("segments", segments);
        hosts = hosts == null ? List.of() : nonNullElements("hosts", hosts);
        distillers = distillers == null ? List.of() : nonNullElements("distillers", distillers);
        if (mechanisms == null) mechanisms = Mechanisms.allOn();
        if (network == null) network = NetworkSpec.fullyMixed();
        regions = regions == null ? List.of() : nonNullElements("regions", regions);
        access = access == null ? List.of() : nonNullElements("access", access);
        exportControls = exportControls == null ? List.of() : nonNullElements("exportControls", exportControls);
        unique("labs", labs.stream().map(LabSpec::id).toList());
        unique("segments", segments.stream().map(SegmentSpec::id).toList());
        unique("hosts", hosts.stream().map(HostSpec::id).toList());
        unique("distillers", distillers.stream().map(DistillerSpec::id).toList());
        unique("regions", regions.stream().map(RegionSpec::id).toList());
        unique("exportControls", exportControls.stream().map(ExportControl::id).toList());
        List<String> labIds = labs.stream().map(LabSpec::id).toList();
        for (int i = 0; i < distillers.size(); i++) {
            DistillerSpec d = distillers.get(i);
            if (!labIds.contains(d.studentLab())) {
                throw new IllegalArgumentException("distillers[" + i + "].studentLab: unknown lab '" + d.studentLab() + "'; labs: " + String.join(", ", labIds));
            }
            for (String t : d.targets()) {
                if (!labIds.contains(t)) {
                    throw new IllegalArgumentException("distillers[" + i + "].targets: unknown lab '" + t + "'; labs: " + String.join(", ", labIds));
                }
                if (t.equals(d.studentLab())) throw new IllegalArgumentException("distillers[" + i + "].targets: a lab cannot distil itself ('" + t + "')");
            }
        }
        RegionRules.check(labs, segments, regions, access, exportControls);
        if (financing == null) financing = FinancingSpec.defaults();
        knownLabs("financing.parentFundingUsdPerYear", financing.parentFundingUsdPerYear().keySet(), labIds);
        if (advertising == null) advertising = AdvertisingSpec.defaults();
        knownLabs("advertising.labs", advertising.labs().keySet(), labIds);
        // Left out (null), no lab decides its budget: every run grows at its lab's computeGrowthPerYear.
        if (trainingBudget != null) knownLabs("trainingBudget.fixedSchedules", trainingBudget.fixedSchedules().keySet(), labIds);
        // Left out (null), no parent's value and no lab's cloud: nothing earned.
        if (parentApps != null) knownLabs("parentApps.labs", parentApps.labs().keySet(), labIds);
        if (cloudHosting != null) knownLabs("cloudHosting.labs", cloudHosting.labs().keySet(), labIds);
        // Left out (null), every option of a lab gets the whole value of its derivatives, as before.
        if (thirdPartyFineTunes != null) knownLabs("thirdPartyFineTunes.labs", thirdPartyFineTunes.labs().keySet(), labIds);
        // Left out (null), no lab decides its pay: every lab pays its researcherUsdPerYear.
        if (wageBids != null) knownLabs("wageBids.fixedSchedules", wageBids.fixedSchedules().keySet(), labIds);
        // Left out (null), no lab sells seats under contract.
        if (enterpriseContracts != null) knownLabs("enterpriseContracts.labs", enterpriseContracts.labs().keySet(), labIds);
        // Left out (null), no lab decides its plans: every plan keeps its scenario fee and cap.
        if (planPricing != null) {
            if (planPricing.labs() != null) knownLabs("planPricing.labs", new java.util.LinkedHashSet<>(planPricing.labs()), labIds);
            knownLabs("planPricing.fixedSchedules", planPricing.fixedSchedules().keySet(), labIds);
        }
        // Left out (null), no lab decides its API price: every lab keeps its list price.
        if (apiPricing != null) {
            knownLabs("apiPricing.targetPriceToCostByLab", apiPricing.targetPriceToCostByLab().keySet(), labIds);
            for (String id : apiPricing.fixedSchedules().keySet()) {
                int i = labIds.indexOf(id);
                if (i < 0) throw new IllegalArgumentException("apiPricing.fixedSchedules: unknown lab '" + id + "'; labs: " + String.join(", ", labIds));
                if (labs.get(i).api() == null) {
                    throw new IllegalArgumentException("apiPricing.fixedSchedules." + id + ": lab '" + id + "' offers no api (a schedule scales its api prices)");
                }
            }
        }
        // Left out (null), every lab keeps its policy for the whole run.
        if (releaseDecisions != null) checkReleaseDecisions(releaseDecisions, labs, segments, labIds);
    }

    /** The labs of {@code releaseDecisions} exist and start on one of their menu's policies; its audience is a segment (or its regional parts). */
    private static void checkReleaseDecisions(ReleaseDecisionsSpec r, List<LabSpec> labs, List<SegmentSpec> segments, List<String> labIds) {
        knownLabs("releaseDecisions.labs", r.labs().keySet(), labIds);
        knownLabs("releaseDecisions.fixedSchedules", r.fixedSchedules().keySet(), labIds);
        for (var e : r.labs().entrySet()) {
            String own = labs.get(labIds.indexOf(e.getKey())).releasePolicy().text();
            if (!own.equals(e.getValue().openPolicy().text()) && !own.equals(e.getValue().closedPolicy().text())) {
                throw new IllegalArgumentException("releaseDecisions.labs." + e.getKey() + ": the lab's policy '" + own + "' must be its open ('"
                    + e.getValue().open() + "') or its closed ('" + e.getValue().closed() + "') policy");
            }
        }
        String a = r.audience();
        if (segments.stream().noneMatch(g -> g.id().equals(a) || g.id().startsWith(a + "."))) {
            throw new IllegalArgumentException("releaseDecisions.audience: unknown segment '" + a + "'; segments: "
                + String.join(", ", segments.stream().map(SegmentSpec::id).toList()));
        }
    }

    private static void knownLabs(String field, Set<String> ids, List<String> labIds) {
        for (String id : ids) {
            if (!labIds.contains(id)) throw new IllegalArgumentException(field + ": unknown lab '" + id + "'; labs: " + String.join(", ", labIds));
        }
    }

    private static void unique(String field, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) throw new IllegalArgumentException(field + "[" + i + "].id: duplicate id '" + ids.get(i) + "'");
        }
    }

    public String name() { return run.name(); }

    public String description() { return run.description(); }

    public String startMonth() { return run.startMonth(); }

    public int months() { return run.months(); }

    public long seed() { return run.seed(); }

    public Scenario withNetwork(NetworkSpec n) { return copy(parts -> parts.network = n); }

    public Scenario withMonths(int m) { return copy(parts -> parts.run = run.withMonths(m)); }

    public Scenario withSeed(long s) { return copy(parts -> parts.run = run.withSeed(s)); }

    public Scenario withPayoff(Payoff p) { return copy(parts -> parts.run = run.withPayoff(p)); }

    /** A copy with one mechanism switched on or off. */
    public Scenario with(MechanismSwitch mechanism, boolean on) { return withMechanisms(mechanisms.with(mechanism, on)); }

    public Scenario withMechanisms(Mechanisms m) { return copy(parts -> parts.mechanisms = m); }

    public Scenario withTechnology(Technology t) { return copy(parts -> parts.technology = t); }

    public Scenario withMarket(MarketParams m) { return copy(parts -> parts.market = m); }

    /** This scenario with other labs; every section keyed by lab keeps only the entries of the labs that remain. */
    public Scenario withLabs(List<LabSpec> l) {
        List<String> ids = l == null ? null : l.stream().filter(x -> x != null).map(LabSpec::id).toList();
        FinancingSpec f = ids == null ? financing : financing.forLabs(ids);
        AdvertisingSpec ads = ids == null || advertising == null ? advertising : advertising.forLabs(ids);
        TrainingBudgetSpec tb = ids == null || trainingBudget == null ? trainingBudget : trainingBudget.forLabs(ids);
        ApiPricingSpec ap = ids == null || apiPricing == null ? apiPricing : apiPricing.forLabs(ids);
        ParentAppsSpec pa = ids == null || parentApps == null ? parentApps : parentApps.forLabs(ids);
        CloudHostingSpec ch = ids == null || cloudHosting == null ? cloudHosting : cloudHosting.forLabs(ids);
        WageBidsSpec wb = ids == null || wageBids == null ? wageBids : wageBids.forLabs(ids);
        EnterpriseContractsSpec ec = ids == null || enterpriseContracts == null ? enterpriseContracts : enterpriseContracts.forLabs(ids);
        ThirdPartyFineTunesSpec tp = ids == null || thirdPartyFineTunes == null ? thirdPartyFineTunes : thirdPartyFineTunes.forLabs(ids);
        PlanPricingSpec pp = ids == null || planPricing == null ? planPricing : planPricing.forLabs(ids);
        ReleaseDecisionsSpec rd = ids == null || releaseDecisions == null ? releaseDecisions : releaseDecisions.forLabs(samePolicy(l));
        return copy(parts -> {
            parts.labs = l;
            parts.financing = f;
            parts.advertising = ads;
            parts.trainingBudget = tb;
            parts.apiPricing = ap;
            parts.parentApps = pa;
            parts.cloudHosting = ch;
            parts.wageBids = wb;
            parts.enterpriseContracts = ec;
            parts.thirdPartyFineTunes = tp;
            parts.planPricing = pp;
            parts.releaseDecisions = rd;
        });
    }

    /**
     * The ids of the labs in {@code l} that keep the policy they have here (or are new): a lab whose policy an experiment
     * changes (a claim, a policy game) holds that policy for the run and leaves {@code releaseDecisions}.
     */
    private List<String> samePolicy(List<LabSpec> l) {
        List<String> kept = new ArrayList<>();
        for (LabSpec x : l) {
            if (x == null) continue;
            int i = labIndex(x.id());
            if (i < 0 || labs.get(i).releasePolicy().text().equals(x.releasePolicy().text())) kept.add(x.id());
        }
        return kept;
    }

    public Scenario withSegments(List<SegmentSpec> s) { return copy(parts -> parts.segments = s); }

    public Scenario withDistillers(List<DistillerSpec> d) { return copy(parts -> parts.distillers = d); }

    public Scenario withRegions(List<RegionSpec> r, List<AccessRule> a, List<ExportControl> e) {
        return copy(parts -> {
            parts.regions = r;
            parts.access = a;
            parts.exportControls = e;
        });
    }

    public Scenario withFinancing(FinancingSpec f) { return copy(parts -> parts.financing = f); }

    public Scenario withAdvertising(AdvertisingSpec a) { return copy(parts -> parts.advertising = a); }

    /** This scenario with another {@code trainingBudget:} section (null: left out, no lab decides). */
    public Scenario withTrainingBudget(TrainingBudgetSpec t) { return copy(parts -> parts.trainingBudget = t); }

    /** This scenario with another {@code apiPricing:} section (null: left out, every lab keeps its list API price). */
    public Scenario withApiPricing(ApiPricingSpec p) { return copy(parts -> parts.apiPricing = p); }

    /** This scenario with another {@code parentApps:} section (null: left out, no parent's value). */
    public Scenario withParentApps(ParentAppsSpec p) { return copy(parts -> parts.parentApps = p); }

    /** This scenario with another {@code cloudHosting:} section (null: left out, no lab's cloud earns). */
    public Scenario withCloudHosting(CloudHostingSpec c) { return copy(parts -> parts.cloudHosting = c); }

    /** This scenario with another {@code wageBids:} section (null: left out, every lab pays its researcherUsdPerYear). */
    public Scenario withWageBids(WageBidsSpec b) { return copy(parts -> parts.wageBids = b); }

    /** This scenario with another {@code ecosystem:} section (null: left out, derivatives never decay). */
    public Scenario withEcosystem(EcosystemSpec e) { return copy(parts -> parts.ecosystem = e); }

    /** This scenario with another {@code enterpriseContracts:} section (null: left out, no lab sells seats under contract). */
    public Scenario withEnterpriseContracts(EnterpriseContractsSpec c) { return copy(parts -> parts.enterpriseContracts = c); }
    /** This scenario with another {@code thirdPartyFineTunes:} section (null: left out, every option of a lab gets its derivatives' whole value). */
    public Scenario withThirdPartyFineTunes(ThirdPartyFineTunesSpec t) { return copy(parts -> parts.thirdPartyFineTunes = t); }

    /** This scenario with another {@code derivativesPerBaseModel:} section (null: left out, a lab keeps one stock of derivatives). */
    public Scenario withDerivativesPerBaseModel(DerivativesPerBaseModelSpec d) { return copy(parts -> parts.derivativesPerBaseModel = d); }

    /** This scenario with another {@code planPricing:} section (null: left out, every plan keeps its scenario fee and cap). */
    public Scenario withPlanPricing(PlanPricingSpec p) { return copy(parts -> parts.planPricing = p); }
    /** This scenario with another {@code releaseDecisions:} section (null: left out, every lab keeps its policy). */
    public Scenario withReleaseDecisions(ReleaseDecisionsSpec r) { return copy(parts -> parts.releaseDecisions = r); }

    /**
     * A copy with some components replaced: every {@code withX} method goes through it, so a new
     * section is added here (a field of {@code Parts}, its copy and its place in the constructor call)
     * and as a component, not in every {@code withX}.
     */
    private Scenario copy(Consumer<Parts> change) {
        Parts parts = new Parts(this);
        change.accept(parts);
        return parts.build();
    }

    /** A scenario's components, some to be replaced before the copy is built (and validated by the canonical constructor). */
    private static final class Parts {
        RunSpec run;
        Technology technology;
        MarketParams market;
        List<LabSpec> labs;
        List<SegmentSpec> segments;
        List<HostSpec> hosts;
        List<DistillerSpec> distillers;
        Mechanisms mechanisms;
        NetworkSpec network;
        List<RegionSpec> regions;
        List<AccessRule> access;
        List<ExportControl> exportControls;
        FinancingSpec financing;
        AdvertisingSpec advertising;
        TrainingBudgetSpec trainingBudget;
        ApiPricingSpec apiPricing;
        ParentAppsSpec parentApps;
        CloudHostingSpec cloudHosting;
        WageBidsSpec wageBids;
        EcosystemSpec ecosystem;
        EnterpriseContractsSpec enterpriseContracts;
        ThirdPartyFineTunesSpec thirdPartyFineTunes;
        DerivativesPerBaseModelSpec derivativesPerBaseModel;
        PlanPricingSpec planPricing;
        ReleaseDecisionsSpec releaseDecisions;

        Parts(Scenario s) {
            run = s.run;
            technology = s.technology;
            market = s.market;
            labs = s.labs;
            segments = s.segments;
            hosts = s.hosts;
            distillers = s.distillers;
            mechanisms = s.mechanisms;
            network = s.network;
            regions = s.regions;
            access = s.access;
            exportControls = s.exportControls;
            financing = s.financing;
            advertising = s.advertising;
            trainingBudget = s.trainingBudget;
            apiPricing = s.apiPricing;
            parentApps = s.parentApps;
            cloudHosting = s.cloudHosting;
            wageBids = s.wageBids;
            ecosystem = s.ecosystem;
            enterpriseContracts = s.enterpriseContracts;
            thirdPartyFineTunes = s.thirdPartyFineTunes;
            derivativesPerBaseModel = s.derivativesPerBaseModel;
            planPricing = s.planPricing;
            releaseDecisions = s.releaseDecisions;
        }

        Scenario build() {
            return new Scenario(run, technology, market, labs, segments, hosts, distillers, mechanisms, network, regions, access, exportControls, financing, advertising, trainingBudget, apiPricing, parentApps, cloudHosting, wageBids, ecosystem, enterpriseContracts, thirdPartyFineTunes, derivativesPerBaseModel, planPricing, releaseDecisions);
        }
    }

    /** Index of a region by id, or -1. */
    public int regionIndex(String id) {
        for (int i = 0; i < regions.size(); i++) if (regions.get(i).id().equals(id)) return i;
        return -1;
    }

    /** This scenario with one lab's policy replaced. */
    public Scenario withPolicy(String labId, String policy) {
        List<LabSpec> l = new ArrayList<>();
        for (LabSpec x : labs) l.add(x.id().equals(labId) ? x.withPolicy(policy) : x);
        return withLabs(l);
    }

    /** Index of a lab by id, or -1. */
    public int labIndex(String id) {
        for (int i = 0; i < labs.size(); i++) if (labs.get(i).id().equals(id)) return i;
        return -1;
    }

    /** Index of a segment by id, or -1. */
    public int segmentIndex(String id) {
        for (int i = 0; i < segments.size(); i++) if (segments.get(i).id().equals(id)) return i;
        return -1;
    }
}
