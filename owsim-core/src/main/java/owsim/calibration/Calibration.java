package owsim.calibration;

import java.util.List;
import owsim.experiment.design.Parameter;
import owsim.scenario.Scenario;

/**
 * A checked calibration problem: the base scenario (cut to the last month any target needs), the
 * parameters to fit, the targets, and how hard to search.
 *
 * @param source the targets file's name, for messages
 * @param text the targets file's text
 * @param hash SHA-256 of the targets file's text, the base scenario's text and the parameters fitted
 * @param baseName the base scenario's name or file
 * @param base the base scenario, run for {@code months} months
 */
public record Calibration(String source, String text, String hash, String baseName, Scenario base, CalibrationSpec spec,
                          List<Parameter> parameters, List<Target> targets) {
    public Calibration {
        parameters = List.copyOf(parameters);
        targets = List.copyOf(targets);
    }

    public SearchSpec search() { return spec.search(); }

    public long rootSeed() { return spec.rootSeed(); }

    public String name() { return spec.name(); }

    /** The parameters' scenario paths, in order. */
    public String[] paths() {
        return parameters.stream().map(Parameter::path).toArray(String[]::new);
    }

    /** Targets the optimiser fits. */
    public int fitCount() {
        return (int) targets.stream().filter(t -> t.spec().fitted()).count();
    }
}
