package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lab's cloud business earning from others serving its open weights (mechanism
 * {@code cloudHosting}): of what the third-party hosts spend on serving the lab's open models (their
 * serving cost, the compute they rent), a share runs on the lab's own cloud, and the cloud keeps its
 * gross margin on it. Read only when the switch is on; a lab not listed has no cloud.
 *
 * @param labs the labs with a cloud, by lab id
 */
public record CloudHostingSpec(Map<String, Lab> labs) {
    public CloudHostingSpec {
        labs = labs == null ? Map.of() : nonNullValues("labs", labs);
        labs = Collections.unmodifiableMap(new LinkedHashMap<>(labs));
    }

    /**
     * One lab's cloud.
     *
     * @param hostShare the share of third-party hosting of the lab's weights that runs on its cloud (0..1)
     * @param grossMargin the cloud's gross margin on that compute, a share of what the hosts pay it (0..1)
     */
    public record Lab(double hostShare, double grossMargin) {
        public Lab {
            range("hostShare", hostShare, 0, 1);
            range("grossMargin", grossMargin, 0, 1);
        }

        /** What the lab earns per dollar the hosts spend serving its weights. */
        public double usdPerHostUsd() {
            return hostShare * grossMargin;
        }
    }

    /** This section for a scenario with these labs: the labs that are gone earn nothing. */
    public CloudHostingSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(labs.keySet())) return this;
        Map<String, Lab> kept = LabKeys.only(labs, labIds);
        return new CloudHostingSpec(kept);
    }
}
