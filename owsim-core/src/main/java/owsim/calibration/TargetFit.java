package owsim.calibration;

/**
 * One target's figures: the public figure and its band, the model's figure with the scenario as
 * given and at the fitted parameters, and whether each is within tolerance.
 *
 * @param series "entity.metric" (with "per metric" for a share)
 * @param window the months compared, as written
 * @param use fit or check (held out)
 * @param low lowest figure within tolerance
 * @param high highest figure within tolerance
 * @param scenarioModel the model's figure with the base scenario unchanged (null if not a number)
 * @param fittedModel the model's figure at the fitted parameters (null if not a number)
 * @param fittedZ scaled log error at the fit (|z| &lt;= 1 is within tolerance)
 */
public record TargetFit(String id, String series, String window, String use, double value, String unit, double low, double high,
                        String source, String date, String note, Double scenarioModel, boolean scenarioWithin, Double fittedModel,
                        Double fittedZ, boolean fittedWithin) {}
