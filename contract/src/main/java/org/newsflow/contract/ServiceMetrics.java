package org.newsflow.contract;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The meters every newsflow service exports besides its own: the JVM (memory, GC, threads, class loading), the
 * process (CPU, uptime, open files) and its Kafka clients (Micrometer's binders, {@code jvm_*}, {@code process_*},
 * {@code system_*}, {@code kafka_*}). Needs Micrometer on the classpath (an optional dependency of this module: the
 * services have it, consumers of the records do not).
 */
public final class ServiceMetrics {
    /** Registries already given the JVM meters: the demo shares one registry between the three services. */
    private static final Set<MeterRegistry> BOUND = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private ServiceMetrics() {}

    /**
     * Binds the JVM and process meters to {@code registry}, once per registry (a second GC binder would count every
     * collection twice). They live as long as the process.
     */
    @SuppressWarnings("resource") // JvmGcMetrics listens to GC notifications for the life of the process
    public static void bindJvm(MeterRegistry registry) {
        if (!BOUND.add(registry)) {
            return;
        }
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /**
     * The client's own metrics (request rates, errors, fetch lag per partition, batch sizes...) as
     * {@code kafka_consumer_*} / {@code kafka_producer_*}, tagged with its client id. Close the result with the client.
     */
    public static KafkaClientMetrics bindKafkaClient(MeterRegistry registry, Consumer<?, ?> consumer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(registry);
        return metrics;
    }

    /** As {@link #bindKafkaClient(MeterRegistry, Consumer)}, for a producer. */
    public static KafkaClientMetrics bindKafkaClient(MeterRegistry registry, Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }
}
