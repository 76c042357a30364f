package owsim.market;

import java.util.List;
import owsim.catalog.AcceleratorSpec;
import owsim.scenario.AccessRule;
import owsim.scenario.ExportControl;
import owsim.scenario.Regions;
import owsim.scenario.Scenario;

/**
 * The regions of a run and what they decide: each segment's and lab's region, where access rules
 * take a lab's services out, where a lab's distribution channel reaches, and the export controls
 * in force. With regions off there is one global region: no ids, every index -1, every service
 * offered, and no export controls. Filled once when the {@link World} is built and never written
 * after.
 */
final class RegionTable {
    /** How many regions: 0 when regions are off. */
    final int count;
    /** Per region: its id (empty when regions are off). */
    final String[] ids;
    /** Per segment and lab, its region index (-1: none). */
    final int[] segmentRegion;
    final int[] labRegion;
    private final int labs;
    /**
     * Per segment and lab, [g * labs + i]: whether the lab's own services are offered to the segment
     * (access rules). Where they are not, its users neither adopt nor learn of the lab, except
     * through its open weights, which stay usable everywhere.
     */
    private final boolean[] serviceOffered;
    /** Whether any pair is cut off by an access rule (only then does Attention look for open weights). */
    final boolean anyAccessRule;
    /** Per segment and lab: whether the lab's distribution channel (its other apps) reaches the segment. */
    private final boolean[] channelReaches;
    /** The export controls in force for this run (empty when the mechanism or regions are off). */
    final List<ExportControl> exportControls;

    /** The regions of a scenario (already split into regions, {@code Regions.expand}). */
    RegionTable(Scenario s) {
        int segments = s.segments().size();
        labs = s.labs().size();
        boolean regional = Regions.active(s);
        count = regional ? s.regions().size() : 0;
        ids = regional ? s.regions().stream().map(r -> r.id()).toArray(String[]::new) : new String[0];
        segmentRegion = new int[segments];
        for (int g = 0; g < segments; g++) segmentRegion[g] = regional ? s.regionIndex(s.segments().get(g).region()) : -1;
        labRegion = new int[labs];
        for (int i = 0; i < labs; i++) labRegion[i] = regional && s.labs().get(i).homeRegion() != null ? s.regionIndex(s.labs().get(i).homeRegion()) : -1;
        serviceOffered = serviceOffered(s, regional && s.mechanisms().accessRules());
        boolean cut = false;
        for (boolean b : serviceOffered) cut |= !b;
        anyAccessRule = cut;
        channelReaches = channelReaches(s, regional && s.mechanisms().regionalChannels());
        exportControls = regional && s.mechanisms().exportControls() ? s.exportControls() : List.of();
    }

    /** Per segment and lab: false where an access rule takes the lab's services out of the segment's region. */
    private boolean[] serviceOffered(Scenario s, boolean rules) {
        int segments = segmentRegion.length;
        boolean[] offered = new boolean[segments * labs];
        java.util.Arrays.fill(offered, true);
        if (!rules) return offered;
        for (AccessRule a : s.access()) {
            int i = s.labIndex(a.lab());
            for (String r : a.unavailableIn()) {
                int k = s.regionIndex(r);
                for (int g = 0; g < segments; g++) if (segmentRegion[g] == k) offered[g * labs + i] = false;
            }
        }
        return offered;
    }

    /**
     * Per segment and lab: a reachable segment where the lab's services are offered (its apps do not
     * promote it where it does not operate), and with regional channels only one in its home region.
     */
    private boolean[] channelReaches(Scenario s, boolean regional) {
        int segments = segmentRegion.length;
        boolean[] reaches = new boolean[segments * labs];
        for (int g = 0; g < segments; g++) {
            for (int i = 0; i < labs; i++) {
                reaches[g * labs + i] = s.segments().get(g).reachable() && serviceOffered[g * labs + i]
                    && (!regional || labRegion[i] < 0 || labRegion[i] == segmentRegion[g]);
            }
        }
        return reaches;
    }

    /** Whether lab i's own services (subscription, free tier, API) are offered to segment g. */
    boolean serviceOffered(int g, int i) { return serviceOffered[g * labs + i]; }

    /** Whether lab i's distribution channel reaches segment g. */
    boolean channelReaches(int g, int i) { return channelReaches[g * labs + i]; }

    /** Whether the lab's home region may buy this accelerator in that month ("YYYY-MM"); the lab must have a home region. */
    boolean mayBuy(int lab, AcceleratorSpec hw, String month) {
        String region = ids[labRegion[lab]];
        for (ExportControl c : exportControls) {
            if (c.inForce(month) && c.regions().contains(region) && c.accelerators().contains(hw.id())) return false;
        }
        return true;
    }
}
