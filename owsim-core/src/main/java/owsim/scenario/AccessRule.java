package owsim.scenario;

import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.required;

import java.util.List;

/**
 * A lab's own services (subscription, free tier, API) are not offered in some regions: their users
 * can neither adopt nor learn of them. The lab's open weights stay usable there (self-hosted or
 * through third-party hosts), and once it has open weights its name can spread there as well.
 *
 * @param lab the lab's id
 * @param unavailableIn ids of the regions where its services are not offered
 * @param description why (the decision or regulation, with its date)
 */
public record AccessRule(String lab, List<String> unavailableIn, String description) {
    public AccessRule {
        required("lab", lab);
        if (unavailableIn == null || unavailableIn.isEmpty()) throw new IllegalArgumentException("unavailableIn: at least one region id");
        unavailableIn = nonNullElements("unavailableIn", unavailableIn);
        if (description == null) description = "";
    }
}
