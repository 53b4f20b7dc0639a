package org.newsflow.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsflow} command. Each service also runs on its own ({@code newsflow ingest|enrich|sink}) against
 * any Kafka cluster; {@code demo} runs all of them in one process on an embedded broker. The measuring commands
 * ({@code eval}, {@code bench}) live in their own modules and are added when their jars are on the class path
 * ({@link OptionalCommands}): the full distribution has them, the service image does not.
 */
@Command(
        name = "newsflow",
        mixinStandardHelpOptions = true,
        version = "newsflow 0.1.0",
        description = "Streaming news enrichment: countries, people, organizations and events, through Kafka.",
        subcommands = {
            DemoCommand.class,
            TagCommand.class,
            ExtractCommand.class,
            ServiceCommands.Ingest.class,
            ServiceCommands.Enrich.class,
            ServiceCommands.Sink.class,
            DlqCommand.class,
            BrokerCommand.class,
        })
public final class Newsflow implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The whole command tree: the built-in commands plus those found on the class path. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Newsflow());
        OptionalCommands.addTo(cli, Newsflow.class.getClassLoader());
        cli.addSubcommand(new CommandLine.HelpCommand()); // last in the list of commands
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
