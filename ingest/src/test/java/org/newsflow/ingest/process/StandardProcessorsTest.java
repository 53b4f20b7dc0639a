package org.newsflow.ingest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Settings;
import org.newsflow.ingest.publish.IngestConfig;

class StandardProcessorsTest {
    @Test
    void withoutABrokerTheServiceStartsDegradedInsteadOfWaitingForTheReplay() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        IngestConfig config = IngestConfig.from(Settings.of(Map.of("BOOTSTRAP_SERVERS", "127.0.0.1:" + port, "INGEST_MAX_BLOCK_MS", "1000")));
        long start = System.nanoTime();
        List<ArticleProcessor> processors = StandardProcessors.create(config, Settings.of(Map.of("INGEST_LANGUAGE", "false")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the replay's own timeout is 2 minutes").isLessThan(Duration.ofSeconds(15));
        assertThat(processors).singleElement().isInstanceOf(NearDuplicateProcessor.class);
        Thread waiting = StandardProcessors.restore(config, new NearDuplicateProcessor(NearDuplicateProcessor.Config.defaults()));
        assertThat(waiting).as("the replay waits for a broker in the background").isNotNull();
        assertThat(waiting.isAlive()).isTrue();
        assertThat(waiting.isDaemon()).isTrue();
        waiting.interrupt();
        waiting.join(10_000);
        assertThat(waiting.isAlive()).isFalse();
    }
}
