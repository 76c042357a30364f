/**
 * The one chart module of the static pages (report.html, claims.html and the analysis page): line
 * charts over months or a numeric range ({@link owsim.report.chart.LineChart}), horizontal bars for
 * categories with intervals ({@link owsim.report.chart.BarChart}), named points such as a Morris
 * mu*-sigma plot ({@link owsim.report.chart.ScatterChart}) and shaded grids
 * ({@link owsim.report.chart.HeatMap}).
 *
 * <p>All of them share round 1-2-5 ticks ({@link owsim.report.chart.NiceScale}), whole months on time
 * axes, shares written as percentages, one palette and font ({@link owsim.report.chart.Style}), and
 * axes that reach every value and interval end, so nothing is clipped. Each chart is self-contained
 * inline SVG, and the same chart always gives the same bytes (no locale, no clock, no randomness).
 */
package owsim.report.chart;
