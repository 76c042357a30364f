package owsim.claims;

import java.util.List;

/** An x/y chart of a claim's experiment: lines sharing one x axis. */
public record ChartData(String title, String xLabel, String yLabel, List<Line> lines) {
    public ChartData {
        lines = List.copyOf(lines);
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
