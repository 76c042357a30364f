package owsim.report.chart;

import owsim.format.Readable;

/**
 * Writes one {@code <svg>} element: the shared header (size, font, title, white background) and the
 * few shapes charts are made of. Coordinates carry one decimal with a dot whatever the machine's
 * locale, so the same chart always gives the same text.
 */
final class Svg {
    private final StringBuilder sb = new StringBuilder(8192);

    Svg(int width, int height, String title) {
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
            .append("\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" role=\"img\" font-family=\"").append(Style.FONT).append("\" font-size=\"").append(Style.FONT_PX).append("\">\n");
        sb.append("<title>").append(Html.escape(title)).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(Style.BACKGROUND).append("\"/>\n");
        sb.append("<text x=\"8\" y=\"22\" font-size=\"").append(Style.TITLE_PX).append("\" font-weight=\"bold\" fill=\"")
            .append(Style.TITLE).append("\">").append(Html.escape(title)).append("</text>\n");
    }

    /** Text; {@code anchor} is start, middle or end, {@code middle} centres it vertically on y. */
    Svg text(double x, double y, String text, String anchor, boolean middle, String fill) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!anchor.equals("start")) sb.append(" text-anchor=\"").append(anchor).append('"');
        if (middle) sb.append(" dominant-baseline=\"middle\"");
        sb.append(" fill=\"").append(fill).append("\">").append(Html.escape(text)).append("</text>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, String extra) {
        sb.append("<line x1=\"").append(n(x1)).append("\" x2=\"").append(n(x2)).append("\" y1=\"").append(n(y1))
            .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append('"').append(extra).append("/>\n");
        return this;
    }

    /** A rectangle; a non-empty {@code tooltip} is shown on hover. */
    Svg rect(double x, double y, double w, double h, String fill, String extra, String tooltip) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
            .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"').append(extra);
        return close("rect", tooltip);
    }

    Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
            .append("\" fill=\"").append(fill).append('"');
        return close("circle", tooltip);
    }

    /** A path from its {@code d} and its attributes (stroke, width, dash). */
    Svg path(String d, String attributes, String tooltip) {
        sb.append("<path d=\"").append(d).append('"').append(attributes);
        return close("path", tooltip);
    }

    private Svg close(String element, String tooltip) {
        if (tooltip.isEmpty()) {
            sb.append("/>\n");
        } else {
            sb.append("><title>").append(Html.escape(tooltip)).append("</title></").append(element).append(">\n");
        }
        return this;
    }

    String end() {
        return sb.append("</svg>\n").toString();
    }

    /** An inline {@code <svg>} element as a file of its own: an XML declaration and the namespace a standalone SVG needs. */
    static String standalone(String inlineSvg) {
        if (!inlineSvg.startsWith("<svg ")) throw new IllegalArgumentException("not an svg element");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"" + NAMESPACE + "\" " + inlineSvg.substring("<svg ".length());
    }

    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    /** A coordinate with one decimal, dot as separator. */
    static String n(double px) {
        return Readable.fixed(px, 1);
    }

}
