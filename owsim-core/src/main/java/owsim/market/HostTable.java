package owsim.market;

import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.scenario.Scenario;

/**
 * The third-party hosts of a run as the monthly steps read them: the accelerator each serves on and
 * what a user pays per dollar of its serving cost. Filled once when the {@link World} is built and
 * never written after; per-host arrays indexed by the host's position in the scenario, read as
 * fields in the offer loops.
 */
final class HostTable {
    /** How many hosts. */
    final int count;
    /** Per host: the accelerator it serves on. */
    final AcceleratorSpec[] hardware;
    /** Per host: 1 + its markup, what a user pays per dollar of the host's serving cost. */
    final double[] payFactor;

    /** The hosts of a scenario, their hardware looked up in the catalog. */
    HostTable(Scenario s, Catalog catalog) {
        count = s.hosts().size();
        // Loops stay in methods of their own, as in World: a constructor with loops was compiled
        // again and again on stack replacement while a sweep warmed up.
        hardware = World.lookUp(s.hosts(), h -> catalog.accelerator(h.hardware()), new AcceleratorSpec[count]);
        payFactor = World.each(s.hosts(), h -> 1 + h.markup());
    }
}
