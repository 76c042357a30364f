/**
 * The local web app of {@code owsim serve}: an HTTP server on the JDK's own server, a JSON API
 * under {@code /api/} that answers by running the command line's own commands (so the same input
 * gives the same bytes as {@code --format json}), the pages and their chart library served from
 * the jar, and the limits that keep one browser from overloading the machine: bounded bodies, a
 * bounded run queue with a per-run timeout and cancel, and files only under the data directory.
 * It knows the commands only through {@link owsim.web.CommandRunner}, which the command line gives it.
 */
package owsim.web;
