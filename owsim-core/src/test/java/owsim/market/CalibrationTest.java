package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs the default world and holds its 2025 headline figures to the public figures within the
 * tolerances stated here and in docs/CALIBRATION.md. The table it prints (and writes to
 * target/calibration.md) is the one in the docs.
 */
class CalibrationTest {
    record Figure(String name, double model, double low, double high, String publicFigure, String source) {
        boolean met() { return model >= low && model <= high; }
    }

    static List<Figure> figures(RunResult r) {
        List<Figure> f = new ArrayList<>();
        double[] users = r.series("frontier-closed", MetricNames.USERS).values();
        double[] subs = r.series("frontier-closed", "users.subscription").values();
        double[] revenue = r.series("frontier-closed", MetricNames.REVENUE_USD).values();
        f.add(new Figure("frontier-closed users, Jul 2025", users[6], 0.8 * 700e6, 1.2 * 700e6, "700M weekly users", "[NBER-CG]"));
        f.add(new Figure("frontier-closed users, Oct 2025", users[9], 0.8 * 800e6, 1.2 * 800e6, "800M weekly users", "[CG-users]"));
        f.add(new Figure("frontier-closed paying share, Oct 2025", subs[9] / users[9], 0.03, 0.08, "~5% of ~800M pay", "[Info-OAI]"));
        double h1 = 0;
        for (int m = 0; m < 6; m++) h1 += revenue[m];
        f.add(new Figure("frontier-closed revenue H1 2025, USD", h1, 0.75 * 4.3e9, 1.25 * 4.3e9, "$4.3B", "[Info-OAI]"));
        double[] lag = r.series(MetricNames.MARKET, MetricNames.OPEN_MODEL_LAG_MONTHS).values();
        double lag2025 = 0;
        for (int m = 0; m < 12; m++) lag2025 += lag[m] / 12;
        f.add(new Figure("open-model lag, 2025 mean, months", lag2025, 2.5, 5.0, "3.5-4 months", "[Lag]"));
        f.add(new Figure("open-weight token share, developers, Dec 2025", openShare(r, "developers", 11), 0.2, 0.45,
            "about one-third of tokens by end of 2025 (API traffic)", "[OR25]"));
        double[] loss = r.series("frontier-closed", MetricNames.SUBSCRIBER_LOSS_SHARE).values();
        double loss2025 = 0;
        for (int m = 0; m < 12; m++) loss2025 = Math.max(loss2025, loss[m]);
        f.add(new Figure("subscribers costing more than the fee, 2025 max", loss2025, 0.0, 0.10,
            "caps hit by < 5%; heavy users cost more than $200", "[Ant25], [CCU]"));
        f.add(new Figure("app-giant users, Aug 2025", r.series("app-giant", MetricNames.USERS).at(7), 0.7 * 157e6, 1.3 * 157e6, "157M MAU", "[Doubao]"));
        f.add(new Figure("open-challenger users, Aug 2025", r.series("open-challenger", MetricNames.USERS).at(7), 0.7 * 143e6, 1.3 * 143e6, "143M MAU", "[Doubao] (QuestMobile)"));
        return f;
    }

    /** Open-weight share of a segment's tokens in a month; with regions, over all its regional parts ("developers.west", ...). */
    static double openShare(RunResult r, String segment, int month) {
        double open = 0;
        double all = 0;
        for (Series x : r.series()) {
            if (!x.metric().equals("tokens") || !(x.entity().equals(segment) || x.entity().startsWith(segment + "."))) continue;
            double tokens = x.at(month);
            all += tokens;
            open += tokens * r.series(x.entity(), "openWeightTokenShare").at(month);
        }
        return all > 0 ? open / all : 0;
    }

    static String table(List<Figure> f) {
        StringBuilder sb = new StringBuilder("| figure | model | tolerance | public figure | source | met |\n|---|---|---|---|---|---|\n");
        for (Figure x : f) {
            sb.append(String.format(Locale.ROOT, "| %s | %.4g | %.4g to %.4g | %s | %s | %s |%n", x.name(), x.model(), x.low(), x.high(),
                x.publicFigure(), x.source(), x.met() ? "yes" : "no"));
        }
        return sb.toString();
    }

    /**
     * The figures are held on the default as one global region (regions off): the world they were
     * fitted in. The default with its regions is not refitted yet (issue 15's calibration task);
     * its table is written beside, for the record, and held to nothing.
     */
    @Test
    void defaultReproducesThe2025HeadlineFiguresWithinTolerance() throws IOException {
        RunResult r = Fixtures.ENGINE.run(Fixtures.ONE_REGION);
        List<Figure> f = figures(r);
        String t = table(f);
        String regional = table(figures(Fixtures.ENGINE.run(Fixtures.FOUR_LABS)));
        System.out.println(t);
        System.out.println(regional);
        Path out = Path.of("target", "calibration.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, t + "\nWith regions (not refitted):\n\n" + regional);
        for (Figure x : f) assertThat(x.model()).as(x.name()).isBetween(x.low(), x.high());
    }
}
