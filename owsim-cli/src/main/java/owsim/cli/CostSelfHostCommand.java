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
import owsim.format.Readable;
import owsim.serving.SelfHostOption;
import owsim.serving.SelfHostOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code owsim cost selfhost}: buy, rent, API or subscription for a monthly token volume of a model. */
@Command(name = "selfhost", description = "Buy hardware, rent GPUs, pay an API or a subscription: monthly cost of a token volume.")
final class CostSelfHostCommand implements Callable<Integer> {
    @ParentCommand CostCommand parent;
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
        SelfHostOptions o = CostCommand.engine(parent).selfHost(m, accelerators(cat, hardware), tokensPerMonth);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            format.printJson(o);
        } else {
            out.println(fmt("%s at %s tokens/month (%.0f%% output), cheapest feasible first:", o.model(), Readable.count(o.tokensPerMonth()),
                o.outputShare() * 100));
            String row = "%-13s %-16s %6s %10s %10s %12s %12s  %s";
            out.println(fmt(row, "option", "hardware", "gpus", "upfront", "monthly", "of which", "$/M tokens", "note"));
            out.println(fmt(row, "", "", "", "", "(all in)", "purchase", "", "").stripTrailing());
            for (SelfHostOption x : o.options()) {
                out.println(x.feasible()
                    ? fmt(row, x.option(), x.hardware().isEmpty() ? "-" : x.hardware(), x.gpus() == 0 ? "-" : Integer.toString(x.gpus()),
                        x.upfrontUsd() == 0 ? "-" : Readable.money(x.upfrontUsd(), 3), Readable.money(x.monthlyUsd(), 3),
                        x.purchaseUsdPerMonth() == 0 ? "-" : Readable.money(x.purchaseUsdPerMonth(), 3),
                        fmt("$%.4f", x.usdPerMillionTokens()), x.note())
                    : fmt(row, x.option(), "-", "-", "-", "-", "-", "-", "not feasible: " + x.note()));
            }
            out.println();
            out.println("monthly is everything a month costs, and $/M tokens is monthly per million tokens: for buy the purchase");
            out.println("amortised (the 'of which purchase' column) plus hosting and power; for rent the devices around the clock;");
            out.println("for api the tokens at its price; for subscription the plan's fee. upfront is the purchase, paid once.");
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
