package owsim.experiment.analysis;

/**
 * One parameter's elementary-effect statistics for one metric, effects measured per unit of the
 * parameter's unit range (cumulative probability): mu = mean effect (signs may cancel),
 * muStar = mean absolute effect (Campolongo et al. 2007; the measure to rank by), sigma = standard
 * deviation of the effects (non-linearity or interactions), with a bootstrap interval on muStar.
 */
public record MorrisEffect(String path, double mu, double muStar, double sigma, Interval muStarCi, int effects) {}
