package org.newsflow.chaos;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.newsflow.sink.TcpProxy;
import org.newsflow.sink.TestPostgres;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.Topics;

/**
 * The pipeline under test, every part a separate process: a Kafka broker ({@link BrokerMain}), enrich instances and a
 * sink ({@code newsflow enrich|sink}, the launcher's real commands), the sink writing to the machine's PostgreSQL
 * through a {@link TcpProxy} (so the database can be cut off), in a fresh schema that is dropped at the end.
 * The test reads topics with its own consumers and the table with plain JDBC, never through the services.
 */
final class Pipeline implements AutoCloseable {
    static final String NEWSFLOW = "org.newsflow.launcher.Newsflow";
    /** The tests' PostgreSQL: NEWSFLOW_TEST_PG_URL, else a real server started from Maven artifacts (sink's TestPostgres). */
    static final TestPostgres.Server DB = TestPostgres.server();
    static final String PG = DB.jdbcUrl();
    static final Topics TOPICS = Topics.defaults();
    static final String ENRICH_GROUP = "newsflow-enrich";
    static final String SINK_GROUP = "newsflow-sink";

    final Path work;
    final Path logs;
    final int partitions;
    final String schema = "chaos_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final TcpProxy dbProxy;
    final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Map<String, Integer> brokerCommands = new HashMap<>();
    private ServiceProcess broker;
    String bootstrap;

    Pipeline(Path work, int partitions) throws Exception {
        this.work = work;
        this.logs = Path.of("target", "chaos-logs", work.getFileName().toString()).toAbsolutePath();
        this.partitions = partitions;
        // Logs of an earlier run would be read as this run's (the broker's address is taken from its log).
        if (Files.exists(logs)) {
            org.apache.kafka.common.utils.Utils.delete(logs.toFile());
        }
        this.dbProxy = new TcpProxy(DB.port());
    }

    void startBroker() {
        broker = ServiceProcess.start("broker", logs, "768m", Map.of(), BrokerMain.class.getName(),
                work.resolve("kafka").toString(), Integer.toString(partitions));
        broker.awaitOutput(BrokerMain.READY, 1, Duration.ofSeconds(90));
        String out = broker.output();
        int i = out.indexOf(BrokerMain.READY) + BrokerMain.READY.length();
        bootstrap = out.substring(i, out.indexOf('\n', i)).trim();
        processes.put("broker", broker);
    }

    /** Sends {@code stop} or {@code start} to the broker process and waits until it is done. */
    void broker(String command) {
        int n = brokerCommands.merge(command, 1, Integer::sum);
        broker.send(command);
        broker.awaitOutput("OK " + command, n, Duration.ofSeconds(120));
    }

    String storeUrl() {
        return "postgresql://127.0.0.1:" + dbProxy.port() + "/" + DB.database() + "?user=" + DB.user() + "&currentSchema=" + schema;
    }

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("NEWSFLOW_BOOTSTRAP_SERVERS", bootstrap);
        return env;
    }

    /**
     * An enrich instance with a stable instance id (the transactional-id prefix), as a restarted replica would have:
     * its restart fences the transactions its killed predecessor left open.
     */
    ServiceProcess startEnrich(String name, Map<String, String> extraEnv) {
        Map<String, String> env = env();
        env.put("NEWSFLOW_ENRICH_INSTANCE", name);
        env.put("NEWSFLOW_ENRICH_THREADS", "1");
        env.put("NEWSFLOW_ENRICH_MAX_BATCH", "10");
        env.put("NEWSFLOW_ENRICH_METRICS_PORT", "0");
        env.putAll(extraEnv);
        ServiceProcess p = ServiceProcess.start(name, logs, "1500m", env, NEWSFLOW, "enrich");
        processes.put(name, p);
        return p;
    }

    ServiceProcess startSink(Map<String, String> extraEnv) {
        Map<String, String> env = env();
        env.put("NEWSFLOW_SINK_STORE", storeUrl());
        env.put("NEWSFLOW_SINK_HTTP_PORT", "0");
        env.put("NEWSFLOW_SINK_MAX_POLL_RECORDS", "200");
        // The outage test needs the sink to notice the database is back within a bound it can state.
        env.put("NEWSFLOW_SINK_RETRY_MAX_MS", "2000");
        env.put("NEWSFLOW_SINK_DB_TIMEOUT_MS", "3000");
        env.putAll(extraEnv);
        ServiceProcess p = ServiceProcess.start("sink", logs, "512m", env, NEWSFLOW, "sink");
        processes.put("sink", p);
        return p;
    }

    /** {@code newsflow ingest PATH...} as a process; returns its output once it has exited. */
    String ingest(Path... inputs) throws Exception {
        List<String> args = new ArrayList<>();
        args.add("ingest");
        for (Path p : inputs) {
            args.add(p.toString());
        }
        ServiceProcess p = ServiceProcess.start("ingest", logs, "512m", env(), NEWSFLOW, args.toArray(String[]::new));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (p.alive() && System.nanoTime() < deadline) {
            ServiceProcess.sleep(200);
        }
        if (p.alive()) {
            p.kill9();
            throw new IllegalStateException("ingest did not finish in 2 minutes: " + p.output());
        }
        return p.output();
    }

    KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024); // the poison corpus needs to reach the broker
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Every committed record of a topic, read up to its current end (the last stable offset for read_committed), so
     * the result is exact rather than "whatever arrived within a timeout".
     */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * Consumer lag of a group per partition: end offset minus committed offset. On transactional topics a group that
     * has read everything still shows 1-2 per partition (the commit markers), so callers compare against that.
     */
    Map<TopicPartition, Long> lag(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int i = 0; i < partitions; i++) {
                request.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> lag = new java.util.TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
            var ends = admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
            for (TopicPartition tp : request.keySet()) {
                OffsetAndMetadata c = committed.get(tp);
                lag.put(tp, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
            }
            return lag;
        }
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(PG);
    }

    /** Every stored article id, with how many rows it has (more than one would be a duplicate). */
    Map<String, Integer> storedIds() throws SQLException {
        Map<String, Integer> ids = new HashMap<>();
        try (Connection c = db(); Statement s = c.createStatement()) {
            if (!tableExists(c)) {
                return ids;
            }
            try (ResultSet rs = s.executeQuery("SELECT id, count(*) FROM " + schema + ".articles GROUP BY id")) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return ids;
    }

    boolean allStored(Collection<String> ids) throws SQLException {
        return storedIds().keySet().containsAll(ids);
    }

    private boolean tableExists(Connection c) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = 'articles'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(r -> keys.add(r.key()));
        return keys;
    }

    static String utf8(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        List<ServiceProcess> all = new ArrayList<>(processes.values());
        java.util.Collections.reverse(all);
        for (ServiceProcess p : all) {
            try {
                p.signal("CONT"); // a paused process ignores SIGTERM until resumed
            } catch (RuntimeException ignored) {
                // already gone
            }
            p.close();
        }
        dbProxy.close();
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        if (Files.exists(work)) {
            org.apache.kafka.common.utils.Utils.delete(work.toFile());
        }
    }
}
