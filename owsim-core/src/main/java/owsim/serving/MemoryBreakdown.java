package owsim.serving;

/**
 * Memory of one accelerator in a deployment, GiB (2^30 bytes).
 *
 * @param deviceGiB the device's memory
 * @param reservedGiB held back for activations, CUDA graphs and the framework (1 - memoryUtilization)
 * @param weightsGiB this device's share of the weights
 * @param kvCacheGiB KV cache of the sequences in the batch
 * @param freeGiB what is left (negative when the deployment does not fit)
 */
public record MemoryBreakdown(double deviceGiB, double reservedGiB, double weightsGiB, double kvCacheGiB, double freeGiB) {}
