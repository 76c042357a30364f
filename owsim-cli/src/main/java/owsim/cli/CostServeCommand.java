package owsim.cli;

import static owsim.cli.NumberOptions.number;
import static owsim.cli.NumberOptions.whole;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;
import owsim.io.InputException;
import owsim.serving.KvFormat;
import owsim.serving.Parallelism;
import owsim.serving.ServeRequest;
import owsim.serving.ServeResult;
import owsim.serving.DisaggregatedServing;
import owsim.serving.ServingMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code owsim cost serve}: memory, placement, throughput and cost per token of one model on one accelerator. */
@Command(name = "serve", description = "Memory, accelerators needed, throughput and cost per token of a model on an accelerator.")
final class CostServeCommand implements Callable<Integer> {
    @ParentCommand CostCommand parent;
    static final int MAX_TOKENS = 100_000_000;

    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id from the catalog.")
    String model;
    @Mixin WorkloadOptions workload;
    @Option(names = "--hardware", required = true, paramLabel = "ID", description = "Accelerator id from the catalog.")
    String hardware;
    @Option(names = "--gpus", paramLabel = "N", description = "Accelerators in the deployment (default: the fewest that fit).")
    Integer gpus;
    @Option(names = "--cache-hit", paramLabel = "F", defaultValue = "0", description = "Share of prompt tokens served from a prefix cache, 0..1 (default: ${DEFAULT-VALUE}).")
    double cacheHit;
    @Option(names = "--kv-len", paramLabel = "L", description = "Context held per sequence in tokens (default: prompt + output).")
    Integer kvLen;
    @Option(names = "--batch", paramLabel = "B", description = "Concurrent sequences (default: the largest batch that fits).")
    Integer batch;
    @Option(names = "--min-user-tps", paramLabel = "T", description = "Largest batch whose per-user decode speed is at least T tokens/s.")
    Double minUserTps;
    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Force a parallel layout: terms tpN, ppN, epN, dpN, e.g. tp8, tp8pp2, ep72dp72; PREFILL/DECODE forces both pools of a disaggregated deployment, e.g. ep32dp32/ep144dp144 (default: the planner searches).")
    String layout;
    @Option(names = "--serving", paramLabel = "MODE", description = "auto, aggregated or disaggregated (separate prefill and decode pools) (default: auto, the cheaper).")
    String serving;
    @Option(names = "--max-ttft-ms", paramLabel = "MS", description = "Time-to-first-token target that sizes a disaggregated prefill pool (default: none).")
    Double maxTtftMs;
    @Option(names = "--mtp", paramLabel = "A", description = "Multi-token prediction: one draft token per step accepted with probability A, 0..1 (default: none).")
    Double mtp;
    @Mixin FormatOption format;

