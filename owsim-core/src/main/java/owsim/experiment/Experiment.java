package owsim.experiment;

import java.util.List;
import owsim.experiment.design.Design;
import owsim.experiment.design.MorrisDesign;
import owsim.experiment.design.MorrisSample;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SaltelliSample;
import owsim.experiment.design.SampleMatrix;
import owsim.experiment.design.SobolDesign;
import owsim.scenario.Scenario;

/**
 * A checked experiment, ready to run: the spec, its base scenario, parameters and design objects.
 *
 * @param source the file name, for messages
 * @param yamlText the experiment file's text (stored with the results, so analysis can rebuild the design)
 * @param fileHash SHA-256 of the experiment file (and of its csv sample file, if any): a results
 *     store accepts more runs only from the same experiment
 * @param base the base scenario (months already overridden when the spec says so)
 * @param baseHash SHA-256 of the base scenario's text
 */
public record Experiment(String source, String yamlText, String fileHash, ExperimentSpec spec, Scenario base, String baseHash,
                         List<Parameter> parameters, Design design, List<OutputMetric> metrics) {
    public Experiment {
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
    }

    public String name() { return spec.name(); }

    public int replications() { return spec.replications(); }

    public long rootSeed() { return spec.rootSeed(); }

    public List<String> paths() { return parameters.stream().map(Parameter::path).toList(); }

    /** The design's points (one row per design point; each is run {@link #replications()} times). */
    public SampleMatrix sample() {
        if (design instanceof SobolDesign s) return s.saltelli(parameters).matrix();
        if (design instanceof MorrisDesign m) return m.trajectories(parameters, rootSeed()).matrix();
        return design.sample(parameters, rootSeed());
    }

    /** The Saltelli structure when the design is sobol, else null. */
    public SaltelliSample saltelli() {
        return design instanceof SobolDesign s ? s.saltelli(parameters) : null;
    }

    /** The Morris trajectories when the design is morris, else null. */
    public MorrisSample morris() {
        return design instanceof MorrisDesign m ? m.trajectories(parameters, rootSeed()) : null;
    }
}
