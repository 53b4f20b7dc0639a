package org.newsflow.launcher.bench;

import java.util.concurrent.Callable;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.sink.bench.SinkBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow bench sink}: how fast the sink loads enriched records from a topic into a store (docs/sink.md). */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Load N synthetic enriched records from a topic into the store and print articles/s.")
final class SinkBenchCommand implements Callable<Integer> {
    @Option(names = "--store", defaultValue = "postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=sink_bench",
            description = "store to load into (default: ${DEFAULT-VALUE})")
    String store;

    @Option(names = "--n", defaultValue = "50000", description = "records (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--partitions", defaultValue = "4", description = "partitions of the benchmark topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--bootstrap-servers", description = "use this Kafka cluster instead of an embedded broker")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        if (bootstrapServers != null) {
            System.out.println(SinkBenchmark.run(bootstrapServers, store, n, partitions));
            return 0;
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            System.out.println(SinkBenchmark.run(broker.bootstrapServers(), store, n, partitions));
        }
        return 0;
    }
}
