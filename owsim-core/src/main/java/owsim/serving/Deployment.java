package owsim.serving;

/**
 * A model placed on {@code gpus} accelerators: the parallel layout and the memory it leaves.
 *
 * @param usableBytesPerDevice device memory times memoryUtilization
 * @param weightBytes whole model
 * @param kvBytesPerSequence one sequence's KV cache times its replication across the tensor group
 * @param maxSequences sequences whose KV fits beside the weights (0 when not even one does)
 */
record Deployment(int gpus, Parallelism parallelism, double usableBytesPerDevice, double weightBytes,
                  double kvBytesPerSequence, long maxSequences) {

    double kvCapacityBytes() {
        return gpus * usableBytesPerDevice - weightBytes;
    }

    boolean fits(int sequences) {
        return maxSequences >= sequences;
    }

    /** Memory missing per device to hold the weights and {@code sequences} sequences. */
    double missingBytesPerDevice(int sequences) {
        return Math.max(0, (weightBytes + sequences * kvBytesPerSequence) / gpus - usableBytesPerDevice);
    }
}
