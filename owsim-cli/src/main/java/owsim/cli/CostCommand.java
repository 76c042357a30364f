package owsim.cli;

import picocli.CommandLine.Command;

/** {@code owsim cost}: serving cost, subscriber economics and self-hosting options. */
@Command(name = "cost", description = "Serving memory, throughput and cost per token; subscriber and self-hosting economics.",
    subcommands = {CostServeCommand.class, CostSubscriberCommand.class, CostSelfHostCommand.class, CostParetoCommand.class})
final class CostCommand {
}
