package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parent company's value from its own apps (mechanism {@code parentApps}): a lab inside a parent
 * with apps earns, as the parent's value, for each monthly user of its assistant (its subscription
 * and free tier), the parent's revenue per user-month where willingness to pay is 1 times the share
 * of it the assistant keeps in the parent's apps (engagement and retention), times the willingness
 * to pay of the user's region, growing linearly over {@code rampMonths} from the lab's start month.
 * It is not the ads beside the assistant's answers ({@code advertising}), which the feed's ad
 * revenue of the extra time kept is not. Read only when the switch is on; a lab not listed earns none.
 *
 * @param labs the labs inside a parent with apps, by lab id
 * @param rampMonths months over which the value grows linearly to its full amount from a lab's start
 *     month (the assistant is woven into the apps over time); 0 or absent: full from the first month
 */
public record ParentAppsSpec(Map<String, Lab> labs, Integer rampMonths) {
    public ParentAppsSpec {
        labs = labs == null ? Map.of() : nonNullValues("labs", labs);
        labs = Collections.unmodifiableMap(new LinkedHashMap<>(labs));
        if (rampMonths == null) rampMonths = 0;
        if (rampMonths < 0 || rampMonths > 120) throw new IllegalArgumentException("rampMonths: must be 0..120 months, was " + rampMonths);
    }

    /**
     * One lab's parent.
     *
     * @param parentUsdPerUserMonth the parent's revenue per user-month of its apps where willingness to pay is 1, USD (0..1000)
     * @param engagementShare the share of it an assistant user's added engagement and retention is worth (0..1)
     * @param startMonth the first month it counts, "YYYY-MM"; absent: the run's first month
     */
    public record Lab(double parentUsdPerUserMonth, double engagementShare, String startMonth) {
        public Lab {
            range("parentUsdPerUserMonth", parentUsdPerUserMonth, 0, 1000);
            range("engagementShare", engagementShare, 0, 1);
            if (startMonth != null) Months.check("startMonth", startMonth);
        }

        /** The value per assistant user-month where willingness to pay is 1, USD. */
        public double usdPerUserMonth() {
            return parentUsdPerUserMonth * engagementShare;
        }
    }

    /** The share of the full value a lab earns in its {@code monthsSinceStart}-th month (0 for the first). */
    public double rampShare(int monthsSinceStart) {
        return Months.rampShare(rampMonths, monthsSinceStart);
    }

    /** This section for a scenario with these labs: the labs that are gone earn nothing. */
    public ParentAppsSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(labs.keySet())) return this;
        Map<String, Lab> kept = LabKeys.only(labs, labIds);
        return new ParentAppsSpec(kept, rampMonths);
    }
}
