package org.newsflow.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The embedded KRaft broker as its own long-running process, so that ingest, enrich and sink can run as separate
 * processes on one machine without Docker (see the README). Its data stays in {@code --data-dir} across restarts.
 * It is the real Kafka server code with one node and one replica per partition: for development and demos, not for
 * production, where a real cluster is configured by bootstrap servers.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft, in-process) until Ctrl-C, with the newsflow topics created.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "client (PLAINTEXT) port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port on 127.0.0.1 (default ${DEFAULT-VALUE})")
    int controllerPort;

    @Option(names = "--data-dir", defaultValue = "data/kafka", description = "log directory, kept across restarts (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--partitions", defaultValue = "4", description = "partitions of the raw and enriched topics (the parallelism bound; default ${DEFAULT-VALUE})")
    int partitions;

    @Override
    public Integer call() throws Exception {
        Topics topics = Topics.from(Settings.fromEnvironment());
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, port, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("newsflow broker: stopping ...");
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        broker.createTopics(Map.of(topics.raw(), partitions, topics.enriched(), partitions, topics.dlq(), 1));
        System.out.printf("newsflow broker: Kafka at %s (data %s); topics %s, %s (%d partitions), %s; Ctrl-C stops it%n",
                broker.bootstrapServers(), dataDir.toAbsolutePath(), topics.raw(), topics.enriched(), partitions, topics.dlq());
        stopped.await();
        return 0;
    }
}
