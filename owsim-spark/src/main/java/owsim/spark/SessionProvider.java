package owsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Where a sweep's Spark session comes from and what happens to it after: the command starts its
 * own and stops it; tests lend one session shared by all of them.
 */
interface SessionProvider {
    SparkSession start(SparkConf conf);

    void release(SparkSession spark);

    /** A session of the sweep's own, stopped when the sweep ends. */
    static SessionProvider own() {
        return new SessionProvider() {
            @Override public SparkSession start(SparkConf conf) {
                return SweepSession.start(conf);
            }

            @Override public void release(SparkSession spark) {
                spark.stop();
            }
        };
    }
}
