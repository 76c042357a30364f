package owsim.catalog;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import owsim.io.InputException;
import owsim.io.StrictYaml;
import owsim.io.Suggest;

/**
 * Models and accelerators by id: the bundled catalog, optionally extended or overridden by a
 * user's file. Immutable; {@link #with(CatalogFile)} returns a new catalog.
 */
public final class Catalog {
    static final String BUNDLED_MODELS = "/owsim/catalog/models.yaml";
    static final String BUNDLED_ACCELERATORS = "/owsim/catalog/accelerators.yaml";
    /** The two YAML files above in {@link CatalogCodec}'s form, written by the build ({@link CompileBundledCatalog}). */
    static final String COMPILED = "/owsim/catalog/bundled.catalog";

    private final Map<String, ModelSpec> models;
    private final Map<String, AcceleratorSpec> accelerators;

    private static final Catalog EMPTY = new Catalog(Map.of(), Map.of());

    private Catalog(Map<String, ModelSpec> models, Map<String, AcceleratorSpec> accelerators) {
        this.models = Collections.unmodifiableMap(models);
        this.accelerators = Collections.unmodifiableMap(accelerators);
    }

    /**
     * The catalog shipped with owsim, read once per process (it is immutable; the web app asks for
     * it on every request): its compiled form when the build wrote one (a few milliseconds), else
     * its YAML (classes compiled without the build step, as in an IDE).
     */
    public static Catalog bundled() {
        return Bundled.CATALOG;
    }

    /** Made on first use, so commands that never look at the catalog do not read it. */
    private static final class Bundled {
        static final Catalog CATALOG = read();
    }

    private static Catalog read() {
        CatalogFile compiled = readCompiled();
        return EMPTY.with(compiled != null ? compiled : bundledFromYaml());
    }

    /** The bundled catalog's YAML files read as one file, models first, as owsim reads users' files. */
    static CatalogFile bundledFromYaml() {
        StrictYaml yaml = new StrictYaml();
        CatalogFile m = yaml.readResource(BUNDLED_MODELS, CatalogFile.class);
        CatalogFile a = yaml.readResource(BUNDLED_ACCELERATORS, CatalogFile.class);
        return new CatalogFile(concat(m.models(), a.models()), concat(m.accelerators(), a.accelerators()));
    }

    /** The compiled bundled catalog, or null when the build did not write one. */
    static CatalogFile readCompiled() {
        try (InputStream in = Catalog.class.getResourceAsStream(COMPILED)) {
            if (in == null) return null;
            return CatalogCodec.read(new DataInputStream(new BufferedInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled catalog " + COMPILED + " (rebuild owsim)", e);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The bundled catalog plus a user's file; entries with an existing id replace it. */
    public static Catalog bundledPlus(Path userFile) {
        Catalog base = bundled();
        return userFile == null ? base : base.with(new StrictYaml().read(userFile, CatalogFile.class));
    }

    public Catalog with(CatalogFile file) {
        Map<String, ModelSpec> m = new LinkedHashMap<>(models);
        Map<String, AcceleratorSpec> a = new LinkedHashMap<>(accelerators);
        file.models().forEach(x -> m.put(x.id(), x));
        file.accelerators().forEach(x -> a.put(x.id(), x));
        return new Catalog(m, a);
    }

    public Collection<ModelSpec> models() { return models.values(); }

    public Collection<AcceleratorSpec> accelerators() { return accelerators.values(); }

    /** The model with this id, or an error that lists the closest ids. */
    public ModelSpec model(String id) {
        ModelSpec m = models.get(id);
        if (m == null) throw unknown("model", id, models.keySet());
        return m;
    }

    /** The accelerator with this id, or an error that lists the closest ids. */
    public AcceleratorSpec accelerator(String id) {
        AcceleratorSpec a = accelerators.get(id);
        if (a == null) throw unknown("hardware", id, accelerators.keySet());
        return a;
    }

    private static InputException unknown(String what, String id, Collection<String> known) {
        return InputException.ofField(what, "unknown " + what + " '" + id + "'; closest: "
            + String.join(", ", Suggest.closest(id, known, 4)) + " (see 'owsim catalog list')");
    }
}
