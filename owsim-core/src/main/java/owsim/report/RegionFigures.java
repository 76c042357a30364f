package owsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * A run's figures per region, read from its market series "region.ID.*" (a run without regions
 * has none, and then no region figures): people and users at the last month, and per lab its users
 * at the last month and the revenue its own services earned there over the run.
 *
 * @param id the region's id
 * @param population people in the region at the last month
 * @param users users of any lab there at the last month (each holds one option)
 * @param usersByLab each lab's users there at the last month, in the run's lab order
 * @param revenueUsdByLab each lab's revenue from its own services there, summed over the run, USD
 */
record RegionFigures(String id, double population, double users, Map<String, Double> usersByLab, Map<String, Double> revenueUsdByLab) {
    private static final String PREFIX = "region.";
    private static final String POPULATION = ".population";

    /** The run's regions in the order of its series; empty for a run without regions. */
    public static List<RegionFigures> of(RunResult run) {
        List<RegionFigures> out = new ArrayList<>();
        for (Series s : run.series()) {
            String m = s.metric();
            if (!s.entity().equals("market") || !m.startsWith(PREFIX) || !m.endsWith(POPULATION)) continue;
            String id = m.substring(PREFIX.length(), m.length() - POPULATION.length());
            String p = PREFIX + id + ".";
            Map<String, Double> users = new LinkedHashMap<>();
            Map<String, Double> revenue = new LinkedHashMap<>();
            for (LabSummary l : run.labs()) {
                users.put(l.id(), last(run, p + "users." + l.id()));
                revenue.put(l.id(), total(run, p + "revenueUsd." + l.id()));
            }
            out.add(new RegionFigures(id, last(run, p + "population"), last(run, p + "users"), users, revenue));
        }
        return out;
    }

    private static double last(RunResult run, String metric) {
        Series s = run.series("market", metric);
        return s == null || s.months() == 0 ? Double.NaN : s.at(s.months() - 1);
    }

    private static double total(RunResult run, String metric) {
        Series s = run.series("market", metric);
        if (s == null) return Double.NaN;
        double t = 0;
        for (double v : s.values()) t += v;
        return t;
    }
}
