package org.newsflow.sink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.sink.PostgresTestSupport;

/**
 * The sink benchmark on the embedded broker; skipped unless asked for (a measurement, not a test):
 * {@code mvn -B -q -pl sink -am test -Dtest=SinkBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dnewsflow.bench.n=50000}
 * Optional: {@code -Dnewsflow.bench.store=sqlite:/tmp/bench.db} (default: PostgreSQL, schema sink_bench, recreated).
 */
@EnabledIfSystemProperty(named = "newsflow.bench.n", matches = "\\d+")
class SinkBenchmarkTest {
    @Test
    void load_n_enriched_records_from_the_topic() throws Exception {
        int n = Integer.parseInt(System.getProperty("newsflow.bench.n"));
        String store = System.getProperty("newsflow.bench.store");
        if (store == null || store.isBlank()) {
            store = PostgresTestSupport.freshSchemaUrl("sink_bench");
        }
        int partitions = Integer.getInteger("newsflow.bench.partitions", 4);
        System.out.println("load average before: " + SinkBenchmark.loadAverage());
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            SinkBenchmark.Result result = SinkBenchmark.run(broker.bootstrapServers(), store, n, partitions);
            System.out.println(result);
            System.out.println("measured at " + java.time.Instant.now() + " with " + Runtime.getRuntime().availableProcessors()
                    + " cores; load average after: " + SinkBenchmark.loadAverage());
            assertThat(result.articles()).isEqualTo(n);
        }
    }
}
