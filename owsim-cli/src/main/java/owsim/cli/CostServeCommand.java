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
import owsim.serving.ServingEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code owsim cost serve}: memory, placement, throughput and cost per token of one model on one accelerator. */
@Command(name = "serve", description = "Memory, accelerators needed, throughput and cost per token of a model on an accelerator.")
final class CostServeCommand implements Callable<Integer> {
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
    @Option(names = "--layout", paramLabel = "LAYOUT", description = "Force a parallel layout: terms tpN, ppN, epN, dpN, e.g. tp8, tp8pp2, ep72dp72 (default: the planner searches).")
    String layout;
    @Option(names = "--mtp", paramLabel = "A", description = "Multi-token prediction: one draft token per step accepted with probability A, 0..1 (default: none).")
    Double mtp;
    @Mixin FormatOption format;

    @Override public Integer call() {
        Catalog cat = catalog.load();
        ServeRequest request = request(cat);
        ServeResult r = new ServingEngine().evaluate(request);
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
        if (layout != null) {
            Parallelism p;
            try {
                p = Parallelism.parse(layout);
            } catch (IllegalArgumentException e) {
                throw InputException.ofField("--layout", e.getMessage());
            }
            if (g > 0 && p.gpus() != g) {
                throw InputException.ofField("--layout", layout + " is " + p.gpus() + " accelerators, but --gpus is " + g);
            }
        }
        return new ServeRequest(m, hw, g, w, kv, workload.promptTokens, workload.outputTokens, cacheHit, len, b, tps, workload.utilization, layout, a);
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
        t.row("hardware", r.gpus() + " x " + r.hardware() + " (" + r.parallelism().label() + ": tensor " + r.parallelism().tensor()
            + ", pipeline " + r.parallelism().pipeline() + ", expert " + r.parallelism().expert() + ", data-parallel attention "
            + r.parallelism().dataParallel() + ", nodes " + r.parallelism().nodes() + ")");
        t.row("formats", "weights " + r.weights() + (r.expertWeights().isEmpty() || r.expertWeights().equals(r.weights())
            ? "" : " (routed experts " + r.expertWeights() + ")") + ", KV cache " + r.kv());
        t.row("weights", fmt("%.1f GiB in all, %.1f GiB per device", r.weightsGiB(), r.memory().weightsGiB()));
        t.row("KV cache", fmt("%.1f KiB per token, %.1f MiB per sequence", r.kvBytesPerToken() / 1024.0, r.kvBytesPerSequence() / (1024.0 * 1024)));
        t.row("memory per device", fmt("%.1f GiB: reserved %.1f, weights %.1f, KV %.1f, free %.1f", r.memory().deviceGiB(),
            r.memory().reservedGiB(), r.memory().weightsGiB(), r.memory().kvCacheGiB(), r.memory().freeGiB()));
        t.row("fits", r.fits() ? fmt("yes, up to %,d sequences", r.maxConcurrentSequences()) : "no");
        if (r.fits()) {
            t.row("batch", fmt("%,d sequences (%s-bound decode)", r.batch(), r.bound()));
            t.row("prefill", fmt("%,.0f tokens/s per GPU", r.prefillTokensPerSecondPerGpu()));
            t.row("decode", fmt("%,.0f tokens/s per GPU, %,.1f per user", r.decodeTokensPerSecondPerGpu(), r.decodeTokensPerSecondPerUser()));
            t.row("output incl. prefill", fmt("%,.0f tokens/s per GPU", r.outputTokensPerSecondPerGpu()));
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

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
