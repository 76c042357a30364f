package owsim.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import owsim.market.LabSummary;

/** The users' options in one fixed order, so tables and files list them the same way every run. */
final class UserOptions {
    private UserOptions() {}

    /** The options of the series contract, in the order people read them. */
    static final List<String> KNOWN = List.of("subscription", "free", "api", "selfhost", "hosted");

    /** The options present in any lab: known ones in {@link #KNOWN} order, then others alphabetically. */
    static List<String> of(Collection<LabSummary> labs) {
        TreeSet<String> present = new TreeSet<>();
        for (LabSummary l : labs) present.addAll(l.usersByOption().keySet());
        List<String> out = new ArrayList<>();
        for (String k : KNOWN) if (present.remove(k)) out.add(k);
        out.addAll(present);
        return out;
    }

    /** All of a lab's users at the end, whatever the option. */
    static double total(LabSummary lab) {
        double sum = 0;
        for (String k : of(List.of(lab))) sum += lab.usersByOption().get(k);
        return sum;
    }
}
