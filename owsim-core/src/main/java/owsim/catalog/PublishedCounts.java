package owsim.catalog;

import static owsim.io.Check.nonNegative;
import static owsim.io.Check.positive;

/**
 * Parameter counts as the developer published them, used to check the architecture. Vendors
 * count embeddings differently in the active figure, so {@code activeIncludes} says which
 * embedding matrices their active count includes: {@code both}, {@code unembedding} or {@code none}.
 */
public record PublishedCounts(double totalParams, double activeParams, String activeIncludes) {
    public PublishedCounts {
        positive("totalParams", totalParams);
        nonNegative("activeParams", activeParams);
        if (activeIncludes == null) activeIncludes = "both";
        if (!activeIncludes.equals("both") && !activeIncludes.equals("unembedding") && !activeIncludes.equals("none")) {
            throw new IllegalArgumentException("activeIncludes: must be both, unembedding or none, was " + activeIncludes);
        }
    }
}
