package owsim.experiment.design;

import owsim.io.Check;

/**
 * One varied input of an experiment: a dotted path into the scenario (such as
 * {@code labs.deepseek.researchers}) and the distribution its values come from.
 */
public record Parameter(String path, Distribution distribution) {
    public Parameter {
        Check.required("path", path);
        if (!path.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+|\\[[0-9]+\\])*")) {
            throw new IllegalArgumentException("path: '" + path
                + "' is not a scenario path (names joined by '.', list items as [n], e.g. labs.deepseek.researchers)");
        }
        Check.required("distribution", distribution);
    }
}
