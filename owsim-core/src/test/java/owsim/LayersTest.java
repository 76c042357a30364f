package owsim;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Arrays;
import java.util.List;

/**
 * The core's packages form layers, each using only those below it, so a package can be read,
 * tested and changed knowing only what lies beneath (the command line, in owsim-cli, sits on top
 * of them all). Lowest first:
 * <ol>
 *   <li>io: strict YAML, checks and input errors;</li>
 *   <li>progress, format (numbers written for people), random (seeds, the one mixer,
 *   distributions);</li>
 *   <li>catalog, serving;</li>
 *   <li>policy (release policies, which a scenario names), scenario;</li>
 *   <li>market (with its aggregate and agent engines and networks), experiment, calibration (fits on the
 *   experiment machinery), strategy;</li>
 *   <li>claims, report.</li>
 * </ol>
 */
@AnalyzeClasses(packages = "owsim", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {
    /** Lowest first; each layer is a package and everything under it. */
    static final List<String> LAYERS = List.of(
        "io", "progress", "format", "random", "catalog", "serving", "policy", "scenario",
        "market", "experiment", "calibration", "strategy", "claims", "report");

    @ArchTest
    static final ArchRule eachLayerUsesOnlyTheLayersBelowIt = layers();

    /** Within a layer too: no two packages (such as market and market.agent) need each other. */
    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("owsim.(**)").should().beFreeOfCycles();

    static ArchRule layers() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) arch = arch.layer(layer).definedBy("owsim." + layer + "..");
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] below = LAYERS.subList(0, i).toArray(String[]::new);
            arch = below.length == 0
                ? arch.whereLayer(LAYERS.get(i)).mayNotAccessAnyLayer()
                : arch.whereLayer(LAYERS.get(i)).mayOnlyAccessLayers(below);
        }
        return arch.because("a layer uses only those below it: " + Arrays.toString(LAYERS.toArray()));
    }
}
