package owsim.claims;

import java.util.List;
import java.util.Locale;
import owsim.format.Readable;
import owsim.market.Engine;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.scenario.LabSpec;
import owsim.scenario.MarketParams;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Claim k: while researchers are scarce, the attention open models bring attracts them to the open
 * lab; the dynamic is fragile: it ends when the shortage ends. The gain is the challenger's share
 * of all labs' researchers at the end, open minus closed (other labs' policies fixed); the
 * threshold is the entry of researchers at which that gain falls below {@link #MATERIAL_SHARE}.
 */
final class TalentClaim implements Claim {
    /** The parameter swept: researchers entering the labs' market a month. */
    static final String PARAMETER = "market.newResearchersPerMonth";
    /** Smallest gain in researcher share that counts as attracting researchers: 0.5 points (assumption: claim e's threshold for awareness). */
    static final double MATERIAL_SHARE = 0.005;
    /** The entry swept, as factors of the scenario's: from a tenth (deeper shortage) to 100 times (far above default openings). */
    static final double LOW_FACTOR = 0.1;
    static final double HIGH_FACTOR = 100;
    static final int GRID = 7;
    static final int BISECTION_STEPS = 10;
    /** Prestige half-lives compared, months: the range the default scenario's note gives (no published estimate; sweep 3-24). */
    static final double SHORT_HALF_LIFE_MONTHS = 3;
    static final double LONG_HALF_LIFE_MONTHS = 24;
    /** Entry used as the sweep's centre when a scenario has none, researchers/month (a log sweep needs a positive centre). */
    static final double MIN_CENTRE_PER_MONTH = 1;

    static final String MARGIN_UNIT = "log10 (entry of researchers at which the attraction vanishes / the scenario's entry);"
        + " the sweep's bound (-1 or -2) when it holds nowhere in the sweep or never vanishes";

    @Override public String id() { return "k"; }

    @Override public String statement() {
        return "Researchers are scarce, and the attention open models bring lets their labs attract good hires; but that dynamic is fragile and can break.";
    }

    @Override public String experiment() {
        return "The challenger's end share of all labs' researchers, open vs closed (other labs fixed), and with its open reputation"
            + " (market.openReputationPrestige) off; then that gain as the entry of researchers (" + PARAMETER + ") rises past the labs'"
            + " openings (market.researcherOpeningsPerMonth), the threshold being where it falls below 0.5 points (bisection);"
            + " and at prestige half-lives of 3 and 24 months. What it rests on: MODEL.md, section 3.6.";
    }

    @Override public MechanismSwitch mechanism() { return MechanismSwitch.TALENT; }

    @Override public ClaimResult evaluate(Scenario base, Engine engine) {
        String lab = Experiments.challenger(base);
        MarketParams m = base.market();
        double shareOpen = share(engine, base, lab, "open");
        double shareClosed = share(engine, base, lab, "closed");
        double gain = shareOpen - shareClosed;
        double gainNoReputation = gain(engine, base.withMarket(m.withPrestige(m.prestigeHalfLifeMonths(), 0)), lab);
        double gainShort = gain(engine, base.withMarket(m.withPrestige(SHORT_HALF_LIFE_MONTHS, m.openReputationPrestige())), lab);
        double gainLong = gain(engine, base.withMarket(m.withPrestige(LONG_HALF_LIFE_MONTHS, m.openReputationPrestige())), lab);
        double here = m.newResearchersPerMonth();
        double centre = Math.max(here, MIN_CENTRE_PER_MONTH);
        double lo = centre * LOW_FACTOR;
        double hi = centre * HIGH_FACTOR;
        double[] x = new double[GRID];
        double[] y = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            x[i] = lo * Math.pow(hi / lo, i / (GRID - 1.0));
            y[i] = gain(engine, withEntry(base, x[i]), lab);
        }
        String shares = String.format(Locale.ROOT, "Open release changes the challenger's end share of the labs' researchers by %+.1f points"
            + " (%+.1f with no open reputation; %+.1f and %+.1f at prestige half-lives of %.0f and %.0f months).",
            100 * gain, 100 * gainNoReputation, 100 * gainShort, 100 * gainLong, SHORT_HALF_LIFE_MONTHS, LONG_HALF_LIFE_MONTHS);
        String openings = m.limitsOpenings()
            ? String.format(Locale.ROOT, "the labs' %s openings/month", Readable.count(m.researcherOpeningsPerMonth(), 3))
            : "unlimited openings (every entrant is hired, so no entry ends the shortage)";
        Verdict verdict;
        double margin;
        String finding;
        if (y[0] >= MATERIAL_SHARE && y[GRID - 1] < MATERIAL_SHARE) {
            double threshold = Experiments.bisectLog(lo, hi, v -> gain(engine, withEntry(base, v), lab) >= MATERIAL_SHARE, BISECTION_STEPS);
            verdict = Verdict.holdsWhen(PARAMETER, "below", threshold);
            margin = Math.log10(threshold / centre);
            finding = shares + String.format(Locale.ROOT, " The gain falls below 0.5 points once more than %s researchers a month enter"
                + " (the scenario has %s, against %s): then labs fill their openings and pay and prestige no longer decide who is hired.",
                Readable.count(threshold, 3), Readable.count(here, 3), openings);
        } else if (y[0] < MATERIAL_SHARE) {
            verdict = Verdict.fails();
            margin = Math.log10(LOW_FACTOR);
            finding = shares + String.format(Locale.ROOT, " Even with %s researchers entering a month (a tenth of the scenario's) the gain"
                + " stays below 0.5 points: open release does not attract researchers here.", Readable.count(lo, 3));
        } else {
            verdict = Verdict.fails();
            margin = -Math.log10(HIGH_FACTOR);
            finding = shares + String.format(Locale.ROOT, " The gain stays above 0.5 points up to %s researchers entering a month (100 times"
                + " the scenario's) with %s: the dynamic is not fragile here.", Readable.count(hi, 3), openings);
        }
        return new ClaimResult(id(), statement(), experiment(), verdict, gain, "share of the labs' researchers", finding,
            List.of(new Measure("challenger's end share of the labs' researchers, open vs closed", "share", shareOpen, shareClosed),
                new Measure("gain from opening with vs without the open reputation", "share", gain, gainNoReputation),
                new Measure("gain from opening at prestige half-lives of 3 vs 24 months", "share", gainShort, gainLong),
                new Measure("gain from opening at the lowest vs the highest entry swept", "share", y[0], y[GRID - 1])),
            new ChartData("Challenger's gain in researcher share from opening, by entry of researchers", PARAMETER + " (researchers/month, log scale)",
                "share", List.of(new ChartData.Line("share open - closed", x, y))))
            .withMargin(margin, MARGIN_UNIT);
    }

    /** The challenger's end share of researchers open minus closed. */
    static double gain(Engine engine, Scenario s, String lab) {
        return share(engine, s, lab, "open") - share(engine, s, lab, "closed");
    }

    /** The lab's share of all labs' researchers at the end of the run under one release policy. */
    static double share(Engine engine, Scenario s, String lab, String policy) {
        LabSpec spec = Experiments.spec(s, lab);
        RunResult r = engine.run(Experiments.withLab(s, spec.withPolicy(policy)));
        double all = 0;
        for (LabSpec l : s.labs()) all += Experiments.last(r, l.id(), MetricNames.RESEARCHERS);
        return all > 0 ? Experiments.last(r, lab, MetricNames.RESEARCHERS) / all : 0;
    }

    static Scenario withEntry(Scenario s, double perMonth) {
        return s.withMarket(s.market().withNewResearchersPerMonth(perMonth));
    }
}
