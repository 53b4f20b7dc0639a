package org.newsflow.kafka.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (one process playing both the broker and
 * the controller role), running inside the current JVM. Meant for the demo launcher and for
 * integration tests: transactions, idempotent producers and consumer groups all work because it
 * is the genuine broker code, only with every internal topic shrunk to one replica.
 *
 * <p>The ports are chosen once, at {@link #start}, and reused by {@link #restart()} so clients
 * configured with {@link #bootstrapServers()} reconnect on their own after a restart.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final boolean ownsDataDir;
    /** Kept as plain properties: a KafkaConfig accumulates dynamic-config listeners from the
     *  server that used it, so every (re)start builds a fresh one from these. */
    private final Map<String, String> brokerProps;
    private final String bootstrapServers;
    private KafkaRaftServer server; // null while stopped
    private boolean closed;

    private EmbeddedKafkaBroker(Path dataDir, boolean ownsDataDir, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        if (brokerPort == 0) {
            brokerPort = freePort();
        }
        while (controllerPort == 0 || controllerPort == brokerPort) {
            controllerPort = freePort();
        }
        this.bootstrapServers = HOST + ":" + brokerPort;
        this.brokerProps = brokerProps(dataDir, brokerPort, controllerPort);
    }

    /** Starts a broker with data in a fresh temp dir (deleted on close). */
    public static EmbeddedKafkaBroker start() {
        try {
            return launch(Files.createTempDirectory("newsflow-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the broker", e);
        }
    }

    /** Starts a broker whose log dir is dataDir (kept after close, so a restart keeps the data). */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        try {
            return launch(Files.createDirectories(dataDir.toAbsolutePath()), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create broker data dir " + dataDir, e);
        }
    }

    /**
     * Starts a broker on fixed ports (0 = any free port) with its log dir in dataDir, kept after close: the
     * standalone {@code newsflow broker}, which separate service processes find at a known address.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
        try {
            return launch(Files.createDirectories(dataDir.toAbsolutePath()), false, brokerPort, controllerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create broker data dir " + dataDir, e);
        }
    }

    private static EmbeddedKafkaBroker launch(Path dataDir, boolean ownsDataDir) {
        return launch(dataDir, ownsDataDir, 0, 0);
    }

    private static EmbeddedKafkaBroker launch(Path dataDir, boolean ownsDataDir, int brokerPort, int controllerPort) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, ownsDataDir, brokerPort, controllerPort);
        try {
            broker.format();
            broker.startServer();
            return broker;
        } catch (RuntimeException e) {
            broker.close(); // don't leak a temp dir or half-started threads
            throw e;
        }
    }

    /** "127.0.0.1:PORT" of the PLAINTEXT listener; stable across {@link #restart()}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Creates topics if absent (idempotent), waits until they are usable. An existing topic is
     * left as it is, even if it has a different partition count.
     */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        if (partitionsByTopic.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-admin"))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .collect(Collectors.toList());
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Another client may have created it between listing and creating: fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaException("cannot create topic " + result.getKey(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, partitionsByTopic.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot create topics " + partitionsByTopic.keySet(), e);
        }
    }

    /**
     * Creation returns once the controller has committed the topic; producers need every
     * partition to have a leader in the broker's metadata, which follows a moment later.
     */
    private static void awaitLeaders(Admin admin, Set<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                boolean ready = described.values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new KafkaException("cannot describe topics " + topics, e.getCause());
                }
            } catch (TimeoutException e) {
                // retried below until the overall deadline
            }
            if (System.nanoTime() > deadline) {
                throw new KafkaException("topics " + topics + " have no leader after " + TOPIC_READY_TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** Stops the broker process but keeps its data and port; restart() brings it back on the same port. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        LOG.info("Embedded Kafka at {} stopped in {} ms", bootstrapServers, elapsedMs(t0));
    }

    /**
     * Starts the broker again on the same ports and data, stopping it first if it is running;
     * returns once clients can produce and consume.
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("broker is closed");
        }
        stop();
        startServer();
    }

    private void startServer() {
        long t0 = System.nanoTime();
        // doLog=false: the full config dump is hundreds of lines per start.
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(brokerProps, false), Time.SYSTEM);
        try {
            // Blocks until the broker has caught up with the metadata log and is unfenced,
            // i.e. until clients can produce and consume.
            s.startup();
        } catch (RuntimeException e) {
            s.shutdown();
            s.awaitShutdown();
            throw e;
        }
        server = s;
        LOG.info("Embedded Kafka started at {} (data {}) in {} ms", bootstrapServers, dataDir, elapsedMs(t0));
    }

    /** Stops the broker and deletes the data dir if it was a temp dir created by {@link #start()}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (ownsDataDir) {
                try {
                    Utils.delete(dataDir.toFile());
                } catch (IOException e) {
                    LOG.warn("Could not delete embedded Kafka data dir {}", dataDir, e);
                }
            }
        }
    }

    /**
     * Same work as {@code kafka-storage.sh format --ignore-formatted}: writes meta.properties and
     * the bootstrap metadata snapshot. An already formatted dir (a restart on kept data) is left
     * alone; even then the formatter checks the cluster id, so the dir's own id is passed back in.
     */
    private void format() {
        KafkaConfig config = new KafkaConfig(brokerProps, false);
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream())) // it prints to stdout by default
                    .setNodeId(NODE_ID)
                    .setClusterId(existingClusterId().orElseGet(() -> Uuid.randomUuid().toString()))
                    .setIgnoreFormatted(true)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDir.toString())
                    // Static controller.quorum.voters (kraft.version 0): the voter's address lives in
                    // the config, not in the log, so a kept data dir can restart on new ports.
                    .setHasDynamicQuorum(false)
                    .setWriteBootstrapSnapshot(true)
                    .run();
        } catch (Exception e) {
            throw new KafkaException("cannot format Kafka log dir " + dataDir, e);
        }
    }

    private Optional<String> existingClusterId() throws IOException {
        Path metaFile = dataDir.resolve("meta.properties"); // written by the formatter
        if (!Files.exists(metaFile)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(metaFile)) {
            meta.load(in);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    private static Map<String, String> brokerProps(Path dataDir, int brokerPort, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        // One node: every internal topic must accept a single replica. One partition each also
        // makes them much quicker to create than the default 50.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // Tests and the demo want consumers assigned at once, not after the default 3 s wait.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The compaction buffer defaults to 128 MiB of heap; the embedded topics are tiny.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    /** Asks the OS for a free port; it could in theory be taken again before the broker binds it. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
