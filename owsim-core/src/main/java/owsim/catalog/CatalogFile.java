package owsim.catalog;

import static owsim.io.Check.nonNullElements;

import java.util.List;

/** The shape of a catalog YAML file: models and accelerators, either list may be absent. */
public record CatalogFile(List<ModelSpec> models, List<AcceleratorSpec> accelerators) {
    public CatalogFile {
        models = models == null ? List.of() : nonNullElements("models", models);
        accelerators = accelerators == null ? List.of() : nonNullElements("accelerators", accelerators);
        // Sizes that pass one by one can still overflow 64 bits together: count each model once here, at load.
        for (int i = 0; i < models.size(); i++) {
            try {
                ParameterCount.of(models.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("models[" + i + "]." + e.getMessage(), e);
            }
        }
    }
}
