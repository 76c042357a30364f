package owsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;

/** The Spark session of one sweep: spark-submit's settings, the --master option, and quiet defaults for local mode. */
final class SweepSession {
    static final String MASTERS = "local, local[N], local[*], spark://HOST:PORT, yarn, k8s://HOST:PORT";

    private SweepSession() {}

    /**
     * The configuration: spark-submit passes its settings as {@code spark.*} system properties,
     * which {@code new SparkConf()} reads; {@code master}, when given, wins over them.
     */
    static SparkConf conf(String master, String experimentName) {
        SparkConf conf = new SparkConf();
        if (master != null) conf.setMaster(master);
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("--master: required when not started by spark-submit, e.g. --master local[2]; allowed: " + MASTERS);
        }
        conf.setIfMissing("spark.app.name", "owsim sweep " + experimentName);
        if (conf.get("spark.master").startsWith("local")) {
            // Local mode talks only to itself: the loopback address does not depend on the host
            // name resolving (closed networks), and no web UI port is opened unless asked for.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }

    /** Starts (or joins) the session; a master URL Spark cannot parse is a usage error naming --master. */
    static SparkSession start(SparkConf conf) {
        try {
            return SparkSession.builder().config(conf).getOrCreate();
        } catch (Exception e) {
            // Spark reports it as a plain SparkException with this text (no error condition in 4.0).
            if (e instanceof SparkException && String.valueOf(e.getMessage()).startsWith("Could not parse Master URL")) {
                throw new IllegalArgumentException("--master: Spark cannot use '" + conf.get("spark.master") + "'; allowed: " + MASTERS, e);
            }
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException("cannot start Spark (master " + conf.get("spark.master") + "): " + e.getMessage(), e);
        }
    }
}