    @Override public Integer call() {
        Catalog cat = catalog.load();
        ServeRequest request = request(cat);
        ServeResult r = CostCommand.engine(parent).evaluate(request);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) format.printJson(r);
        else printTable(out, r);
        out.flush();
        if (!r.fits()) {
            spec.commandLine().getErr().println("owsim: " + r.note());
            return Main.EXIT_FAILURE;
        }
        return Main.EXIT_OK;
    }

    ServeRequest request(Catalog cat) {
        ModelSpec m = cat.model(model);
        AcceleratorSpec hw = cat.accelerator(hardware);
        if (batch != null && minUserTps != null) {
            throw InputException.ofField("--batch", "give either --batch or --min-user-tps, not both");
        }
        int g = gpus == null ? 0 : whole("--gpus", gpus, 1, 65_536);
        WeightFormat w = workload.weights(m);
        KvFormat kv = workload.kv();
        workload.checkNumbers();
        number("--cache-hit", cacheHit, true, 1);
        int len = kvLen == null ? 0 : whole("--kv-len", kvLen, 1, MAX_TOKENS);
        int b = batch == null ? 0 : whole("--batch", batch, 1, 1_000_000);
        double tps = minUserTps == null ? 0 : number("--min-user-tps", minUserTps, false, 1e6);
        double a = mtp == null ? 0 : number("--mtp", mtp, true, 1);
        ServingMode mode;
        try {
            mode = serving == null ? ServingMode.AUTO : ServingMode.parse(serving);
        } catch (IllegalArgumentException e) {
            throw InputException.ofField("--serving", e.getMessage().replaceFirst("^serving: ", ""));
        }
        double ttft = maxTtftMs == null ? 0 : number("--max-ttft-ms", maxTtftMs, false, 1e9);
        boolean pools = layout != null && layout.indexOf('/') >= 0;
        if (layout != null) {
            try {
                for (String one : layout.split("/", -1)) {
                    Parallelism p = Parallelism.parse(one);
                    if (!pools && g > 0 && p.gpus() != g) {
                        throw InputException.ofField("--layout", layout + " is " + p.gpus() + " accelerators, but --gpus is " + g);
                    }
                }
            } catch (IllegalArgumentException e) {
                throw InputException.ofField("--layout", e.getMessage().replaceFirst("^layout: ", ""));
            }
            if (pools && mode == ServingMode.AGGREGATED) throw InputException.ofField("--layout", layout + " gives two pools, but --serving is aggregated");
            if (pools && g > 0) throw InputException.ofField("--layout", layout + " sizes two pools; give no --gpus with it");
        }
        if (mode == ServingMode.DISAGGREGATED && g > 0) {
            throw InputException.ofField("--gpus", "a disaggregated deployment sizes its pools from the request mix; give no --gpus"
                + " (or force both pools with --layout PREFILL/DECODE)");
        }
        return new ServeRequest(m, hw, g, w, kv, workload.promptTokens, workload.outputTokens, cacheHit, len, b, tps, workload.utilization, layout, a, mode, ttft);
    }

    static WeightFormat parseWeights(String s) {
        try {
            return WeightFormat.parse(s);
        } catch (IllegalArgumentException e) {
            throw InputException.ofField("--weights", e.getMessage());
        }
    }


    private static void printTable(PrintWriter out, ServeResult r) {
        Table t = new Table();
        t.row("model", r.model());
        DisaggregatedServing split = r.disaggregation();
        if (split == null) {
            t.row("hardware", r.gpus() + " x " + r.hardware() + " (" + describe(r.parallelism()) + ")");
        } else {
            t.row("hardware", fmt("%d x %s, disaggregated: %d prefill + %d decode (%.2f prefill GPUs per decode GPU; the request mix asks %.3f)",
                r.gpus(), r.hardware(), split.prefill().gpus(), split.decode().gpus(), split.prefillToDecodeGpus(), split.prefillGpusPerDecodeGpu()));
            t.row("prefill pool", fmt("%d x %d GPUs (%s), %,.0f input tokens/s per GPU, %.0f%% busy", split.prefill().instances(),
                split.prefill().gpusPerInstance(), describe(split.prefill().parallelism()), split.prefill().tokensPerSecondPerGpu(), split.prefill().busyShare() * 100));
            t.row("decode pool", fmt("%d x %d GPUs (%s), %,.0f output tokens/s per GPU, %.0f%% busy", split.decode().instances(),
                split.decode().gpusPerInstance(), describe(split.decode().parallelism()), split.decode().tokensPerSecondPerGpu(), split.decode().busyShare() * 100));
            t.row("KV transfer", fmt("%.1f MiB per request, %.2f ms; network busy %.1f%% (prefill), %.1f%% (decode)",
                split.kvTransferBytesPerRequest() / (1024.0 * 1024), split.kvTransferMs(), split.prefillNetworkShare() * 100, split.decodeNetworkShare() * 100));
        }
        t.row("formats", "weights " + r.weights() + (r.expertWeights().isEmpty() || r.expertWeights().equals(r.weights())
            ? "" : " (routed experts " + r.expertWeights() + ")") + ", KV cache " + r.kv());
        t.row("weights", fmt("%.1f GiB in all, %.1f GiB per device", r.weightsGiB(), r.memory().weightsGiB()));
        t.row("KV cache", fmt("%.1f KiB per token, %.1f MiB per sequence", r.kvBytesPerToken() / 1024.0, r.kvBytesPerSequence() / (1024.0 * 1024)));
        t.row("memory per device", fmt("%.1f GiB: reserved %.1f, weights %.1f, KV %.1f, free %.1f", r.memory().deviceGiB(),
            r.memory().reservedGiB(), r.memory().weightsGiB(), r.memory().kvCacheGiB(), r.memory().freeGiB()));
        t.row("fits", r.fits() ? fmt("yes, up to %,d sequences", r.maxConcurrentSequences()) : "no");
        if (r.fits()) {
            String per = split == null ? "" : " of a decode instance";
            t.row("batch", fmt("%,d sequences%s (%s-bound decode)", r.batch(), per, r.bound()));
            t.row("prefill", fmt("%,.0f tokens/s per %sGPU", r.prefillTokensPerSecondPerGpu(), split == null ? "" : "prefill "));
            t.row("decode", fmt("%,.0f tokens/s per %sGPU, %,.1f per user", r.decodeTokensPerSecondPerGpu(), split == null ? "" : "decode ", r.decodeTokensPerSecondPerUser()));
            t.row("output incl. prefill", fmt("%,.0f tokens/s per GPU%s", r.outputTokensPerSecondPerGpu(), split == null ? "" : " of both pools"));
            t.row("latency", fmt("TTFT %.1f ms, TPOT %.2f ms", r.ttftMs(), r.tpotMs()));
            t.row("rented $/M tokens", r.usdPerMillionInputTokens() == null ? "not rentable"
                : fmt("input $%.4f, output $%.4f", r.usdPerMillionInputTokens(), r.usdPerMillionOutputTokens()));
            t.row("owned $/M tokens", fmt("input $%.4f, output $%.4f", r.ownedUsdPerMillionInputTokens(), r.ownedUsdPerMillionOutputTokens()));
        } else {
            t.row("missing", fmt("%.1f GiB per device", r.missingGiB()));
            t.row("would fit on", r.gpusToFit() == null ? "no number of " + r.hardware() : r.gpusToFit() + " x " + r.hardware());
        }
        if (r.note() != null) t.row("note", r.note());
        t.print(out);
    }

    private static String describe(Parallelism p) {
        return p.label() + ": tensor " + p.tensor() + ", pipeline " + p.pipeline() + ", expert " + p.expert()
            + ", data-parallel attention " + p.dataParallel() + ", nodes " + p.nodes();
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
