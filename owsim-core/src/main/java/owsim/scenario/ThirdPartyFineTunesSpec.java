package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who serves the value of a lab's derivatives (mechanism {@code thirdPartyFineTunes}): fine-tunes,
 * quantisations and copies of a lab's open weights are served by third-party hosts or run by their
 * users, not by the lab's own API, so the ecosystem term theta ln(1 + D) attaches in full to the
 * hosted and self-hosted options of the lab's open models and only a share of it to the lab's own
 * options (its API, plans and free tier). Read only when the switch is on; left out, every option
 * of the lab gets the whole term, as before.
 *
 * @param ownApiShare the share of the term the lab's own options get, for a lab not listed in
 *     {@code labs} (0..1; 1 is the world before the mechanism, 0 gives all of it to third parties)
 * @param labs a lab's own share where it differs from {@code ownApiShare}, by lab id (each 0..1)
 */
public record ThirdPartyFineTunesSpec(Double ownApiShare, Map<String, Double> labs) {
    public ThirdPartyFineTunesSpec {
        required("ownApiShare", ownApiShare);
        range("ownApiShare", ownApiShare, 0, 1);
        labs = labs == null ? Map.of() : nonNullValues("labs", labs);
        for (Map.Entry<String, Double> e : labs.entrySet()) range("labs", e.getKey(), e.getValue(), 0, 1);
        labs = Collections.unmodifiableMap(new LinkedHashMap<>(labs));
    }

    /** The share of the ecosystem term a lab's own options get. */
    public double ownShare(String labId) {
        Double s = labs.get(labId);
        return s == null ? ownApiShare : s;
    }

    /** This section for a scenario with these labs: the entries of the labs that are gone are dropped. */
    public ThirdPartyFineTunesSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(labs.keySet())) return this;
        return new ThirdPartyFineTunesSpec(ownApiShare, LabKeys.only(labs, labIds));
    }
}
