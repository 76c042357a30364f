package owsim.serving;

/**
 * One operating point of a model on an accelerator: a deployment layout and a batch, with the
 * speed each user sees and the throughput and cost it buys.
 *
 * @param hardware accelerator id
 * @param gpus accelerators in the deployment
 * @param parallelism the layout the engine chose for those accelerators
 * @param batch concurrent sequences
 * @param tokensPerSecondPerUser output tokens/s one user sees (1 / time per output token, prefill stalls included)
 * @param tokensPerSecondPerGpu output tokens/s per accelerator at that batch (prefill of the requests included)
 * @param usdPerMillionOutputTokens rented cost of a million output tokens at the request's utilization (owned when the hardware cannot be rented)
 * @param rented whether the cost is the rented one
 * @param ttftMs time to first token of one request alone, ms
 */
public record ParetoPoint(String hardware, int gpus, Parallelism parallelism, int batch, double tokensPerSecondPerUser,
                          double tokensPerSecondPerGpu, double usdPerMillionOutputTokens, boolean rented, double ttftMs) {

    /** Whether this point is at least as good as {@code o} on both axes and better on one. */
    public boolean dominates(ParetoPoint o) {
        return tokensPerSecondPerUser >= o.tokensPerSecondPerUser && tokensPerSecondPerGpu >= o.tokensPerSecondPerGpu
            && (tokensPerSecondPerUser > o.tokensPerSecondPerUser || tokensPerSecondPerGpu > o.tokensPerSecondPerGpu);
    }
}
