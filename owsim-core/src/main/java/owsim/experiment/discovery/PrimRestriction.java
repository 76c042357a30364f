package owsim.experiment.discovery;

/**
 * One parameter a PRIM box restricts, with what the restriction is worth: the box's density with
 * and without it, and how likely a lift that large is by chance (the EMA workbench's "quasi-p").
 *
 * @param parameter the parameter's index
 * @param low the box's lower limit on it (the sample's smallest value when only the upper end is restricted)
 * @param high the box's upper limit on it (the sample's largest value when only the lower end is restricted)
 * @param lowRestricted whether the lower limit is above the sample's smallest value
 * @param highRestricted whether the upper limit is below the sample's largest value
 * @param densityGain the box's density minus {@code densityWithout}: what the restriction adds
 * @param densityWithout the density of the box with this restriction removed (every other limit kept)
 * @param coverageWithout the coverage of the box with this restriction removed
 * @param quasiP one-sided hypergeometric p-value of the box's cases of interest, the box's points being drawn
 *               without replacement from the points of the box without this restriction: the chance that a
 *               restriction cutting as many points at random would leave as many cases of interest
 */
public record PrimRestriction(int parameter, double low, double high, boolean lowRestricted, boolean highRestricted,
                              double densityGain, double densityWithout, double coverageWithout, double quasiP) {}
