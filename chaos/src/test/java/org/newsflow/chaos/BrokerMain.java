package org.newsflow.chaos;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.newsflow.contract.Topics;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/**
 * The Kafka broker in its own process, so the services see a broker go away and come back the way they would in
 * production, and the test JVM is not the broker. The real broker code (embedded-kafka module, KRaft), data in a fixed
 * directory. Commands on stdin: {@code stop} (shut the broker down, keep data and ports), {@code start} (start it again
 * on the same ports and data), EOF (exit). Each command is answered with {@code OK <command>} on stdout.
 *
 * <p>Why stop/start inside one process rather than killing it: the embedded broker picks its ports when it is created,
 * and clients must find the restarted broker at the same address; a stop here is a full server shutdown (every client
 * connection is cut, the group and transaction coordinators fail over to the restarted server, logs are reloaded).
 */
public final class BrokerMain {
    public static final String READY = "BOOTSTRAP ";

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir);
        Topics t = Topics.defaults();
        broker.createTopics(Map.of(t.raw(), partitions, t.enriched(), partitions, t.dlq(), 1));
        System.out.println(READY + broker.bootstrapServers());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.trim();
            switch (command) {
                case "stop" -> broker.stop();
                case "start" -> broker.restart();
                default -> {
                    System.out.println("unknown command " + command);
                    continue;
                }
            }
            System.out.println("OK " + command);
            System.out.flush();
        }
        broker.close();
        System.exit(0);
    }
}
