package owsim.cli;

import owsim.serving.ServingEngine;
import picocli.CommandLine.Command;

/** {@code owsim cost}: serving cost, subscriber economics and self-hosting options. */
@Command(name = "cost", description = "Serving memory, throughput and cost per token; subscriber and self-hosting economics.",
    subcommands = {CostServeCommand.class, CostSubscriberCommand.class, CostSelfHostCommand.class, CostParetoCommand.class})
final class CostCommand {
    /**
     * The engine the cost commands answer with: the web app's one engine, shared by all its requests (its remembered
     * layout searches serve every later answer), or null for a one-off command line, which makes its own.
     */
    ServingEngine engine;

    /** The engine of the cost command above a subcommand ({@code parent} null when the subcommand runs alone). */
    static ServingEngine engine(CostCommand parent) {
        return parent != null && parent.engine != null ? parent.engine : new ServingEngine();
    }
}
