/**
 * Calibration: fitting chosen scenario parameters to public figures (targets, each with a value,
 * unit, source, date and tolerance) over the aggregate engine, and saying which parameters the
 * targets pin down and which they leave free. A targets file is read strictly
 * ({@link owsim.calibration.Calibrations}); {@link owsim.calibration.Calibrator} screens the
 * parameters' ranges with a Latin hypercube (rejection ABC), refines the best points with CMA-ES,
 * and measures identifiability from the local Jacobian at the optimum. See docs/CALIBRATION.md.
 */
package owsim.calibration;
