package owsim.claims.uncertainty;

import java.util.List;
import owsim.experiment.analysis.Interval;
import owsim.experiment.discovery.CartTree;
import owsim.experiment.discovery.PrimBox;
import owsim.experiment.discovery.PrimRestriction;
import owsim.experiment.discovery.TippingSurface;

/**
 * What the sampled worlds say about one claim.
 *
 * @param claim the claim's letter
 * @param worlds worlds in which it was evaluated
 * @param holding worlds in which it holds
 * @param share holding / worlds
 * @param interval Wilson 95 % interval of the share
 * @param marginUnit unit of the margin
 * @param marginQuantiles the margin's 5th, 25th, 50th, 75th and 95th percentiles over the worlds with one (NaN when none has)
 * @param defaultHolds whether it holds in the base world (null when not recorded)
 * @param peeledBox the PRIM box as peeling and pasting left it, before pruning (null when it holds in all or none)
 * @param box the pruned PRIM box: only the restrictions that raise its density materially (null when it holds in all or none)
 * @param restrictions the pruned box's restrictions with their density gain and quasi-p value (empty when none)
 * @param conditions the pruned box as text ("everywhere", "nowhere" or limits joined by "and")
 * @param tree the CART tree over the parameters (null when it holds in all or none)
 * @param deciding the parameters that decide it, most deciding first
 * @param decidingMeasure what {@code deciding}'s values are ("SRRC" or "Sobol ST")
 * @param rSquared the rank regression's R² (NaN with Sobol indices)
 * @param surfacePaths the two parameters of the tipping surface (empty when none)
 * @param surface the holds-share grid over them (null when none)
 * @param flip a sampled world where the verdict differs from the base world's (null when none)
 * @param replications runs of each world (1 with the aggregate engine); with more, a world holds when
 *     more than half of its replications hold (a tie does not), its margin is their mean, and
 *     {@code holding}, {@code share}, the box, tree, deciding parameters, surface and flip world are
 *     those of these per-world outcomes
 * @param runShare the mean over worlds of the share of a world's replications where the claim holds
 *     (equal to {@code share} with one replication)
 * @param agreement the mean over worlds of the within-world agreement: the share of pairs of a
 *     world's replications that give the same outcome (1: agent noise never changes the verdict;
 *     NaN with one replication)
 * @param agreedShare the share of worlds whose replications all give the same outcome (equal to
 *     {@code agreement} with two replications; NaN with one)
 */
public record ClaimUncertainty(String claim, int worlds, int holding, double share, Interval interval, String marginUnit,
                               double[] marginQuantiles, Boolean defaultHolds, PrimBox peeledBox, PrimBox box,
                               List<PrimRestriction> restrictions, String conditions, CartTree tree,
                               List<Decider> deciding, String decidingMeasure, double rSquared, List<String> surfacePaths,
                               TippingSurface surface, FlipWorld flip, int replications, double runShare, double agreement,
                               double agreedShare) {
    public ClaimUncertainty {
        restrictions = List.copyOf(restrictions);
    }

    /** One parameter's weight in deciding the claim: a signed SRRC, or a Sobol total index. */
    public record Decider(String path, double value) {}

    /**
     * A world where the claim's verdict differs from the base world's.
     *
     * @param values the world's sampled values, in the parameters' order
     */
    public record FlipWorld(int world, long seed, List<String> paths, double[] values, String verdict, boolean holds, double margin) {}

    /** Percentiles of the margin that {@link #marginQuantiles} holds. */
    public static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
}
