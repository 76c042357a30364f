package owsim.experiment;

import static owsim.io.Check.nonNullElements;

import java.util.List;
import owsim.random.Distribution;
import owsim.experiment.design.Parameter;

/**
 * One varied scenario field as written in an experiment file.
 *
 * @param path scenario path, e.g. {@code labs[open-challenger].researchers} (see ScenarioOverrides)
 * @param distribution {@code uniform}, {@code log-uniform}, {@code normal} (truncated to [min, max]) or {@code discrete}
 * @param min lower end of the range (uniform, log-uniform, normal)
 * @param max upper end of the range (uniform, log-uniform, normal)
 * @param mean mean (normal only)
 * @param sd standard deviation (normal only)
 * @param levels the values, equally likely (discrete only)
 */
public record ParameterSpec(String path, String distribution, Double min, Double max, Double mean, Double sd, List<Double> levels) {
    /** The distribution names an experiment file may use. */
    public static final List<String> DISTRIBUTIONS = List.of("uniform", "log-uniform", "normal", "discrete");

    public ParameterSpec {
        if (path == null || path.isBlank()) throw new IllegalArgumentException("path: required (a scenario path such as technology.spilloverPerMonth)");
        if (distribution == null) distribution = "uniform";
        levels = levels == null ? null : nonNullElements("levels", levels);
        toDistribution(distribution, min, max, mean, sd, levels);
    }

    /** The design library's parameter. */
    public Parameter toParameter() {
        return new Parameter(path, toDistribution(distribution, min, max, mean, sd, levels));
    }

    private static Distribution toDistribution(String kind, Double min, Double max, Double mean, Double sd, List<Double> levels) {
        switch (kind) {
            case "uniform" -> {
                only(kind, "levels", levels, "mean", mean, "sd", sd);
                return new Distribution.Uniform(need("min", min), need("max", max));
            }
            case "log-uniform" -> {
                only(kind, "levels", levels, "mean", mean, "sd", sd);
                return new Distribution.LogUniform(need("min", min), need("max", max));
            }
            case "normal" -> {
                only(kind, "levels", levels, null, null, null, null);
                return new Distribution.TruncatedNormal(need("mean", mean), need("sd", sd), need("min", min), need("max", max));
            }
            case "discrete" -> {
                only(kind, "min", min, "max", max, "mean", mean);
                if (sd != null) throw new IllegalArgumentException("sd: not used by a discrete distribution");
                if (levels == null || levels.isEmpty()) throw new IllegalArgumentException("levels: required for a discrete distribution (a list of values)");
                double[] v = new double[levels.size()];
                for (int i = 0; i < v.length; i++) v[i] = levels.get(i);
                return new Distribution.Discrete(v);
            }
            default -> throw new IllegalArgumentException("distribution: unknown '" + kind + "'; allowed: " + String.join(", ", DISTRIBUTIONS));
        }
    }

    private static double need(String field, Double v) {
        if (v == null) throw new IllegalArgumentException(field + ": required for this distribution");
        return v;
    }

    private static void only(String kind, String a, Object va, String b, Object vb, String c, Object vc) {
        if (va != null) throw new IllegalArgumentException(a + ": not used by a " + kind + " distribution");
        if (vb != null) throw new IllegalArgumentException(b + ": not used by a " + kind + " distribution");
        if (vc != null) throw new IllegalArgumentException(c + ": not used by a " + kind + " distribution");
    }
}
