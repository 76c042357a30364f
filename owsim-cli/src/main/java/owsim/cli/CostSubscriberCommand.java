package owsim.cli;

import static owsim.cli.CostServeCommand.fmt;
import static owsim.cli.NumberOptions.number;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import owsim.catalog.Catalog;
import owsim.format.Readable;
import owsim.serving.ServeRequest;
import owsim.serving.ServeResult;
import owsim.serving.ServingEngine;
import owsim.serving.SubscriberEconomics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code owsim cost subscriber}: monthly serving cost of one subscriber against the price, and break-even usage. */
@Command(name = "subscriber", description = "What one subscriber's usage costs to serve per month, against the price; break-even tokens.")
final class CostSubscriberCommand implements Callable<Integer> {
    @ParentCommand CostCommand parent;
    @Spec CommandSpec spec;
    @Mixin CatalogOption catalog;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id from the catalog.")
    String model;
    @Option(names = "--hardware", required = true, paramLabel = "ID", description = "Accelerator id the service runs on.")
    String hardware;
    @Option(names = "--tokens-per-month", required = true, paramLabel = "X", description = "Tokens the subscriber uses per month (input and output).")
    double tokensPerMonth;
    @Option(names = "--price", required = true, paramLabel = "USD", description = "Subscription price per month, USD.")
    double price;
    @Mixin FormatOption format;

    @Override public Integer call() {
        Catalog cat = catalog.load();
        number("--tokens-per-month", tokensPerMonth, false, 1e15);
        number("--price", price, false, 1e7);
        ServingEngine engine = CostCommand.engine(parent);
        ServeRequest request = ServeRequest.of(cat.model(model), cat.accelerator(hardware));
        ServeResult placed = engine.evaluate(request);
        if (!placed.fits()) {
            spec.commandLine().getErr().println("owsim: " + placed.note());
            return Main.EXIT_FAILURE;
        }
        SubscriberEconomics s = engine.subscriber(request, tokensPerMonth, price);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            format.printJson(s);
        } else {
            Table t = new Table();
            t.row("model", s.model());
            t.row("served on", s.gpus() + " x " + s.hardware() + (placed.usdPerMillionInputTokens() == null ? " (owned)" : " (rented)"));
            // Money as everywhere in owsim ($ with a magnitude, -$ for a loss), four digits: a fee of $20.00 reads as one.
            t.row("usage", fmt("%s tokens/month (%.0f%% output)", Readable.count(s.tokensPerMonth(), 3), s.outputShare() * 100));
            t.row("serving cost", fmt("$%.4f per million tokens", s.usdPerMillionTokens()));
            t.row("cost per month", Readable.money(s.usdCostPerMonth(), 4));
            t.row("price per month", Readable.money(s.usdPricePerMonth(), 4));
            t.row("margin per month", Readable.money(s.usdMarginPerMonth(), 4) + " (" + (s.profitable() ? "profitable" : "loss") + ")");
            t.row("break-even usage", Readable.count(s.breakEvenTokensPerMonth(), 3) + " tokens/month");
            t.print(out);
        }
        out.flush();
        return Main.EXIT_OK;
    }
}
