package owsim.report.chart;

import java.util.List;

/**
 * The look every chart shares, kept in one place so report.html, claims.html and the analysis page
 * read alike: one palette, one font, one set of greys.
 */
public final class Style {
    private Style() {}

    /** Okabe-Ito colours (readable with colour-blindness), then a few darker ones for larger worlds. */
    public static final List<String> PALETTE = List.of(
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733", "#999933", "#661100");

    /** The system's own sans-serif: nothing to fetch, and the pages' CSS names the same list. */
    public static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

    /** Colour of the i-th series; after the palette runs out colours repeat (labels still tell them apart). */
    public static String color(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    static final int WIDTH = 680;
    static final int FONT_PX = 12;
    static final int TITLE_PX = 15;
    /** Average width of a 12px sans-serif character, to lay out labels without measuring text. */
    static final double CHAR_PX = 6.8;
    static final String TITLE = "#111";
    static final String TEXT = "#333";
    static final String MUTED = "#444";
    static final String FRAME = "#888";
    static final String GRID = "#e3e3e3";
    static final String ZERO = "#666";
    static final String WHISKER = "#111";
    static final String BACKGROUND = "#ffffff";
    static final String EMPTY = "#eeeeee";
}
