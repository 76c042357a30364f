package owsim.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * An x/y chart of a claim's experiment: lines sharing one x axis. When {@code categories} is not
 * empty the x values 0, 1, 2, ... stand for those options (subscription, rent, buy), which are
 * compared side by side, not joined by a line.
 */
public record ChartData(String title, String xLabel, String yLabel, List<Line> lines, List<String> categories) {
    public ChartData {
        lines = List.copyOf(lines);
        categories = List.copyOf(categories);
    }

    /** A chart over a continuous x (months, a swept parameter). */
    public ChartData(String title, String xLabel, String yLabel, List<Line> lines) {
        this(title, xLabel, yLabel, lines, List.of());
    }

    /**
     * A chart comparing options: one value per category, x written as "option (0 subscription, 1 rent)"
     * so the text forms keep naming what each x stands for.
     */
    public static ChartData categorical(String title, String name, List<String> categories, String yLabel, String lineName, double[] y) {
        if (y.length != categories.size()) throw new IllegalArgumentException("chart '" + title + "': one value per category");
        List<String> parts = new ArrayList<>();
        double[] x = new double[categories.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            parts.add(i + " " + categories.get(i));
        }
        return new ChartData(title, name + " (" + String.join(", ", parts) + ")", yLabel, List.of(new Line(lineName, x, y)), categories);
    }

    /** Whether the x values stand for named options rather than a quantity. */
    public boolean categorical() {
        return !categories.isEmpty();
    }

    /** One named line; x and y of equal length. */
    public record Line(String name, double[] x, double[] y) {
        public Line {
            if (x.length != y.length) throw new IllegalArgumentException("chart line '" + name + "': x and y lengths differ");
            x = x.clone();
            y = y.clone();
        }

        @Override public double[] x() { return x.clone(); }

        @Override public double[] y() { return y.clone(); }
    }
}
