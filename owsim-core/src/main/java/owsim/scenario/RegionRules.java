package owsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-references of a scenario's regions, access rules and export controls with its labs and
 * segments: every id named exists, and each segment that regions split is split into shares that
 * add up to one. Errors name the field as {@code list[index].field}.
 */
final class RegionRules {
    /** How far a segment's population shares may sum from 1 (they are written with a few digits). */
    static final double SHARE_TOLERANCE = 1e-6;

    private RegionRules() {}

    static void check(List<LabSpec> labs, List<SegmentSpec> segments, List<RegionSpec> regions, List<AccessRule> access,
                      List<ExportControl> exportControls) {
        List<String> labIds = labs.stream().map(LabSpec::id).toList();
        List<String> segIds = segments.stream().map(SegmentSpec::id).toList();
        List<String> regionIds = regions.stream().map(RegionSpec::id).toList();
        for (int g = 0; g < segments.size(); g++) {
            String r = segments.get(g).region();
            if (r != null) region("segments[" + g + "].region", r, regionIds);
        }
        Set<String> awarenessKeys = awarenessKeys(segments);
        for (int i = 0; i < labs.size(); i++) {
            LabSpec l = labs.get(i);
            for (String s : l.initialAwareness().keySet()) {
                if (!awarenessKeys.contains(s)) {
                    throw new IllegalArgumentException("labs[" + i + "].initialAwareness: unknown segment '" + s + "'; segments: " + String.join(", ", segIds));
                }
            }
            if (l.homeRegion() != null) region("labs[" + i + "].homeRegion", l.homeRegion(), regionIds);
            for (Map.Entry<String, Map<String, Double>> r : l.regionalAwareness().entrySet()) {
                String field = "labs[" + i + "].regionalAwareness";
                region(field, r.getKey(), regionIds);
                for (String s : r.getValue().keySet()) {
                    int g = segIds.indexOf(s);
                    if (g < 0) throw new IllegalArgumentException(field + "." + r.getKey() + ": unknown segment '" + s + "'; segments: " + String.join(", ", segIds));
                    String own = segments.get(g).region();
                    if (own != null && !own.equals(r.getKey())) {
                        throw new IllegalArgumentException(field + "." + r.getKey() + ": segment '" + s + "' lives in region '" + own + "' only");
                    }
                }
            }
        }
        for (int k = 0; k < regions.size(); k++) {
            for (String s : regions.get(k).populationShare().keySet()) {
                int g = segIds.indexOf(s);
                String field = "regions[" + k + "].populationShare";
                if (g < 0) throw new IllegalArgumentException(field + ": unknown segment '" + s + "'; segments: " + String.join(", ", segIds));
                if (segments.get(g).region() != null) {
                    throw new IllegalArgumentException(field + ": segment '" + s + "' lives in region '" + segments.get(g).region() + "'; leave it out");
                }
            }
        }
        if (!regions.isEmpty()) checkSplits(segments, regions, segIds);
        if (!regions.isEmpty()) {
            int parts = 0;
            for (SegmentSpec g : segments) {
                if (g.region() != null) parts++;
                else for (RegionSpec r : regions) if (r.shareOf(g.id()) > 0) parts++;
            }
            if (parts > Scenario.MAX_SEGMENTS) {
                throw new IllegalArgumentException("segments: split into the regions they make " + parts + " segments; at most "
                    + Scenario.MAX_SEGMENTS + " (the agent engine's limit)");
            }
        }
        for (int k = 0; k < access.size(); k++) {
            AccessRule a = access.get(k);
            if (!labIds.contains(a.lab())) {
                throw new IllegalArgumentException("access[" + k + "].lab: unknown lab '" + a.lab() + "'; labs: " + String.join(", ", labIds));
            }
            for (String r : a.unavailableIn()) region("access[" + k + "].unavailableIn", r, regionIds);
        }
        for (int k = 0; k < exportControls.size(); k++) {
            for (String r : exportControls.get(k).regions()) region("exportControls[" + k + "].regions", r, regionIds);
        }
    }

    /** Keys a lab's initial awareness may have: the segment ids (in a split scenario, the parts'). */
    private static Set<String> awarenessKeys(List<SegmentSpec> segments) {
        Set<String> keys = new HashSet<>();
        for (SegmentSpec g : segments) keys.add(g.id());
        return keys;
    }

    /** Each segment without a region of its own is split into shares summing to 1; the parts' ids are new. */
    private static void checkSplits(List<SegmentSpec> segments, List<RegionSpec> regions, List<String> segIds) {
        Set<String> ids = new HashSet<>(segIds);
        for (int g = 0; g < segments.size(); g++) {
            SegmentSpec seg = segments.get(g);
            if (seg.region() != null) continue;
            double sum = 0;
            List<String> parts = new ArrayList<>();
            for (RegionSpec r : regions) {
                sum += r.shareOf(seg.id());
                parts.add(r.id() + ": " + r.shareOf(seg.id()));
                String part = seg.id() + "." + r.id();
                if (r.shareOf(seg.id()) > 0 && ids.contains(part)) {
                    throw new IllegalArgumentException("segments[" + g + "].id: its part in region '" + r.id() + "' would be '" + part
                        + "', which is already a segment id; rename one");
                }
            }
            if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
                throw new IllegalArgumentException("regions: the populationShare of segment '" + seg.id() + "' must sum to 1 over the regions, was "
                    + sum + " (" + String.join(", ", parts) + "); or give the segment a region of its own");
            }
        }
    }

    private static void region(String field, String id, List<String> regionIds) {
        if (!regionIds.contains(id)) {
            throw new IllegalArgumentException(field + ": unknown region '" + id + "'; "
                + (regionIds.isEmpty() ? "the scenario declares no regions" : "regions: " + String.join(", ", regionIds)));
        }
    }
}
