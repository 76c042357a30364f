package owsim.serving;

import java.util.List;

/**
 * The throughput-against-interactivity frontier of a model on one accelerator: only the points no
 * other point beats on both tokens/s per user and tokens/s per GPU, fastest per user first (so
 * per-GPU throughput rises down the list).
 *
 * @param evaluated operating points tried (layouts x batches that fit)
 * @param points the Pareto-optimal ones; empty when the model does not fit
 */
public record ParetoFrontier(String model, String hardware, String weights, String kv, int promptTokens, int outputTokens,
                             int evaluated, List<ParetoPoint> points) {
    public ParetoFrontier {
        points = List.copyOf(points);
    }
}
