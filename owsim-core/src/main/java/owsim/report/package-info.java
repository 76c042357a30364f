/**
 * Report writers: a run's {@link owsim.market.RunResult} as a terminal table ({@link owsim.report.SummaryTable}),
 * {@code timeseries.csv} ({@code TimeseriesCsv}), {@code summary.json}
 * ({@code SummaryJson}) and one self-contained {@code report.html} with inline SVG charts
 * ({@code HtmlReport}); {@link owsim.report.RunFiles} writes the three files atomically
 * into a directory; {@link owsim.report.EngineAgreementText} is {@code owsim compare-engines}' table. The charts of report.html, claims.html and the analysis page are all drawn by
 * {@link owsim.report.chart}; the classes here only choose what each chart shows.
 *
 * <p>Writers are pure: they read a finished run and write to a stream, never run a model, and the
 * same run gives the same bytes (no timestamps, fixed field and row order, "\n" line ends, numbers
 * formatted without the machine's locale). They rely only on the series names of the contract in
 * {@code owsim.market}: a series a run lacks shows as "no data" in its chart, it does not fail.
 */
package owsim.report;
