package owsim.serving;

/**
 * A model placed on {@code gpus} accelerators in one layout: the memory each device holds and the
 * sequences whose KV cache fits beside it.
 *
 * @param usableBytesPerDevice device memory times memoryUtilization
 * @param weightBytes the whole model once
 * @param weightBytesPerDevice what one device holds: its share of the (replicated under data-parallel
 *     attention) attention, dense and embedding weights, and its expert slots
 * @param expertSlotsPerDevice routed experts one device holds per MoE layer (redundant copies included)
 * @param kvBytesPerSequencePerDevice one sequence's KV cache on each device of its attention group
 *     (its layers on this stage, sharded or replicated over the tensor group)
 * @param maxSequences sequences whose KV fits beside the weights, over the whole deployment (0 when not even one does)
 */
record Deployment(int gpus, Parallelism parallelism, double usableBytesPerDevice, double weightBytes,
                  double weightBytesPerDevice, int expertSlotsPerDevice, double kvBytesPerSequencePerDevice,
                  long maxSequences) {

    boolean fits(int sequences) {
        return maxSequences >= sequences;
    }

    /** Sequences that land on one attention group's devices when {@code sequences} spread evenly over the data-parallel groups. */
    double sequencesPerRank(double sequences) {
        return sequences / parallelism.dataParallel();
    }

    /** Memory missing per device to hold the weights and {@code sequences} sequences. */
    double missingBytesPerDevice(int sequences) {
        double kv = Math.ceil(sequencesPerRank(sequences)) * kvBytesPerSequencePerDevice;
        return Math.max(0, weightBytesPerDevice + kv - usableBytesPerDevice);
    }
}
