package owsim.scenario;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sections keyed by lab id, for a scenario that keeps only some of its labs ({@link Scenario#withLabs}). */
final class LabKeys {
    private LabKeys() {}

    /** The entries of {@code byLab} whose lab is in {@code labIds}, in their order. */
    static <V> Map<String, V> only(Map<String, V> byLab, Collection<String> labIds) {
        Map<String, V> kept = new LinkedHashMap<>(byLab);
        kept.keySet().retainAll(labIds);
        return kept;
    }
}
