package owsim.scenario;

import static owsim.io.Check.identifier;
import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Map;

/**
 * A geographic market: its share of each segment's people and how much its users will pay.
 * A segment without a region of its own is split across the regions by {@code populationShare}.
 *
 * @param id lower-case id, unique among regions
 * @param name what the region covers, for people ("US and allied high-income economies")
 * @param populationShare share of each segment's people living here, by segment id (0..1; missing = 0)
 * @param willingnessToPay what a user here pays for the same utility, relative to 1 (price weight beta is divided by it)
 */
public record RegionSpec(String id, String name, Map<String, Double> populationShare, double willingnessToPay) {
    public RegionSpec {
        identifier("id", id);
        if (name == null) name = "";
        populationShare = populationShare == null ? Map.of() : nonNullValues("populationShare", populationShare);
        for (Map.Entry<String, Double> e : populationShare.entrySet()) range("populationShare", e.getKey(), e.getValue(), 0, 1);
        range("willingnessToPay", willingnessToPay, 0.01, 100); // below a hundredth of the reference, a segment's price weight over it overflows
    }

    /** This region's share of a segment's people (0 when not given). */
    public double shareOf(String segmentId) { return populationShare.getOrDefault(segmentId, 0.0); }
}
