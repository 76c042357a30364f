package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import owsim.catalog.WeightFormat;

/**
 * One engine shared by threads (as the web app holds one) gives, from its remembered layout searches and busiest-rank
 * figures, exactly the answers a new engine gives.
 */
class SharedEngineTest {
    private static List<ServeRequest> requests() {
        List<ServeRequest> out = new ArrayList<>();
        for (String m : List.of("deepseek-v3", "llama-3.1-70b", "qwen3-235b-a22b", "gpt-oss-20b")) {
            for (String h : List.of("h800", "h100-sxm", "gb200-nvl72", "rtx-4090")) {
                ServeRequest r = ServeRequest.of(model(m), hw(h));
                out.add(r);
                out.add(r.withMinUserTokensPerSecond(30));
                out.add(r.withFormats(WeightFormat.FP8, KvFormat.FP8).withMtpAcceptance(0.85));
                out.add(r.withBatch(64));
                // One layout search asked for other figures in turn: each candidate's remembered step and busiest-rank
                // figure (per KV read, batch and prompts per rank) must give way to the new ones, and come back after.
                ServeRequest one = r.withServing(ServingMode.AGGREGATED);
                out.add(one);
                out.add(one.withMinUserTokensPerSecond(30));
                out.add(one.withCacheHitShare(0.5));
                out.add(one.withKvLen(6000));
                out.add(one.withMtpAcceptance(0.7));
                out.add(one);
            }
        }
        return out;
    }

    private static String answer(ServingEngine e, ServeRequest r) {
        try {
            return e.evaluate(r).toString();
        } catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }

    @Test void sharedAnswersEqualNewEngineAnswers() throws Exception {
        List<ServeRequest> requests = requests();
        List<String> expected = new ArrayList<>();
        for (ServeRequest r : requests) expected.add(answer(new ServingEngine(), r));

        ServingEngine shared = new ServingEngine();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> rounds = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                rounds.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    // Twice over: the second pass is answered from what the first remembered.
                    for (int pass = 0; pass < 2; pass++) {
                        got.clear();
                        for (ServeRequest r : requests) got.add(answer(shared, r));
                    }
                    return got;
                }));
            }
            for (Future<List<String>> f : rounds) assertThat(f.get()).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdown();
        }
    }
}
