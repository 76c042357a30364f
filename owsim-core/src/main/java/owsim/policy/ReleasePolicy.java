package owsim.policy;

/**
 * Decides, month by month, whether a released model's weights are open. Once open, always open:
 * the engine never asks again about a model it has opened.
 */
public interface ReleasePolicy {
    /** Whether this model's weights are open in the given month. */
    boolean isOpen(ReleaseView model, PolicyContext context);

    /** The policy as written in a scenario, e.g. "open-delayed(6)". */
    String text();
}
