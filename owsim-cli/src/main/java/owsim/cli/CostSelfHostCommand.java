package owsim.cli;

import static owsim.cli.CostServeCommand.fmt;
import static owsim.cli.NumberOptions.number;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.serving.SelfHostOption;
import owsim.serving.SelfHostOptions;
import owsim.serving.ServingEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code owsim cost selfhost}: buy, rent, API or subscription for a monthly token volume of a model. */
@Command(name = "selfhost", description = "Buy hardware, rent GPUs, pay an API or a subscription: monthly cost of a token volume.")
final class CostSelfHostCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id from the catalog.")
    String model;
    @Option(names = "--tokens-per-month", required = true, paramLabel = "X", description = "Tokens per month (input and output).")
    double tokensPerMonth;
    @Mixin FormatOption format;
    @Option(names = "--hardware", paramLabel = "ID", description = "Only these accelerators for buy and rent (repeatable; default: the whole catalog).")
    List<String> hardware = new ArrayList<>();

    @Override public Integer call() {
        Catalog cat = catalog.load();
        number("--tokens-per-month", tokensPerMonth, false, 1e15);
        ModelSpec m = cat.model(model);
        SelfHostOptions o = new ServingEngine().selfHost(m, accelerators(cat, hardware), tokensPerMonth);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            format.printJson(o);
        } else {
            out.println(fmt("%s at %,.0f tokens/month (%.0f%% output), cheapest feasible first:", o.model(), o.tokensPerMonth(),
                o.outputShare() * 100));
            out.println(fmt("%-13s %-16s %6s %14s %14s %12s  %s", "option", "hardware", "gpus", "upfront $", "monthly $", "$/M tokens", "note"));
            for (SelfHostOption x : o.options()) {
                out.println(x.feasible()
                    ? fmt("%-13s %-16s %6s %,14.0f %,14.2f %12.4f  %s", x.option(), x.hardware().isEmpty() ? "-" : x.hardware(),
                        x.gpus() == 0 ? "-" : Integer.toString(x.gpus()), x.upfrontUsd(), x.monthlyUsd(), x.usdPerMillionTokens(), x.note())
                    : fmt("%-13s %-16s %6s %14s %14s %12s  not feasible: %s", x.option(), "-", "-", "-", "-", "-", x.note()));
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /** The named accelerators in the order given, each once (an unknown id is refused with the closest), or the whole catalog. */
    static Collection<AcceleratorSpec> accelerators(Catalog cat, List<String> ids) {
        if (ids.isEmpty()) return cat.accelerators();
        Map<String, AcceleratorSpec> chosen = new LinkedHashMap<>();
        for (String id : ids) chosen.put(id, cat.accelerator(id));
        return List.copyOf(chosen.values());
    }
}
