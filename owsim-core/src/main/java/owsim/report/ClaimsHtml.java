package owsim.report;

import java.util.List;
import owsim.claims.ClaimResult;
import owsim.claims.Measure;

/** claims.html: one self-contained page (inline CSS and SVG, nothing fetched) with the verdict table on top. */
public final class ClaimsHtml {
    private ClaimsHtml() {}

    public static String render(String scenarioName, String command, List<ClaimResult> results) {
        StringBuilder sb = new StringBuilder(65536);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Claims about open weights: ")
            .append(Html.escape(scenarioName)).append("</title>\n<style>\n")
            .append("body{font-family:sans-serif;max-width:760px;margin:2em auto;padding:0 1em;color:#111}\n")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
            .append(".HOLDS{color:#176b1c;font-weight:bold}.FAILS{color:#a31515;font-weight:bold}.HOLDS_WHEN{color:#8a5a00;font-weight:bold}\n")
            .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Claims about open weights, tested on the model</h1>\n<p>Scenario <code>").append(Html.escape(scenarioName))
            .append("</code>, aggregate engine. Regenerate with <code>").append(Html.escape(command)).append("</code>.</p>\n");
        sb.append("<table>\n<tr><th>claim</th><th>statement</th><th>verdict</th></tr>\n");
        for (ClaimResult r : results) {
            sb.append("<tr><td><a href=\"#claim-").append(r.id()).append("\">").append(r.id()).append("</a></td><td>")
                .append(Html.escape(r.statement())).append("</td><td class=\"").append(r.verdict().kind().name()).append("\">")
                .append(Html.escape(r.verdict().text())).append("</td></tr>\n");
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
            sb.append(ClaimsSvg.render(r.chart()));
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }
}
