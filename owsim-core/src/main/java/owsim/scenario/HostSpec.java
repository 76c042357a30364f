package owsim.scenario;

import static owsim.io.Check.identifier;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

/**
 * A third-party host that serves open models at serving cost plus a markup.
 *
 * @param markup price = serving cost x (1 + markup)
 * @param hardware catalog accelerator it serves on (rented)
 * @param brandUtility trust/reliability utility of this host (utils)
 */
public record HostSpec(String id, String description, double markup, String hardware, double brandUtility) {
    public HostSpec {
        identifier("id", id);
        if (description == null) description = "";
        range("markup", markup, 0, 100);
        required("hardware", hardware);
        range("brandUtility", brandUtility, -50, 50);
    }
}
