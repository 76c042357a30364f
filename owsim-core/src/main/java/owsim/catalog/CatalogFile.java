package owsim.catalog;

import java.util.List;

/** The shape of a catalog YAML file: models and accelerators, either list may be absent. */
public record CatalogFile(List<ModelSpec> models, List<AcceleratorSpec> accelerators) {
    public CatalogFile {
        models = models == null ? List.of() : List.copyOf(models);
        accelerators = accelerators == null ? List.of() : List.copyOf(accelerators);
    }
}
