package owsim.experiment;

import static owsim.io.Check.nonNullElements;

import java.util.List;

/**
 * A group of scenario shares that sum to 1 (such as a distiller's {@code apiShare},
 * {@code subscriptionShare} and {@code freeShare}), drawn together from a Dirichlet distribution,
 * as written in an experiment file's {@code shares:} list. Give either {@code concentrations}, one
 * per path, or one {@code concentration}, which centres the Dirichlet on the base scenario's
 * values (a_i = concentration x base value i); a larger concentration draws shares closer to
 * their means. {@link Experiments} checks the paths against the base scenario.
 *
 * @param paths the shares' scenario paths, at least two, together all the shares of one split
 * @param concentrations the Dirichlet's parameters a_i, one per path, each above 0
 * @param concentration a_0, the sum of the a_i, above 0, with the means at the base scenario's values
 */
public record ShareGroupSpec(List<String> paths, List<Double> concentrations, Double concentration) {
    public ShareGroupSpec {
        if (paths == null || paths.size() < 2) {
            throw new IllegalArgumentException("paths: a group of shares lists at least two scenario paths (every share of one split)");
        }
        paths = nonNullElements("paths", paths);
        if (concentrations == null && concentration == null) {
            throw new IllegalArgumentException("concentration: required: 'concentration: C' (above 0; the Dirichlet centred on the base"
                + " scenario's values) or 'concentrations: [a1, ..., ak]' (one per path, each above 0)");
        }
        if (concentrations != null && concentration != null) {
            throw new IllegalArgumentException("concentrations: give either 'concentration' or 'concentrations', not both");
        }
        if (concentrations != null) {
            concentrations = nonNullElements("concentrations", concentrations);
            if (concentrations.size() != paths.size()) {
                throw new IllegalArgumentException("concentrations: one per path: " + paths.size() + " paths, " + concentrations.size() + " concentrations");
            }
            for (int i = 0; i < concentrations.size(); i++) {
                double a = concentrations.get(i);
                if (!(a > 0) || !Double.isFinite(a)) {
                    throw new IllegalArgumentException("concentrations: each must be a finite number above 0; [" + i + "] was " + a);
                }
            }
        }
        if (concentration != null && (!(concentration > 0) || !Double.isFinite(concentration))) {
            throw new IllegalArgumentException("concentration: must be a finite number above 0, was " + concentration);
        }
    }
}
