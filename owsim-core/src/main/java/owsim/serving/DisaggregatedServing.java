package owsim.serving;

/**
 * The two pools of a prefill/decode-disaggregated deployment and how they are balanced for the request mix.
 *
 * @param prefill the prefill pool: instances of one layout, rate in uncached input tokens/s per prefill GPU
 * @param decode the decode pool: instances of one layout, rate in output tokens/s per decode GPU
 * @param prefillGpusPerDecodeGpu the balance the request mix asks for: prefill GPU-seconds per request (uncached
 *     prompt tokens / prefill rate) over decode GPU-seconds per request (output tokens / decode rate); the whole
 *     instances of the pools approach it
 * @param kvTransferBytesPerRequest the prompt's KV cache sent from the prefill to the decode pool (all layers, sliding
 *     windows applied, the cache format's bytes)
 * @param kvTransferMs time to send it over the scale-out network from the devices of the prompt's attention group
 * @param prefillNetworkShare share of a prefill GPU's scale-out bandwidth the KV transfer takes at the pool's rate
 *     (the prefill rate is capped so that it stays at most 1)
 * @param decodeNetworkShare share of a decode GPU's scale-out bandwidth the arriving KV takes (capped at 1 likewise)
 */
public record DisaggregatedServing(
    Pool prefill,
    Pool decode,
    double prefillGpusPerDecodeGpu,
    long kvTransferBytesPerRequest,
    double kvTransferMs,
    double prefillNetworkShare,
    double decodeNetworkShare) {

    /**
     * One pool: {@code instances} deployments of {@code gpusPerInstance} devices in layout {@code parallelism}.
     *
     * @param tokensPerSecondPerGpu prefill: uncached input tokens/s per GPU; decode: output tokens/s per GPU (its own
     *     capacity, whether or not the other pool keeps it busy)
     * @param busyShare share of the pool's capacity the balanced traffic uses (1 for the pool that limits)
     */
    public record Pool(int gpusPerInstance, int instances, Parallelism parallelism, double tokensPerSecondPerGpu, double busyShare) {
        public int gpus() {
            return gpusPerInstance * instances;
        }
    }

    /** Prefill GPUs over decode GPUs of the whole instances, e.g. 0.33 for 3 prefill and 9 decode nodes. */
    public double prefillToDecodeGpus() {
        return prefill.gpus() / (double) decode.gpus();
    }
}
