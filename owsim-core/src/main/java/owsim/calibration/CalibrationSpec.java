package owsim.calibration;

import static owsim.io.Check.nonNullElements;

import java.util.List;
import owsim.experiment.ParameterSpec;

/**
 * A targets file as written: read strictly by {@link Calibrations}, which resolves it against a
 * base scenario into a {@link Calibration}.
 *
 * @param name short name, used in reports
 * @param description what the targets are
 * @param rootSeed seeds the Latin hypercube and each CMA-ES search (the aggregate engine itself is deterministic)
 * @param search how hard to search (defaults: {@link SearchSpec#defaults()})
 * @param parameters the scenario fields to fit, with ranges, as an experiment's parameters
 * @param targets the public figures
 */
public record CalibrationSpec(String name, String description, Long rootSeed, SearchSpec search, List<ParameterSpec> parameters,
                              List<TargetSpec> targets) {
    public CalibrationSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: required");
        if (rootSeed == null) throw new IllegalArgumentException("rootSeed: required (the screening sample and the searches derive their seeds from it)");
        if (search == null) search = SearchSpec.defaults();
        parameters = parameters == null ? List.of() : nonNullElements("parameters", parameters);
        if (targets == null || targets.isEmpty()) throw new IllegalArgumentException("targets: at least one is required");
        targets = nonNullElements("targets", targets);
    }
}
