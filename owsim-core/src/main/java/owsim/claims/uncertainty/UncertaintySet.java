package owsim.claims.uncertainty;

import java.nio.file.Path;
import java.util.List;
import owsim.experiment.DesignSpec;
import owsim.experiment.Experiment;
import owsim.experiment.ExperimentSpec;
import owsim.experiment.Experiments;
import owsim.experiment.design.SaltelliSample;
import owsim.experiment.design.SampleMatrix;
import owsim.io.InputException;
import owsim.io.InputFiles;
import owsim.io.StrictYaml;

/**
 * The uncertain worlds: an experiment-style file (base scenario, root seed, a latin-hypercube or
 * Sobol design, the uncertain parameters as scenario paths with distributions) read by the
 * experiment package, with the number of worlds optionally set from the command line.
 *
 * @param experiment the checked experiment; its file hash covers the file's text, the number of worlds and the claims
 * @param worlds sampled worlds (design points)
 */
public record UncertaintySet(Experiment experiment, int worlds) {
    /** The designs that sample worlds. */
    public static final List<String> DESIGNS = List.of("latin-hypercube", "sobol");

    /** Reads the file; {@code worlds}, when not null, replaces the design's size. */
    public static UncertaintySet load(Path file, Integer worlds, List<String> claimIds) {
        return parse(file.toString(), InputFiles.read(file), file.toAbsolutePath().getParent(), worlds, claimIds);
    }

    /**
     * Reads the file around the base scenario {@code baseText} (named {@code baseSource} in
     * messages; the command's SCENARIO argument) in place of the file's {@code base:}, which is
     * then not read: every parameter path and range is checked against that scenario, so a file
     * may sample fields only it has (a file for {@code scenarios/four-labs-2025.yaml}, which sits
     * outside the experiment file's folder). {@code baseText} null: the file's own base.
     */
    public static UncertaintySet load(Path file, String baseSource, String baseText, Integer worlds, List<String> claimIds) {
        return parse(file.toString(), InputFiles.read(file), file.toAbsolutePath().getParent(), baseSource, baseText, worlds, claimIds);
    }

    /** Parses the file's text; {@code dir} resolves a base scenario file. */
    public static UncertaintySet parse(String source, String text, Path dir, Integer worlds, List<String> claimIds) {
        return parse(source, text, dir, null, null, worlds, claimIds);
    }

    /** As {@link #parse(String, String, Path, Integer, List)}, around {@code baseText} when it is not null (see {@link #load(Path, String, String, Integer, List)}). */
    public static UncertaintySet parse(String source, String text, Path dir, String baseSource, String baseText, Integer worlds, List<String> claimIds) {
        Experiment e = Experiments.parse(source, text, dir, baseSource, baseText);
        ExperimentSpec spec = e.spec();
        if (!spec.engine().equals("aggregate")) throw located(source, text, "engine", "the engine is chosen on the command line"
            + " (--engine agent --users N --replications R); remove 'engine' or write 'aggregate'");
        if (spec.replications() != 1) throw located(source, text, "replications", "replications are chosen on the command line"
            + " (--engine agent --replications R; the aggregate engine is deterministic, so a world needs one run there); remove 'replications'");
        if (!spec.metrics().isEmpty()) throw located(source, text, "metrics", "not used here: the claims' verdicts and margins are the outputs");
        String kind = spec.design().kind();
        if (!DESIGNS.contains(kind)) {
            throw located(source, text, "design.kind", "'" + kind + "' does not sample worlds; allowed: " + String.join(", ", DESIGNS));
        }
        int k = e.parameters().size();
        DesignSpec design = spec.design();
        if (worlds != null) {
            if (worlds < 1) throw InputException.ofField("--worlds", "must be at least 1, was " + worlds);
            if (kind.equals("sobol")) {
                if (worlds % (k + 2) != 0) {
                    throw InputException.ofField("--worlds", "a Sobol design makes N (k + 2) worlds, here a multiple of " + (k + 2) + " (" + k
                        + " parameters); " + worlds + " is not (nearest: " + Math.max(k + 2, Math.round((double) worlds / (k + 2)) * (k + 2)) + ")");
                }
                design = new DesignSpec("sobol", null, null, null, null, worlds / (k + 2), null, null, null, null, null);
            } else {
                design = new DesignSpec("latin-hypercube", null, null, worlds, design.centred(), null, null, null, null, null, null);
            }
        }
        ExperimentSpec sized = new ExperimentSpec(spec.name(), spec.description(), spec.base(), spec.engine(), spec.users(), spec.replications(),
            spec.rootSeed(), spec.months(), design, spec.parameters(), spec.metrics(), spec.shares());
        int n = (int) design.toDesign(dir).runCount(e.parameters());
        String hash = Experiments.sha256(text + "\n--worlds " + n + "\n--claims " + String.join(",", claimIds));
        Experiment withWorlds = new Experiment(e.source(), e.yamlText(), hash, sized, e.base(), e.baseHash(), e.parameters(),
            design.toDesign(dir), e.metrics());
        return new UncertaintySet(withWorlds, n);
    }

    /**
     * The same worlds around another base scenario (the command's SCENARIO argument): every
     * parameter path is checked against it, and its text's hash replaces the file's base in the
     * store's resume check.
     */
    public UncertaintySet withBase(owsim.scenario.Scenario base, String baseText) {
        owsim.scenario.ScenarioOverrides overrides = new owsim.scenario.ScenarioOverrides();
        for (String p : paths()) overrides.check(base, p);
        owsim.scenario.Scenario b = experiment.spec().months() != null ? base.withMonths(experiment.spec().months()) : base;
        Experiment e = experiment;
        return new UncertaintySet(new Experiment(e.source(), e.yamlText(), e.fileHash(), e.spec(), b, Experiments.sha256(baseText), e.parameters(),
            e.design(), e.metrics()), worlds);
    }

    /** The sampled worlds, one row each. */
    public SampleMatrix sample() { return experiment.sample(); }

    /** The Saltelli structure on a Sobol design, else null. */
    public SaltelliSample saltelli() { return experiment.saltelli(); }

    public List<String> paths() { return experiment.paths(); }

    private static InputException located(String source, String text, String field, String message) {
        return StrictYaml.atFieldLine(text, new InputException(source, 0, 0, field, message));
    }
}
