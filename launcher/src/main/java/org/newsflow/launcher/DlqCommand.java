package org.newsflow.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.newsflow.contract.Json;
import org.newsflow.contract.Topics;
import org.newsflow.launcher.dlq.DeadLetter;
import org.newsflow.launcher.dlq.DeadLetterTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow dlq list|show|replay}: what was rejected and why, and a way to send it back through the
 * pipeline once the cause is fixed (a new release of enrich, a repaired database).
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "List, show and replay records of the dead-letter topic.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options shared by the subcommands: where the topic is, and which dead letters. */
    abstract static class DlqOptions extends ServiceCommands.ServiceCommand {
        DlqOptions() {
            super(org.newsflow.contract.CommonSettings.ALL);
        }

        @Option(names = "--topic", description = "dead-letter topic (env NEWSFLOW_TOPIC_DLQ, default news.articles.dlq)")
        String topic;

        @Option(names = "--stage", description = "only dead letters of this stage (ingest, enrich, sink)")
        String stage;

        @Option(names = "--reason-contains", paramLabel = "TEXT", description = "only dead letters whose reason contains TEXT (case-insensitive)")
        String reasonContains;

        @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for the broker (default ${DEFAULT-VALUE})")
        int timeoutSeconds;

        DeadLetterTopic dlq() {
            return new DeadLetterTopic(org.newsflow.contract.KafkaClients.from(settings()),
                    topic != null ? topic : Topics.from(settings()).dlq(), Duration.ofSeconds(timeoutSeconds));
        }

        Predicate<DeadLetter> filter() {
            String needle = reasonContains == null ? null : reasonContains.toLowerCase(Locale.ROOT);
            return d -> (stage == null || stage.equals(d.stage()))
                    && (needle == null || d.reason().toLowerCase(Locale.ROOT).contains(needle));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.Common.class, description = "One line per dead letter: position, stage, key, size, reason.")
    static final class ListLetters extends DlqOptions implements Callable<Integer> {
        @Option(names = "--json", description = "JSON Lines instead of a table")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            List<DeadLetter> letters = dlq().read(filter());
            for (DeadLetter d : letters) {
                if (json) {
                    out.println(Json.toString(summary(d)));
                } else {
                    out.printf("%-10s %-7s %-40s %8d B  %s%n", d.position(), d.stage(), d.key(), d.value().length, oneLine(d.reason()));
                }
            }
            if (!json) {
                out.printf("%d dead letters%n", letters.size());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.Common.class, description = "Headers and content of one dead letter.")
    static final class Show extends DlqOptions implements Callable<Integer> {
        @Parameters(paramLabel = "PARTITION@OFFSET")
        String position;

        @Override
        public Integer call() throws Exception {
            DeadLetter d = dlq().find(position);
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            out.println("position: " + d.position());
            out.println("key: " + d.key());
            out.println("written: " + Instant.ofEpochMilli(d.timestamp()));
            d.headers().forEach((k, v) -> out.println(k + ": " + v));
            out.println("value (" + d.value().length + " bytes):");
            out.println(d.text().orElseGet(() -> "(binary) " + HexFormat.of().formatHex(d.value(), 0, Math.min(256, d.value().length))));
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, modelTransformer = SettingOptions.Common.class,
            description = "Republish dead letters to the topic they failed on (or --to TOPIC), after the cause is fixed.")
    static final class Replay extends DlqOptions implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "PARTITION@OFFSET", description = "dead letters to replay (see 'dlq list')")
        List<String> positions = new ArrayList<>();

        @Option(names = "--all", description = "every dead letter that passes --stage / --reason-contains")
        boolean all;

        @Option(names = "--to", paramLabel = "TOPIC", description = "target topic instead of each record's source topic")
        String to;

        @Option(names = "--dry-run", description = "print what would be replayed, send nothing")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            if (positions.isEmpty() == !all) {
                System.err.println("newsflow dlq replay: give PARTITION@OFFSET... or --all (with optional --stage / --reason-contains)");
                return 2;
            }
            DeadLetterTopic dlq = dlq();
            List<DeadLetter> letters = new ArrayList<>();
            if (all) {
                letters.addAll(dlq.read(filter()));
            } else {
                for (String p : positions) {
                    letters.add(dlq.find(p));
                }
            }
            for (DeadLetter d : letters) {
                System.out.printf("%s %s -> %s%n", dryRun ? "would replay" : "replaying", d.position(),
                        to != null ? to : d.sourceTopic().orElse("(no source topic)"));
            }
            if (!dryRun) {
                System.out.printf("%d dead letters replayed%n", dlq.replay(letters, to));
            }
            return 0;
        }
    }

    private static java.util.Map<String, Object> summary(DeadLetter d) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("position", d.position());
        m.put("key", d.key());
        m.put("bytes", d.value().length);
        m.put("timestamp", Instant.ofEpochMilli(d.timestamp()).toString());
        m.put("headers", d.headers());
        return m;
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
