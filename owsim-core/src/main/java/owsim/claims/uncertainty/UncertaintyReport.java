package owsim.claims.uncertainty;

import java.util.List;

/**
 * Every claim's analysis over the sampled worlds.
 *
 * @param name the uncertainty file's name
 * @param design latin-hypercube or sobol
 * @param worlds worlds in the design
 * @param parameters the uncertain parameters' paths
 * @param distributions each parameter's distribution, described
 * @param claims per claim, in the claims' order
 * @param notes what could not be analysed, and why
 * @param engine the engine the worlds ran on ("aggregate" or "agent")
 * @param users the agent engine's simulated users per run (0 with the aggregate engine)
 * @param replications runs of each world
 */
public record UncertaintyReport(String name, String design, int worlds, List<String> parameters, List<String> distributions,
                                List<ClaimUncertainty> claims, List<String> notes, String engine, int users, int replications) {
    /** A report on worlds run on the aggregate engine, once each. */
    public UncertaintyReport(String name, String design, int worlds, List<String> parameters, List<String> distributions,
                             List<ClaimUncertainty> claims, List<String> notes) {
        this(name, design, worlds, parameters, distributions, claims, notes, "aggregate", 0, 1);
    }

    public UncertaintyReport {
        parameters = List.copyOf(parameters);
        distributions = List.copyOf(distributions);
        claims = List.copyOf(claims);
        notes = List.copyOf(notes);
    }

    /** The claim's analysis, or null. */
    public ClaimUncertainty claim(String id) {
        for (ClaimUncertainty c : claims) if (c.claim().equals(id)) return c;
        return null;
    }
}
