package org.newsflow.ingest.publish;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.newsflow.contract.Secrets;

/**
 * Asks the cluster for its brokers, with a short timeout: the start-up check of a one-shot ingest (fail in seconds
 * with one clear line instead of timing out article by article) and the readiness probe. The producer alone cannot
 * tell: its cached metadata stays valid while the broker is gone.
 */
public final class BrokerCheck implements AutoCloseable {
    private final String bootstrapServers;
    private final Duration timeout;
    private final Admin admin;

    public BrokerCheck(IngestConfig config) {
        this.bootstrapServers = config.bootstrapServers();
        this.timeout = config.maxBlock();
        this.admin = Admin.create(config.kafka().admin(config.clientId() + "-check").timeout(timeout).build());
    }

    /** Returns the number of brokers; throws {@link BrokerUnavailableException} with a one-line reason otherwise. */
    public int require() {
        long ms = timeout.toMillis();
        try {
            Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, ms)))
                    .nodes().get(ms + 1_000, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new BrokerUnavailableException("the Kafka cluster at " + Secrets.redact(bootstrapServers) + " reports no brokers", null);
            }
            return nodes.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while checking the Kafka broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailableException("no Kafka broker answered at " + Secrets.redact(bootstrapServers) + " within "
                    + seconds(timeout) + " (NEWSFLOW_BOOTSTRAP_SERVERS or --bootstrap-servers; NEWSFLOW_INGEST_MAX_BLOCK_MS bounds the wait)", e);
        }
    }

    /** True when a broker answers now. */
    public boolean reachable() {
        try {
            require();
            return true;
        } catch (BrokerUnavailableException e) {
            return false;
        }
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }
}
