package owsim.catalog;

import static owsim.io.Check.positiveAtMost;
import static owsim.io.Check.range;

/**
 * Parameter counts as the developer published them, used to check the architecture. Vendors
 * count embeddings differently in the active figure, so {@code activeIncludes} says which
 * embedding matrices their active count includes: {@code both}, {@code unembedding} or {@code none}.
 */
public record PublishedCounts(double totalParams, double activeParams, String activeIncludes) {
    public PublishedCounts {
        positiveAtMost("totalParams", totalParams, 1e16);
        range("activeParams", activeParams, 0, 1e16);
        if (activeIncludes == null) activeIncludes = "both";
        if (!activeIncludes.equals("both") && !activeIncludes.equals("unembedding") && !activeIncludes.equals("none")) {
            throw new IllegalArgumentException("activeIncludes: must be both, unembedding or none, was " + activeIncludes);
        }
    }
}
