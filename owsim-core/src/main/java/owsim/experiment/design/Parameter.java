package owsim.experiment.design;

import owsim.io.Check;
import owsim.random.Distribution;

/**
 * One varied input of an experiment: a dotted path into the scenario (such as
 * {@code labs[open-challenger].researchers}) and the distribution its values come from.
 */
public record Parameter(String path, Distribution distribution) {
    public Parameter {
        Check.required("path", path);
        if (!path.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+|\\[[A-Za-z0-9._-]+\\])*")) {
            throw new IllegalArgumentException("path: '" + path
                + "' is not a scenario path (names joined by '.', list items as [id] or [n], e.g. labs[open-challenger].researchers)");
        }
        Check.required("distribution", distribution);
    }
}
