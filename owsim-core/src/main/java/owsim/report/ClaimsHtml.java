package owsim.report;

import owsim.report.chart.Html;
import java.util.List;
import owsim.claims.ClaimResult;
import owsim.claims.Measure;
import owsim.claims.uncertainty.ClaimUncertainty;
import owsim.claims.uncertainty.UncertaintyReport;
import owsim.report.chart.Style;

/** claims.html: one self-contained page (inline CSS and SVG, nothing fetched) with the verdict table on top. */
public final class ClaimsHtml {
    private ClaimsHtml() {}

    public static String render(String scenarioName, String command, List<ClaimResult> results) {
        return render(scenarioName, command, results, null);
    }

    /** The page, with each claim's verdict under uncertainty and its chart when {@code uncertainty} is not null. */
    public static String render(String scenarioName, String command, List<ClaimResult> results, UncertaintyReport uncertainty) {
        StringBuilder sb = new StringBuilder(65536);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Claims about open weights: ")
            .append(Html.escape(scenarioName)).append("</title>\n<style>\n")
            .append("body{font-family:" + Style.FONT + ";max-width:760px;margin:2em auto;padding:0 1em;color:#111}\n")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
            .append(".HOLDS{color:#176b1c;font-weight:bold}.FAILS{color:#a31515;font-weight:bold}.HOLDS_WHEN{color:#8a5a00;font-weight:bold}\n")
            .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Claims about open weights, tested on the model</h1>\n<p>Scenario <code>").append(Html.escape(scenarioName))
            .append("</code>, aggregate engine. Regenerate with <code>").append(Html.escape(command)).append("</code>.</p>\n");
        sb.append("<p>").append(Html.escape(ClaimsText.ENGINES.replace("`", ""))).append("</p>\n");
        if (uncertainty != null) {
            sb.append("<p>Verdicts under uncertainty: every claim was also evaluated in ").append(uncertainty.worlds()).append(" worlds (")
                .append(Html.escape(uncertainty.design())).append(" design of '").append(Html.escape(uncertainty.name())).append("') sampled from:</p>\n<ul>\n");
            for (String p : UncertaintyText.parameters(uncertainty)) sb.append("<li><code>").append(Html.escape(p)).append("</code></li>\n");
            sb.append("</ul>\n");
            for (String n : uncertainty.notes()) sb.append("<p>Note: ").append(Html.escape(n)).append("</p>\n");
        }
        boolean replicated = uncertainty != null && UncertaintyText.replicated(uncertainty);
        sb.append("<table>\n<tr><th>claim</th><th>statement</th><th>verdict</th>").append(uncertainty == null ? "" : "<th>holds in sampled worlds (95% interval)</th>")
            .append(replicated ? headers() : "").append("</tr>\n");
        for (ClaimResult r : results) {
            sb.append("<tr><td><a href=\"#claim-").append(r.id()).append("\">").append(r.id()).append("</a></td><td>")
                .append(Html.escape(r.statement())).append("</td><td class=\"").append(r.verdict().kind().name()).append("\">")
                .append(Html.escape(r.verdict().text())).append("</td>");
            if (uncertainty != null) {
                ClaimUncertainty c = uncertainty.claim(r.id());
                sb.append("<td>").append(Html.escape(c == null ? "not evaluated" : UncertaintyText.share(c))).append("</td>");
                if (replicated) sb.append(c == null ? "<td></td>".repeat(UncertaintyText.REPLICATION_COLUMNS.size()) : cells(c));
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
        for (ClaimResult r : results) {
            sb.append("<h2 id=\"claim-").append(r.id()).append("\">").append(r.id()).append(". ").append(Html.escape(r.statement())).append("</h2>\n");
            sb.append("<p><span class=\"").append(r.verdict().kind().name()).append("\">").append(Html.escape(r.verdict().text()))
                .append("</span>. ").append(Html.escape(r.finding())).append("</p>\n");
            sb.append("<p>Experiment: ").append(Html.escape(r.experiment())).append("</p>\n");
            if (!r.measures().isEmpty()) {
                sb.append("<table>\n<tr><th>measure</th><th>with / first</th><th>without / second</th><th>difference</th></tr>\n");
                for (Measure m : r.measures()) {
                    sb.append("<tr><td>").append(Html.escape(m.name())).append("</td><td>").append(Html.escape(ClaimsText.value(m.withValue(), m.unit())))
                        .append("</td><td>").append(Html.escape(ClaimsText.value(m.withoutValue(), m.unit()))).append("</td><td>")
                        .append(Html.escape(ClaimsText.value(m.difference(), m.unit()))).append("</td></tr>\n");
                }
                sb.append("</table>\n");
            }
            sb.append(ClaimCharts.of(r.chart()).svg());
            if (uncertainty != null && uncertainty.claim(r.id()) != null) uncertain(sb, uncertainty.claim(r.id()), uncertainty.parameters());
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The verdicts under uncertainty alone, as a page (what owsim analyze writes from an outcomes store). */
    public static String renderUncertainty(UncertaintyReport u) {
        StringBuilder sb = new StringBuilder(65536);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Claims under uncertainty: ")
            .append(Html.escape(u.name())).append("</title>\n<style>\n")
            .append("body{font-family:" + Style.FONT + ";max-width:760px;margin:2em auto;padding:0 1em;color:#111}\n")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
            .append("</style>\n</head>\n<body>\n<h1>Claims under uncertainty: ").append(Html.escape(u.name())).append("</h1>\n");
        sb.append("<p>").append(u.worlds()).append(" worlds, ").append(Html.escape(u.design())).append(" design, sampled from:</p>\n<ul>\n");
        for (String p : UncertaintyText.parameters(u)) sb.append("<li><code>").append(Html.escape(p)).append("</code></li>\n");
        sb.append("</ul>\n");
        for (String n : u.notes()) sb.append("<p>Note: ").append(Html.escape(n)).append("</p>\n");
        boolean replicated = UncertaintyText.replicated(u);
        sb.append("<table>\n<tr><th>claim</th><th>holds in sampled worlds (95% interval)</th>").append(replicated ? headers() : "")
            .append("<th>holds when</th></tr>\n");
        for (ClaimUncertainty c : u.claims()) {
            sb.append("<tr><td>").append(c.claim()).append("</td><td>").append(Html.escape(UncertaintyText.share(c))).append("</td>")
                .append(replicated ? cells(c) : "").append("<td>").append(Html.escape(UncertaintyText.conditions(c))).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (ClaimUncertainty c : u.claims()) uncertain(sb, c, u.parameters());
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void uncertain(StringBuilder sb, ClaimUncertainty c, List<String> paths) {
        sb.append("<h3>").append(c.claim()).append(" under uncertainty</h3>\n<ul>\n");
        sb.append("<li>Holds in ").append(Html.escape(UncertaintyText.share(c)))
            .append(c.defaultHolds() == null ? "" : c.defaultHolds() ? "; holds in the base world" : "; does not hold in the base world").append(".</li>\n");
        if (c.replications() > 1) sb.append("<li>Replications: ").append(Html.escape(UncertaintyText.replications(c))).append(".</li>\n");
        sb.append("<li>Margin (").append(Html.escape(c.marginUnit())).append("): ").append(Html.escape(UncertaintyText.margin(c))).append(".</li>\n");
        sb.append("<li>Holds when: ").append(Html.escape(UncertaintyText.box(c, paths))).append(".</li>\n");
        List<String> rules = UncertaintyText.treeRules(c);
        if (!rules.isEmpty()) {
            sb.append("<li>CART tree:<ul>");
            for (String rule : rules) sb.append("<li>").append(Html.escape(rule)).append("</li>");
            sb.append("</ul></li>\n");
        }
        sb.append("<li>Deciding parameters: ").append(Html.escape(UncertaintyText.deciding(c))).append(".</li>\n");
        sb.append("<li>Flip world: <code>").append(Html.escape(UncertaintyText.flip(c))).append("</code></li>\n</ul>\n");
        sb.append(UncertaintyCharts.of(c).svg());
    }

    /** The replication columns' header cells. */
    private static String headers() {
        return UncertaintyText.REPLICATION_COLUMNS.stream().map(h -> "<th>" + Html.escape(h) + "</th>").reduce("", String::concat);
    }

    /** One claim's replication cells. */
    private static String cells(ClaimUncertainty c) {
        return UncertaintyText.replicationCells(c).stream().map(v -> "<td>" + Html.escape(v) + "</td>").reduce("", String::concat);
    }
}
