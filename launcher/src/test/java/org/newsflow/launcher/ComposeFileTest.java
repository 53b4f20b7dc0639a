package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * No container engine runs on the build machines, so docker-compose.yml is checked by reading it: every newsflow
 * command in it parses with the launcher's own command line, every NEWSFLOW_ variable is one the code reads, every
 * port agrees with the service's setting and its healthcheck, and the Docker build context leaves out build output
 * and data.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static JsonNode services;
    private static String mainSources;

    @BeforeAll
    static void read() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode read = root.get("services");
        // YAML merge keys ("<<: *newsflow") are not applied by the parser, which gives the alias's name: apply the
        // extension field it names (x-newsflow: &newsflow) here, the service's own keys winning.
        com.fasterxml.jackson.databind.node.ObjectNode merged = new ObjectMapper().createObjectNode();
        read.properties().forEach(e -> {
            com.fasterxml.jackson.databind.node.ObjectNode service = ((com.fasterxml.jackson.databind.node.ObjectNode) e.getValue()).deepCopy();
            JsonNode alias = service.remove("<<");
            JsonNode base = alias == null ? null : alias.isObject() ? alias : root.get("x-" + alias.asText());
            if (base != null) {
                base.properties().forEach(b -> {
                    if (!service.has(b.getKey())) {
                        service.set(b.getKey(), b.getValue());
                    }
                });
            }
            merged.set(e.getKey(), service);
        });
        services = merged;
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                all.append(Files.readString(f));
            }
        }
        mainSources = all.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /** The newsflow arguments of a service: the command, after "ingest" when the entrypoint fixes the subcommand. */
    private static List<String> newsflowArgs(JsonNode service) {
        List<String> entry = strings(service.get("entrypoint"));
        List<String> args = new ArrayList<>();
        int jar = entry.indexOf("/app/newsflow.jar");
        if (jar >= 0) {
            args.addAll(entry.subList(jar + 1, entry.size()));
        }
        args.addAll(strings(service.get("command")));
        return args;
    }

    private static boolean isNewsflow(JsonNode service) {
        return service.path("image").asText().startsWith("newsflow:");
    }

    @Test
    void everyNewsflowCommandParsesWithTheLauncher() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : services.properties()) {
            if (!isNewsflow(e.getValue())) {
                continue;
            }
            List<String> args = newsflowArgs(e.getValue());
            assertThat(args).as(e.getKey() + " names a newsflow command").isNotEmpty();
            // parseArgs checks subcommand names, options and their arity without running anything.
            new CommandLine(new Newsflow()).parseArgs(args.toArray(String[]::new));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyNewsflowVariableIsOneTheCodeReads() {
        for (Map.Entry<String, JsonNode> e : services.properties()) {
            JsonNode env = e.getValue().get("environment");
            if (env == null) {
                continue;
            }
            env.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("NEWSFLOW_")) {
                    String key = name.substring("NEWSFLOW_".length());
                    assertThat(mainSources.contains("\"" + key + "\"") || mainSources.contains("\"" + name + "\""))
                            .as("%s in service %s is read by some service (Settings key \"%s\")", name, e.getKey(), key).isTrue();
                }
            });
        }
    }

    @Test
    void portsAgreeWithSettingsAndHealthchecks() {
        JsonNode sink = services.get("sink");
        String sinkPort = sink.get("environment").get("NEWSFLOW_SINK_HTTP_PORT").asText();
        assertThat(strings(sink.get("ports"))).anySatisfy(p -> assertThat(p).endsWith(":" + sinkPort));
        assertThat(healthcheckPort(sink)).isEqualTo(sinkPort);

        JsonNode enrich = services.get("enrich");
        assertThat(healthcheckPort(enrich)).isEqualTo(enrich.get("environment").get("NEWSFLOW_ENRICH_METRICS_PORT").asText());

        JsonNode ingest = services.get("ingest");
        List<String> args = newsflowArgs(ingest);
        String listen = args.get(args.indexOf("--listen") + 1);
        String ingestPort = listen.substring(listen.lastIndexOf(':') + 1);
        assertThat(strings(ingest.get("ports"))).anySatisfy(p -> assertThat(p).endsWith(":" + ingestPort));
        assertThat(healthcheckPort(ingest)).isEqualTo(ingestPort);
    }

    @Test
    void prometheusScrapesThePortsTheServicesServe() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(prometheus).contains("sink:" + services.get("sink").get("environment").get("NEWSFLOW_SINK_HTTP_PORT").asText());
        assertThat(prometheus).contains("port: " + services.get("enrich").get("environment").get("NEWSFLOW_ENRICH_METRICS_PORT").asText());
        assertThat(prometheus).contains("ingest:8085");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputDataAndSecrets() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertThat(ignored).contains("**/target", "data", ".env", ".git");
        assertThat(Files.readString(ROOT.resolve(".gitignore"))).contains(".env");
    }

    private static String healthcheckPort(JsonNode service) {
        String test = String.join(" ", strings(service.get("healthcheck").get("test")));
        Matcher m = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)").matcher(test);
        assertThat(m.find()).as("healthcheck of %s probes a local port", service).isTrue();
        return m.group(1);
    }
}
