package owsim.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import owsim.experiment.design.CsvDesign;
import owsim.experiment.design.Design;
import owsim.experiment.design.GridDesign;
import owsim.experiment.design.LatinHypercubeDesign;
import owsim.experiment.design.MorrisDesign;
import owsim.experiment.design.SobolDesign;
import owsim.experiment.design.TornadoDesign;

/**
 * Which runs to make, as written in an experiment file.
 *
 * @param kind {@code grid}, {@code latin-hypercube}, {@code sobol}, {@code morris} or {@code csv}
 * @param levels grid: points per continuous parameter; morris: grid levels p (even, default 4)
 * @param levelsByPath grid: points for particular parameters
 * @param runs latin-hypercube: number of runs
 * @param centred latin-hypercube: points at the centres of their strata (default false)
 * @param baseRuns sobol: N, the number of base points (runs = N (k + 2)); a power of two
 * @param trajectories morris: r, the number of trajectories (runs = r (k + 1))
 * @param candidates morris: trajectories drawn before keeping the r most spread (default r)
 * @param file csv: the sample file, relative to the experiment file
 * @param lowQuantile tornado: the low end of each swing as a quantile of the range (default 0, the minimum)
 * @param highQuantile tornado: the high end (default 1, the maximum)
 */
public record DesignSpec(String kind, Integer levels, Map<String, Integer> levelsByPath, Integer runs, Boolean centred,
                         Integer baseRuns, Integer trajectories, Integer candidates, String file, Double lowQuantile, Double highQuantile) {
    /** The design names an experiment file may use. */
    public static final List<String> KINDS = List.of("grid", "latin-hypercube", "sobol", "morris", "csv", "tornado");

    public DesignSpec {
        if (kind == null) throw new IllegalArgumentException("kind: required; one of " + String.join(", ", KINDS));
        levelsByPath = levelsByPath == null ? Map.of() : Map.copyOf(levelsByPath);
        switch (kind) {
            case "grid" -> { need("levels", levels); unused(kind, runs, centred, baseRuns, trajectories, candidates, file); }
            case "latin-hypercube" -> { need("runs", runs); unused(kind, levels, null, baseRuns, trajectories, candidates, file); }
            case "sobol" -> { need("baseRuns", baseRuns); unused(kind, levels, runs, centred, trajectories, candidates, file); }
            case "morris" -> { need("trajectories", trajectories); unused(kind, runs, centred, baseRuns, null, null, file); }
            case "csv" -> {
                if (file == null || file.isBlank()) throw new IllegalArgumentException("file: required for a csv design");
                unused(kind, levels, runs, centred, baseRuns, trajectories, candidates);
            }
            case "tornado" -> unused(kind, levels, runs, centred, baseRuns, trajectories, candidates, file);
            default -> throw new IllegalArgumentException("kind: unknown design '" + kind + "'; allowed: " + String.join(", ", KINDS));
        }
        if ((lowQuantile != null || highQuantile != null) && !kind.equals("tornado")) {
            throw new IllegalArgumentException("lowQuantile: only for a tornado design");
        }
        if (!levelsByPath.isEmpty() && !kind.equals("grid")) throw new IllegalArgumentException("levelsByPath: only for a grid design");
        design(kind, levels, levelsByPath, runs, centred, baseRuns, trajectories, candidates, file, lowQuantile, highQuantile, Path.of("."));
    }

    /** The design library's design; {@code baseDir} resolves a csv file. */
    public Design toDesign(Path baseDir) {
        return design(kind, levels, levelsByPath, runs, centred, baseRuns, trajectories, candidates, file, lowQuantile, highQuantile, baseDir);
    }

    // Static: the compact constructor checks the values before the fields are assigned.
    private static Design design(String kind, Integer levels, Map<String, Integer> levelsByPath, Integer runs, Boolean centred,
                                 Integer baseRuns, Integer trajectories, Integer candidates, String file,
                                 Double lowQuantile, Double highQuantile, Path baseDir) {
        return switch (kind) {
            case "grid" -> new GridDesign(levels, levelsByPath);
            case "latin-hypercube" -> new LatinHypercubeDesign(runs, centred != null && centred);
            case "sobol" -> new SobolDesign(baseRuns);
            case "morris" -> new MorrisDesign(trajectories, levels == null ? 4 : levels, candidates == null ? trajectories : candidates);
            case "tornado" -> new TornadoDesign(lowQuantile == null ? 0 : lowQuantile, highQuantile == null ? 1 : highQuantile);
            default -> new CsvDesign(baseDir.resolve(file));
        };
    }

    private static void need(String field, Integer v) {
        if (v == null) throw new IllegalArgumentException(field + ": required for this design");
    }

    private static void unused(String kind, Object... values) {
        for (Object v : values) {
            if (v != null) throw new IllegalArgumentException("a " + kind + " design takes only the fields for it: grid {levels, levelsByPath}, "
                + "latin-hypercube {runs, centred}, sobol {baseRuns}, morris {trajectories, levels, candidates}, csv {file}, "
                + "tornado {lowQuantile, highQuantile}");
        }
    }
}
