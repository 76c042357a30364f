package owsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;
import owsim.serving.KvFormat;
import owsim.serving.ServeRequest;
import owsim.serving.ServeResult;
import owsim.serving.ServingEngine;

/**
 * The whole serving sweep the market simulator may ask for, the catalog cross-product: every catalog model on every
 * accelerator at every weight format (four) and ten batch sizes (planner picks the GPU count). One
 * operation is the full sweep, on the long-lived engine and on a new one; the target is under 1 s. Also one
 * max-throughput evaluation of
 * DeepSeek-V3 on H800 with the full layout search (every layout from the fewest devices to expert
 * degree 320), in microseconds; the target is under 10 us. The same on H100 (its own search, in auto
 * mode: aggregated against disaggregated pools), and once on a new engine per call, whose caches
 * are empty (what a one-off command line answer pays; the others measure a long-lived engine, as
 * the web app and the market simulator hold one).
 *
 * <pre>
 * mvn -B -q -pl owsim-bench -am package -DskipTests
 * java -jar owsim-bench/target/benchmarks.jar ServingSweepBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ServingSweepBenchmark {
    private static final int[] BATCHES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    private ServingEngine engine;
    private List<ModelSpec> models;
    private List<AcceleratorSpec> accelerators;
    private ServeRequest deepSeekOnH800;
    private ServeRequest deepSeekOnH100;

    @Setup public void setUp() {
        Catalog catalog = Catalog.bundled();
        engine = new ServingEngine();
        models = List.copyOf(catalog.models());
        accelerators = List.copyOf(catalog.accelerators());
        deepSeekOnH800 = ServeRequest.of(catalog.model("deepseek-v3"), catalog.accelerator("h800"));
        deepSeekOnH100 = ServeRequest.of(catalog.model("deepseek-v3"), catalog.accelerator("h100-sxm"));
    }

    @Benchmark @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ServeResult oneEvaluationWithLayoutSearch() {
        return engine.evaluate(deepSeekOnH800);
    }

    @Benchmark @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ServeResult oneEvaluationWithLayoutSearchH100() {
        return engine.evaluate(deepSeekOnH100);
    }

    @Benchmark @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ServeResult oneEvaluationOnANewEngine() {
        return new ServingEngine().evaluate(deepSeekOnH800);
    }

    @Benchmark public void everyModelEveryAcceleratorFourFormatsTenBatches(Blackhole bh) {
        sweep(engine, bh);
    }

    /**
     * The same catalog cross-product on a new engine per operation, whose caches start empty: every answer searches its
     * layouts (the fewest devices that hold the batch, and its layouts); what a one-off sweep pays.
     */
    @Benchmark public void everyModelEveryAcceleratorFourFormatsTenBatchesOnANewEngine(Blackhole bh) {
        sweep(new ServingEngine(), bh);
    }

    private void sweep(ServingEngine engine, Blackhole bh) {
        for (ModelSpec m : models) {
            for (AcceleratorSpec hw : accelerators) {
                for (WeightFormat w : WeightFormat.values()) {
                    ServeRequest base = ServeRequest.of(m, hw).withFormats(w, KvFormat.BF16);
                    for (int b : BATCHES) bh.consume(engine.evaluate(base.withBatch(b)));
                }
            }
        }
    }
}
