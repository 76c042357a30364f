package owsim.cli;

import static owsim.cli.NumberOptions.number;
import static owsim.cli.NumberOptions.whole;

import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;
import owsim.io.InputException;
import owsim.serving.KvFormat;
import picocli.CommandLine.Option;

/** The request options {@code cost serve} and {@code cost pareto} share: formats, tokens per request and utilization. */
final class WorkloadOptions {
    @Option(names = "--weights", paramLabel = "FORMAT", description = "bf16, fp8, int8 or int4 (default: the model's native format).")
    String weights;
    @Option(names = "--kv-dtype", paramLabel = "FORMAT", defaultValue = "bf16", description = "KV cache format: bf16 or fp8 (default: ${DEFAULT-VALUE}).")
    String kvDtype;
    @Option(names = "--prompt-tokens", paramLabel = "P", defaultValue = "1000", description = "Input tokens per request (default: ${DEFAULT-VALUE}).")
    int promptTokens;
    @Option(names = "--output-tokens", paramLabel = "O", defaultValue = "1000", description = "Output tokens per request (default: ${DEFAULT-VALUE}).")
    int outputTokens;
    @Option(names = "--utilization", paramLabel = "U", defaultValue = "0.6", description = "Busy share of the deployment for cost, 0..1 (default: ${DEFAULT-VALUE}).")
    double utilization;

    /** The weight format asked for, or the model's native one. */
    WeightFormat weights(ModelSpec model) {
        return weights == null ? model.nativeWeights() : CostServeCommand.parseWeights(weights);
    }

    KvFormat kv() {
        try {
            return KvFormat.parse(kvDtype);
        } catch (IllegalArgumentException e) {
            throw InputException.ofField("--kv-dtype", e.getMessage());
        }
    }

    /** Refuses token counts and a utilization out of range, naming the option. */
    void checkNumbers() {
        whole("--prompt-tokens", promptTokens, 1, CostServeCommand.MAX_TOKENS);
        whole("--output-tokens", outputTokens, 1, CostServeCommand.MAX_TOKENS);
        number("--utilization", utilization, false, 1);
    }
}
