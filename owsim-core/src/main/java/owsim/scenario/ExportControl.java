package owsim.scenario;

import static owsim.io.Check.identifier;
import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.required;

import java.util.List;

/**
 * A dated rule on accelerators: labs whose home is in one of {@code regions} may not buy the listed
 * accelerators from {@code fromMonth} until (not including) {@code untilMonth}. Hardware a lab
 * already has is not recalled: the rule decides what its new capacity, and so its new releases,
 * are served on.
 *
 * @param id lower-case id of the rule
 * @param description the rule and its source, with its date
 * @param regions region ids whose labs the rule binds
 * @param accelerators catalog accelerator ids they may not buy
 * @param fromMonth first month the rule applies, "YYYY-MM"
 * @param untilMonth first month it no longer applies, "YYYY-MM", or absent (still in force)
 */
public record ExportControl(String id, String description, List<String> regions, List<String> accelerators, String fromMonth, String untilMonth) {

    public ExportControl {
        identifier("id", id);
        if (description == null) description = "";
        if (regions == null || regions.isEmpty()) throw new IllegalArgumentException("regions: at least one region id");
        regions = nonNullElements("regions", regions);
        if (accelerators == null || accelerators.isEmpty()) throw new IllegalArgumentException("accelerators: at least one catalog accelerator id");
        accelerators = nonNullElements("accelerators", accelerators);
        required("fromMonth", fromMonth);
        month("fromMonth", fromMonth);
        if (untilMonth != null) {
            month("untilMonth", untilMonth);
            if (untilMonth.compareTo(fromMonth) <= 0) {
                throw new IllegalArgumentException("untilMonth: must be after fromMonth (" + fromMonth + "), was '" + untilMonth + "'");
            }
        }
    }

    private static void month(String field, String m) {
        Months.check(field, m);
    }

    /** Whether the rule is in force in a month given as "YYYY-MM". */
    public boolean inForce(String month) {
        return month.compareTo(fromMonth) >= 0 && (untilMonth == null || month.compareTo(untilMonth) < 0);
    }
}
