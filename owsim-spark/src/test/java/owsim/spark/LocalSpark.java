package owsim.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests one local[2] Spark session for the whole test run (starting one costs seconds), kept
 * in JUnit's root store and stopped when the run ends. Loopback only, no web UI, few shuffle
 * partitions: the build machine is small and has no network.
 */
final class LocalSpark implements ParameterResolver {
    private record Session(SparkSession spark) implements ExtensionContext.Store.CloseableResource {
        @Override public void close() {
            spark.stop();
        }
    }

    @Override public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == SparkSession.class;
    }

    @Override public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        return c.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(Session.class, k -> new Session(start()), Session.class).spark();
    }

    private static SparkSession start() {
        return SparkSession.builder()
            .master("local[2]")
            .appName("owsim-spark tests")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    }
}
