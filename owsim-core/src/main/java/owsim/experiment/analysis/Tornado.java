package owsim.experiment.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import owsim.experiment.design.SampleMatrix;

/** Data of a tornado chart (no drawing): bars sorted by swing, widest first, plus the base. */
public record Tornado(String metric, double baseOutput, List<TornadoBar> bars) {
    public Tornado {
        bars = List.copyOf(bars);
    }

    /**
     * Builds the bars from a {@link owsim.experiment.design.TornadoDesign} sample and the metric
     * of each of its runs. Ties in swing keep the parameter order.
     */
    public static Tornado build(String metric, SampleMatrix sample, double[] outputs) {
        if (!"tornado".equals(sample.design())) {
            throw new IllegalArgumentException(metric + ": a tornado chart needs the runs of a tornado design, not " + sample.design());
        }
        Outputs.check(metric, outputs, sample.runs());
        int k = sample.parameters();
        double base = outputs[0];
        List<TornadoBar> bars = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int lo = 1 + 2 * i;
            int hi = 2 + 2 * i;
            bars.add(new TornadoBar(sample.paths().get(i), sample.value(lo, i), sample.value(hi, i), outputs[lo], outputs[hi],
                outputs[lo] - base, outputs[hi] - base, Math.abs(outputs[hi] - outputs[lo])));
        }
        bars.sort(Comparator.comparingDouble(TornadoBar::swing).reversed());
        return new Tornado(metric, base, bars);
    }
}
