package owsim.cli;

import static owsim.cli.CostServeCommand.fmt;
import static owsim.cli.NumberOptions.number;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;
import owsim.io.InputException;
import owsim.report.ParetoChart;
import owsim.serving.KvFormat;
import owsim.serving.ParetoFrontier;
import owsim.serving.ParetoPoint;
import owsim.serving.ServeRequest;
import owsim.serving.ServingPareto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code owsim cost pareto}: the throughput-per-GPU against tokens/s-per-user frontier of a model. */
@Command(name = "pareto", description = "Frontier of tokens/s per GPU against tokens/s per user (and cost) over deployments and batch sizes.")
final class CostParetoCommand implements Callable<Integer> {
    @ParentCommand CostCommand parent;
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id from the catalog.")
    String model;
    @Mixin WorkloadOptions workload;
    @Option(names = "--hardware", paramLabel = "ID", description = "Accelerator id (repeatable; default: every data-centre accelerator in the catalog).")
    List<String> hardware = new ArrayList<>();
    @Mixin FormatOption format;
    @Option(names = "--svg", paramLabel = "FILE", description = "Also write the frontier as a self-contained SVG chart.")
    Path svg;

    @Override public Integer call() {
        Catalog cat = catalog.load();
        ModelSpec m = cat.model(model);
        WeightFormat w = workload.weights(m);
        KvFormat kv = workload.kv();
        workload.checkNumbers();
        List<AcceleratorSpec> devices = new ArrayList<>();
        if (hardware.isEmpty()) {
            for (AcceleratorSpec a : cat.accelerators()) if (a.kind() == AcceleratorKind.DATACENTER) devices.add(a);
        } else {
            devices.addAll(CostSelfHostCommand.accelerators(cat, hardware));
        }
        ServingPareto pareto = new ServingPareto(CostCommand.engine(parent));
        List<ParetoFrontier> frontiers = new ArrayList<>();
        for (AcceleratorSpec hw : devices) {
            ServeRequest base = ServeRequest.of(m, hw).withFormats(w, kv).withTokens(workload.promptTokens, workload.outputTokens).withUtilization(workload.utilization);
            frontiers.add(pareto.frontier(base));
        }
        if (svg != null) {
            String title = m.id() + ": throughput per GPU against speed per user (" + workload.promptTokens + " in / " + workload.outputTokens + " out)";
            try {
                Files.writeString(svg, ParetoChart.of(title, frontiers).document(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw InputException.ofField("--svg", "cannot write '" + svg + "': " + RunCommand.reason(e));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            format.printJson(java.util.Map.of("frontiers", frontiers));
        } else {
            printTable(out, frontiers);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static void printTable(PrintWriter out, List<ParetoFrontier> frontiers) {
        for (ParetoFrontier fr : frontiers) {
            if (fr.points().isEmpty()) {
                out.println(fmt("%s on %s: does not fit (no number of %s holds it)", fr.model(), fr.hardware(), fr.hardware()));
                continue;
            }
            out.println(fmt("%s on %s, %s weights, %s KV, %d in / %d out: %d Pareto-optimal of %d operating points",
                fr.model(), fr.hardware(), fr.weights(), fr.kv(), fr.promptTokens(), fr.outputTokens(), fr.points().size(), fr.evaluated()));
            out.println(fmt("%6s %-16s %7s %12s %12s %14s %10s", "gpus", "layout", "batch", "tok/s/user", "tok/s/GPU", "$/M output", "TTFT ms"));
            for (ParetoPoint p : fr.points()) {
                String layout = fmt("TP%d PP%d EP%d", p.parallelism().tensor(), p.parallelism().pipeline(), p.parallelism().expert());
                out.println(fmt("%6d %-16s %7d %12.1f %12.0f %14.4f%s %10.0f", p.gpus(), layout, p.batch(), p.tokensPerSecondPerUser(),
                    p.tokensPerSecondPerGpu(), p.usdPerMillionOutputTokens(), p.rented() ? " " : "*", p.ttftMs()));
            }
            if (fr.points().stream().anyMatch(p -> !p.rented())) out.println("* owned cost: the hardware cannot be rented");
            out.println();
        }
    }
}
