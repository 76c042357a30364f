package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Advertising on free tiers (mechanism {@code advertising}): a lab that shows ads earns, per
 * free-tier user-month, a feed's ad revenue per user scaled by the share an AI chat user yields and
 * by the willingness to pay of the user's region. Read only when the switch is on; a lab not
 * listed shows no ads.
 *
 * @param usdPerUserMonth ad revenue per user-month of a social feed where willingness to pay is 1 (the reference region), USD
 * @param chatAdShare share of that revenue a free chat user yields: fewer ad slots per answer than per feed, 0..1
 * @param labs the labs that show ads, by lab id: the first month they do, "YYYY-MM"
 * @param rampMonths months over which a lab's ads grow linearly to their full yield from its first
 *     month (an ad product fills its inventory and finds its advertisers over time); 0 or absent: full
 *     yield from the first month
 */
public record AdvertisingSpec(double usdPerUserMonth, double chatAdShare, Map<String, String> labs, Integer rampMonths) {
    public AdvertisingSpec {
        range("usdPerUserMonth", usdPerUserMonth, 0, 1000);
        range("chatAdShare", chatAdShare, 0, 1);
        labs = labs == null ? Map.of() : nonNullValues("labs", labs);
        for (Map.Entry<String, String> e : labs.entrySet()) Months.check("labs." + e.getKey(), e.getValue());
        labs = Collections.unmodifiableMap(new LinkedHashMap<>(labs));
        if (rampMonths == null) rampMonths = 0;
        if (rampMonths < 0 || rampMonths > 120) throw new IllegalArgumentException("rampMonths: must be 0..120 months, was " + rampMonths);
    }

    public AdvertisingSpec(double usdPerUserMonth, double chatAdShare, Map<String, String> labs) {
        this(usdPerUserMonth, chatAdShare, labs, 0);
    }

    /** The share of the full yield a lab earns in its {@code monthsSinceStart}-th month of ads (0 for the first). */
    public double rampShare(int monthsSinceStart) {
        return Months.rampShare(rampMonths, monthsSinceStart);
    }

    /**
     * The documented defaults for a scenario that leaves the section out: Meta's US and Canada
     * revenue per user, $68.44 a quarter (Q4 2024), as $22.81 a month; a chat user yields 0.1 of it
     * (assumption, range 0.05-0.3); and no lab shows ads, so a scenario without the section earns none.
     */
    public static AdvertisingSpec defaults() {
        return new AdvertisingSpec(22.81, 0.1, Map.of());
    }

    /** This section for a scenario with these labs: the labs that are gone no longer show ads. */
    public AdvertisingSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(labs.keySet())) return this;
        Map<String, String> kept = LabKeys.only(labs, labIds);
        return new AdvertisingSpec(usdPerUserMonth, chatAdShare, kept, rampMonths);
    }

    /** Ad revenue per free-tier user-month where willingness to pay is 1, USD. */
    public double usdPerFreeUserMonth() {
        return usdPerUserMonth * chatAdShare;
    }

    /** The first month lab {@code labId} shows ads, "YYYY-MM", or null when it shows none. */
    public String startMonth(String labId) {
        return labs.get(labId);
    }
}
