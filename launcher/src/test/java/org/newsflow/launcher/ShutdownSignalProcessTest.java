package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;

/**
 * A real process, stopped by a real signal (SIGTERM, which runs the same shutdown hooks as Ctrl-C): the embedded
 * broker, opened the way {@code demo --serve} opens it, is closed in order and its temporary data removed.
 */
class ShutdownSignalProcessTest {
    /** The process under test: a broker held open until a signal, as the demo does while serving. */
    public static void main(String[] args) {
        try (ShutdownSignal signal = ShutdownSignal.install(Duration.ofSeconds(30))) {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
                System.out.println("SERVING " + broker.bootstrapServers());
                System.out.flush();
                signal.await();
                System.out.println("STOPPING");
            }
            // Still inside the signal's block: once it closes, the JVM may exit at any moment.
            System.out.println("STOPPED");
            System.out.flush();
        }
    }

    @Test
    void a_signal_closes_the_broker_and_removes_its_temporary_data(@TempDir Path tmp) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx512m", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), ShutdownSignalProcessTest.class.getName())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("SERVING")) {
                output.add(line);
            }
            assertThat(line).as("the process started its broker; output: %s", output).isNotNull();
            assertThat(brokerDirs(tmp)).hasSize(1);

            process.destroy(); // SIGTERM
            while ((line = out.readLine()) != null) {
                output.add(line);
            }
        } finally {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(output).contains("STOPPING", "STOPPED");
        assertThat(brokerDirs(tmp)).as("the broker's temp data is removed").isEmpty();
    }

    private static List<Path> brokerDirs(Path tmp) throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("newsflow-kafka-")).toList();
        }
    }
}
