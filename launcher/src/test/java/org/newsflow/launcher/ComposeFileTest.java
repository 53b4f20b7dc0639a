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
 * and data. The monitoring files are checked the same way: Prometheus loads the alert rules, and the dashboard and the
 * alerts use only meters the services register and tables the sink's schema has.
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
    void prometheusLoadsTheAlertRulesComposeMounts() throws IOException {
        JsonNode prometheus = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        assertThat(strings(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
        assertThat(strings(services.get("prometheus").get("volumes"))).contains("./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/prometheus/alerts.yml").toFile());
        List<String> alerts = new ArrayList<>();
        rules.get("groups").forEach(g -> g.get("rules").forEach(r -> {
            assertThat(r.path("expr").asText()).as("expr of %s", r.path("alert")).isNotBlank();
            alerts.add(r.get("alert").asText());
        }));
        assertThat(alerts).contains("NewsflowPipelineStalled", "NewsflowDeadLetterRateRising", "NewsflowConsumerLagGrowing");
    }

    /**
     * A renamed meter leaves a dashboard panel or an alert silently empty: every newsflow_* series they use must be a
     * meter some service registers (Micrometer's dotted name, before the Prometheus suffixes).
     */
    @Test
    void dashboardsAndAlertsUseOnlyMetersTheServicesRegister() throws IOException {
        String used = Files.readString(ROOT.resolve("deploy/prometheus/alerts.yml"))
                + Files.readString(ROOT.resolve("deploy/grafana/dashboards/newsflow.json"));
        Matcher m = Pattern.compile("newsflow_[a-z_]+").matcher(used);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group());
        }
        assertThat(names).contains("newsflow_sink_partition_lag", "newsflow_enrich_partition_lag", "newsflow_enrich_article_seconds_bucket");
        for (String name : names) {
            assertThat(registered(name)).as("%s is a meter some service registers", name).isTrue();
        }
    }

    private static boolean registered(String series) {
        String name = series;
        while (true) {
            if (mainSources.contains("\"" + name.replace('_', '.') + "\"")) {
                return true;
            }
            String stripped = name.replaceFirst("_(total|bucket|sum|count|max|seconds|bytes)$", "");
            if (stripped.equals(name)) {
                return false;
            }
            name = stripped;
        }
    }

    @Test
    void grafanaQueriesTheSinkStoreThroughAProvisionedPostgresDatasource() throws IOException {
        String datasources = Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/postgres.yml"));
        assertThat(datasources).contains("type: grafana-postgresql-datasource", "url: postgres:5432", "$POSTGRES_PASSWORD");
        JsonNode grafanaEnv = services.get("grafana").get("environment");
        assertThat(grafanaEnv.has("POSTGRES_USER") && grafanaEnv.has("POSTGRES_PASSWORD")).isTrue();
        String schema = Files.readString(ROOT.resolve("sink/src/main/resources/db/migration/V1__articles.sql"));
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/dashboards/newsflow.json").toFile());
        int sqlPanels = 0;
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String sql = target.path("rawSql").asText();
                if (sql.isEmpty()) {
                    continue;
                }
                sqlPanels++;
                Matcher tables = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([a-z_]+)").matcher(sql);
                while (tables.find()) {
                    assertThat(schema).as("table %s of panel %s", tables.group(1), panel.get("title")).contains("CREATE TABLE " + tables.group(1) + " (");
                }
            }
        }
        assertThat(sqlPanels).isGreaterThanOrEqualTo(2);
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
