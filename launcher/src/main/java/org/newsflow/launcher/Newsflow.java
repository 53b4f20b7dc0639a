package org.newsflow.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsflow} command. Each service also runs on its own ({@code newsflow ingest|enrich|sink}) against
 * any Kafka cluster; {@code demo} runs all of them in one process on an embedded broker.
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
            EvalCommand.class,
            BenchCommand.class,
            DlqCommand.class,
            BrokerCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Newsflow implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new Newsflow()).execute(args);
        System.exit(exit);
    }
}
