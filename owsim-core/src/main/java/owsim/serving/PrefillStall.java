package owsim.serving;

/**
 * The prefill work an aggregated deployment does between two decode steps, per sequence of the batch: in steady state
 * each of B sequences brings a new prompt every outputTokens / yield steps. The routed-expert part of a prompt's
 * prefill spreads over every device; the attention, dense and LM-head part runs on the prompt's own data-parallel
 * attention rank, and the step waits for the busiest rank ({@link BusiestRank}), so with few prompts per rank per step
 * that part takes longer than its mean share.
 *
 * @param promptTokensPerSequenceStep uncached prompt tokens per sequence per step
 * @param nonExpertSecondsPerToken deployment-seconds per prompt token outside the routed experts, evenly spread
 * @param expertSecondsPerToken deployment-seconds per prompt token in the routed experts
 * @param promptsPerSequenceStep prompts arriving per sequence per step (yield / output tokens)
 * @param ranks data-parallel attention ranks of a stage
 * @param memo the engine's remembered busiest-rank figures (the same values {@link BusiestRank} computes)
 */
record PrefillStall(double promptTokensPerSequenceStep, double nonExpertSecondsPerToken, double expertSecondsPerToken,
                    double promptsPerSequenceStep, int ranks, BusiestRankMemo memo) {
    /** No prefill in the steps (a disaggregated decode pool). */
    static final PrefillStall NONE = new PrefillStall(0, 0, 0, 0, 1, null);

    /**
     * One candidate's last busiest-rank figure: {@code stretch} at {@code promptsPerStep} (batch x prompts per sequence
     * step, which {@link #promptsPerRank} divides by the candidate's own ranks, so it fixes the figure). A
     * max-throughput request runs a candidate at its own largest batch, so a repeated request asks each candidate for
     * the same figure again; kept per candidate, it needs no shared table, no hashing and no division.
     */
    record Stretch(double promptsPerStep, double stretch) {}

    /** Deployment-seconds of prefill per prompt token at a batch of {@code batch} sequences. */
    double secondsPerToken(double batch) {
        double promptsPerRank = promptsPerRank(batch, promptsPerSequenceStep, ranks);
        double stretch = memo == null ? BusiestRank.stretch(promptsPerRank, ranks) : memo.stretch(promptsPerRank, ranks);
        return secondsPerToken(nonExpertSecondsPerToken, stretch, expertSecondsPerToken);
    }

    /** Prompts arriving at one data-parallel attention rank per step at a batch of {@code batch} sequences. */
    static double promptsPerRank(double batch, double promptsPerSequenceStep, int ranks) {
        return batch * promptsPerSequenceStep / ranks;
    }

    /** Deployment-seconds of prefill per prompt token, the non-expert part stretched to the busiest rank's pace. */
    static double secondsPerToken(double nonExpertSecondsPerToken, double stretch, double expertSecondsPerToken) {
        return nonExpertSecondsPerToken * stretch + expertSecondsPerToken;
    }

    /** Deployment-seconds of prefill per sequence per step at a batch of {@code batch} sequences. */
    double perSequenceStep(double batch) {
        return promptTokensPerSequenceStep == 0 ? 0 : promptTokensPerSequenceStep * secondsPerToken(batch);
    }
}
