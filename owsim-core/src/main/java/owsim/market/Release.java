package owsim.market;

import owsim.catalog.ModelSpec;
import owsim.policy.ReleaseView;

/**
 * One model a lab has released: its real architecture, capability and when its weights opened.
 * Only {@code openSince} changes, once, when the lab's policy opens the weights.
 */
final class Release {
    /** Value of {@link #openSince} for weights that are not open. */
    public static final int CLOSED = Integer.MAX_VALUE;

    final int lab;
    final int month;
    final ModelSpec model;
    final double capability;
    final double totalParams;
    final double activeParams;
    final double labLnA;
    final boolean frontier;
    final double trainingUsd;
    int openSince = CLOSED;
    /**
     * The policy its lab had in force when it was released (its scenario {@code policy} unless {@code releaseDecisions}
     * changed it): it opens when this policy or the one in force opens it.
     */
    owsim.policy.ReleasePolicy policy;
    /** Memoised serving answers for this model: own fleet at the chat, API and batch speed floors, each host, each card size, each data-centre segment. */
    ServingPrices.FleetPrice ownFleet;
    ServingPrices.FleetPrice ownApiFleet;
    ServingPrices.FleetPrice ownBatchFleet;
    ServingPrices.FleetPrice[] hostFleet;
    ServingPrices.CardPrice[] cardPrice;
    ServingPrices.FleetPrice[] datacenter;
    /** The instance of its model's architecture that serving prices are memoised under; set on first use. */
    ModelSpec architecture;
    /** The accelerator its lab serves it on (export controls may rule out the lab's fleet hardware); set on first use. */
    owsim.catalog.AcceleratorSpec hardware;
    /** Whether {@link #hardware} is not the lab's fleet hardware (export controls forbade that); set with it. */
    boolean restrictedHardware;

    Release(int lab, int month, ModelSpec model, double capability, double totalParams, double activeParams,
            double labLnA, boolean frontier, double trainingUsd) {
        this.lab = lab;
        this.month = month;
        this.model = model;
        this.capability = capability;
        this.totalParams = totalParams;
        this.activeParams = activeParams;
        this.labLnA = labLnA;
        this.frontier = frontier;
        this.trainingUsd = trainingUsd;
    }

    public boolean isOpen() { return openSince != CLOSED; }

    public int lab() { return lab; }

    public int month() { return month; }

    public ModelSpec model() { return model; }

    public double capability() { return capability; }

    public boolean frontier() { return frontier; }

    public int openSince() { return openSince; }

    ReleaseView view() { return new ReleaseView(month, totalParams, activeParams, capability, frontier); }
}
