package owsim.market.agent;

import java.util.List;

/** Small fixed segments for tests: two segments, three VRAM classes. */
final class TestPopulations {
    private TestPopulations() {}

    static final List<UserSegment> SEGMENTS = List.of(
        new UserSegment("consumers", 0.8, 200_000, 1.2, List.of(0.9, 0.08, 0.02)),
        new UserSegment("developers", 0.2, 5_000_000, 1.5, List.of(0.5, 0.3, 0.2)));

    static Population generate(int users, int labs, long seed, BlockExecutor executor) {
        return Population.generate(users, labs, SEGMENTS, seed, executor);
    }
}
