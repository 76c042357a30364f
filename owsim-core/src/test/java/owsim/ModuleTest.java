package owsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiled module descriptor of owsim-core: which packages a library user sees, which stay
 * inside, which Jackson may reflect on, and that mechanism internals are not public. Read from the
 * built {@code module-info.class}, so it holds whether the tests run on the class path or the
 * module path.
 */
class ModuleTest {
    /** The library's API: what the README, docs/EXTENDING.md and the other modules build on. */
    private static final Set<String> EXPORTED = Set.of(
        "owsim.calibration", "owsim.catalog", "owsim.claims", "owsim.claims.uncertainty",
        "owsim.experiment", "owsim.experiment.analysis", "owsim.experiment.design",
        "owsim.experiment.discovery", "owsim.experiment.store", "owsim.io", "owsim.market",
        "owsim.market.agent", "owsim.market.aggregate", "owsim.market.engines", "owsim.policy",
        "owsim.progress", "owsim.random", "owsim.report", "owsim.report.chart", "owsim.scenario", "owsim.serving",
        "owsim.strategy", "owsim.strategy.games");
    /** Implementation packages: public types there serve other owsim packages, not users. */
    private static final Set<String> INTERNAL = Set.of("owsim.market.network", "owsim.format");

    private static ModuleDescriptor module;

    @BeforeAll static void read() throws IOException {
        Path classes = Path.of("target", "classes");
        Set<String> packages;
        try (Stream<Path> files = Files.walk(classes)) {
            packages = files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                .map(f -> classes.relativize(f.getParent()).toString().replace(f.getFileSystem().getSeparator(), "."))
                .collect(Collectors.toSet());
        }
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            // javac records no package list in the descriptor (a jar tool does): the class files give it.
            module = ModuleDescriptor.read(in, () -> packages);
        }
    }

    @Test void theModuleIsOwsimCore() {
        assertThat(module.name()).isEqualTo("owsim.core");
        assertThat(module.isAutomatic()).isFalse();
        assertThat(module.isOpen()).isFalse();
    }

    @Test void itExportsExactlyTheApiPackagesToEveryone() {
        assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse());
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(exported).containsExactlyInAnyOrderElementsOf(EXPORTED);
    }

    @Test void internalPackagesAreInTheModuleButNotExported() {
        assertThat(module.packages()).containsAll(INTERNAL);
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(exported).doesNotContainAnyElementsOf(INTERNAL);
        Set<String> hidden = new TreeSet<>(module.packages());
        hidden.removeAll(exported);
        assertThat(hidden).as("every package is either exported or named internal here")
            .containsExactlyInAnyOrderElementsOf(INTERNAL);
    }

    @Test void onlyJacksonsDataBindingMayReflectAndOnlyOnExportedPackages() {
        assertThat(module.opens()).isNotEmpty().allSatisfy(o -> {
            assertThat(o.targets()).containsExactly("com.fasterxml.jackson.databind");
            assertThat(EXPORTED).contains(o.source());
        });
        assertThat(module.opens()).extracting(ModuleDescriptor.Opens::source).contains("owsim.scenario", "owsim.catalog");
    }

    @Test void itRequiresItsLibrariesByTheirModuleNames() {
        Set<String> required = module.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertThat(required).contains("java.sql", "com.fasterxml.jackson.databind", "com.fasterxml.jackson.dataformat.yaml",
            "duckdb.jdbc", "commons.math3");
    }

    @Test void mechanismsAndImplementationTypesAreNotPublic() throws ClassNotFoundException {
        for (String name : new String[] {"owsim.market.Attention", "owsim.market.Choice", "owsim.market.Finance",
                "owsim.market.World", "owsim.market.MarketState", "owsim.market.Metrics", "owsim.market.Metric",
                "owsim.market.MonthlySteps", "owsim.market.Mechanism", "owsim.market.Runs", "owsim.market.ServingPrices",
                "owsim.market.HostTable", "owsim.market.SegmentTable", "owsim.market.ServingCosts",
                "owsim.market.agent.Population", "owsim.catalog.CatalogCodec", "owsim.report.HtmlReport",
                "owsim.report.SummaryJson", "owsim.report.TimeseriesCsv", "owsim.report.RegionFigures"}) {
            assertThat(Modifier.isPublic(Class.forName(name).getModifiers())).as(name).isFalse();
        }
        assertThat(Modifier.isPublic(owsim.market.Engine.class.getModifiers())).isTrue();
    }

    /**
     * The public types of {@code owsim.market}, the package of the mechanisms: what an engine runs
     * and yields, what a run records, and the one run handle an engine in another package steps.
     * A type added here is API: the world, the state and the mechanisms stay package-private.
     */
    @Test void theMarketPackageMakesPublicOnlyItsApi() throws IOException {
        Set<String> publicTypes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("target", "classes", "owsim", "market"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.contains("$") || file.equals("package-info.class")) continue;
                String name = "owsim.market." + file.substring(0, file.length() - ".class".length());
                try {
                    if (Modifier.isPublic(Class.forName(name, false, ModuleTest.class.getClassLoader()).getModifiers())) publicTypes.add(name.substring("owsim.market.".length()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name, e);
                }
            }
        }
        assertThat(publicTypes).containsExactlyInAnyOrder("Engine", "EngineKind", "IndividualMarket", "LabSummary",
            "MarketRun", "MarketSummary", "MetricNames", "RunCaches", "RunResult", "Series");
    }
}
