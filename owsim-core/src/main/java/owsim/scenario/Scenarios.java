package owsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.io.InputFiles;
import owsim.io.StrictYaml;

/** The only place scenario files are read: strict YAML into a validated {@link Scenario}. */
public final class Scenarios {
    /** Resource path of the embedded, commented default scenario. */
    public static final String DEFAULT_RESOURCE = "/owsim/scenario/default.yaml";

    private Scenarios() {}

    /** Reads and validates a scenario file. */
    public static Scenario load(Path file) {
        String text = InputFiles.read(file);
        return parse(file.toString(), text);
    }

    /** Reads a scenario file and checks its catalog references; every error names the file and line. */
    public static Scenario load(Path file, Catalog catalog) {
        String text = InputFiles.read(file);
        Scenario s = parse(file.toString(), text);
        try {
            checkCatalog(s, catalog);
        } catch (InputException e) {
            throw StrictYaml.atFieldLine(text, new InputException(file.toString(), 0, 0, e.field(), messageAfterField(e)));
        }
        return s;
    }

    /** Parses scenario YAML given as text; {@code sourceName} names it in errors. */
    public static Scenario parse(String sourceName, String yamlText) {
        return new StrictYaml().requireNumbers().read(sourceName, yamlText, Scenario.class);
    }

    /** The embedded default world (January 2025, 60 months). */
    public static Scenario defaultScenario() {
        return parse("(bundled) " + DEFAULT_RESOURCE, defaultYaml());
    }

    /** The embedded default scenario as commented YAML. */
    public static String defaultYaml() {
        try (InputStream in = Scenarios.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + DEFAULT_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled resource " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Checks the scenario's catalog references (template models, fleet and host hardware, data-centre
     * hardware) against a catalog; errors name the field path and the closest ids.
     */
    public static void checkCatalog(Scenario s, Catalog catalog) {
        for (int i = 0; i < s.labs().size(); i++) {
            LabSpec l = s.labs().get(i);
            ref("labs", i, "templateModel", () -> catalog.model(l.templateModel()));
            ref("labs", i, "fleetHardware", () -> catalog.accelerator(l.fleetHardware()));
            for (String hw : l.hardwareOptions()) ref("labs", i, "hardwareOptions", () -> catalog.accelerator(hw));
        }
        for (int i = 0; i < s.exportControls().size(); i++) {
            for (String hw : s.exportControls().get(i).accelerators()) ref("exportControls", i, "accelerators", () -> catalog.accelerator(hw));
        }
        for (int i = 0; i < s.hosts().size(); i++) {
            HostSpec h = s.hosts().get(i);
            ref("hosts", i, "hardware", () -> catalog.accelerator(h.hardware()));
        }
        for (int i = 0; i < s.segments().size(); i++) {
            SegmentSpec g = s.segments().get(i);
            if (g.cardHardware() != null) ref("segments", i, "cardHardware", () -> catalog.accelerator(g.cardHardware()));
            if (g.datacenterHardware() != null) ref("segments", i, "datacenterHardware", () -> catalog.accelerator(g.datacenterHardware()));
        }
    }

    /** Runs a lookup; a failure names the field list[index].name (made only then: every run of an experiment passes here). */
    private static void ref(String list, int index, String name, Runnable lookup) {
        try {
            lookup.run();
        } catch (InputException e) {
            throw new InputException(null, 0, 0, list + "[" + index + "]." + name, messageAfterField(e));
        }
    }

    private static String messageAfterField(InputException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon > 0 ? m.substring(colon + 2) : m;
    }
}
