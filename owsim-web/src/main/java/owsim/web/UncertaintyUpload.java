package owsim.web;

import java.nio.file.Path;
import owsim.catalog.Catalog;
import owsim.claims.Claim;
import owsim.claims.Claims;
import owsim.claims.uncertainty.UncertaintySet;
import owsim.claims.uncertainty.WorldRunner;
import owsim.io.InputException;
import owsim.scenario.Scenarios;

/**
 * The checks {@code owsim claims default --uncertainty FILE --worlds N} makes of its file before
 * it evaluates anything, made on an uploaded file before its job is queued: the file is read as
 * an experiment file with the claims' rules (design, engine, replications, metrics, each
 * parameter's path and range), its worlds are set around the default world, and every world is
 * built once. A file that fails is refused with the command's own message, naming its line and
 * field, and nothing runs.
 *
 * <p>The file lies alone in a fresh run directory, so whatever it names (a base scenario, a csv
 * design) can only be looked for there, where nothing else is: a request never reaches another file.
 */
final class UncertaintyUpload {
    private UncertaintyUpload() {}

    /** Checks the uploaded file at {@code file}; a {@link BadRequest} (400) with the command's message when it fails. */
    static void check(Path file, int worlds) {
        try {
            UncertaintySet set = UncertaintySet.load(file, worlds, Claims.all().stream().map(Claim::id).toList());
            set = set.withBase(Scenarios.defaultScenario(), Scenarios.defaultYaml());
            new WorldRunner(set, Claims.all(), Catalog.bundled()).checkWorlds();
        } catch (InputException e) {
            String field = e.field();
            if (field != null && field.startsWith("--")) field = field.substring(2);
            throw new BadRequest(400, new Problem(e.getMessage(), field, Math.max(0, e.line())));
        } catch (IllegalArgumentException e) {
            // The command line's bad input too (exit 2), with its message as it stands.
            throw new BadRequest(400, Problem.of(e.getMessage() == null ? "invalid uncertainty file" : e.getMessage()));
        }
    }
}
