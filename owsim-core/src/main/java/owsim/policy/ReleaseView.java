package owsim.policy;

/**
 * What a release policy may know about one model.
 *
 * @param releaseMonth month the model was released (may be negative for models from before the run)
 * @param totalParams total parameters
 * @param activeParams parameters used per token
 * @param capability log10 of effective training compute
 * @param frontier true for the family's largest model, false for a distilled variant
 */
public record ReleaseView(int releaseMonth, double totalParams, double activeParams, double capability, boolean frontier) {}
