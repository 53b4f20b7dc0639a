package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus alert rules ({@code deploy/prometheus/alerts.yml}) through promtool: they parse
 * ({@code promtool check rules}) and their unit tests pass ({@code promtool test rules alerts.test.yml}: input series
 * that make each alert fire, and healthy ones that keep it silent), and prometheus.yml passes {@code promtool check
 * config} with them. Without promtool (Debian's {@code prometheus}
 * package, installed by .ci/run) the checks are skipped with a message, except under CI=true, where that fails.
 */
class AlertRulesTest {
    private static final Path DIR = Path.of("..", "deploy", "prometheus");
    private static final String RULES_IN_CONTAINER = "/etc/prometheus/alerts.yml";
    private static final String TOKEN_IN_CONTAINER = "/run/secrets/api_token";
    private static final Pattern ALERT = Pattern.compile("^\\s*- alert: (\\S+)", Pattern.MULTILINE);
    private static final Pattern FIRED = Pattern.compile("alertname: (\\S+)\\s+exp_alerts:\\s+- exp_labels", Pattern.MULTILINE);

    @Test
    void the_rules_parse_and_their_unit_tests_pass() throws Exception {
        Path promtool = promtool();
        String check = run(promtool, "check", "rules", DIR.resolve("alerts.yml").toString());
        assertThat(check).contains("SUCCESS: 6 rules found");
        String test = run(promtool, "test", "rules", DIR.resolve("alerts.test.yml").toString());
        assertThat(test).contains("SUCCESS").doesNotContain("FAILED");
    }

    /**
     * prometheus.yml as compose mounts it: its paths point into the container (the rules at /etc/prometheus, the
     * token at /run/secrets), so they are pointed at a copy of the rules and a token file before the check.
     */
    @Test
    void the_prometheus_configuration_is_valid(@TempDir Path tmp) throws Exception {
        Path promtool = promtool();
        String config = Files.readString(DIR.resolve("prometheus.yml"));
        assertThat(config).contains(RULES_IN_CONTAINER, TOKEN_IN_CONTAINER);
        Path rules = Files.copy(DIR.resolve("alerts.yml"), tmp.resolve("alerts.yml"));
        Path token = Files.writeString(tmp.resolve("api_token"), "a-token-for-the-check-only");
        Path local = Files.writeString(tmp.resolve("prometheus.yml"), config.replace(RULES_IN_CONTAINER, rules.toString())
                .replace(TOKEN_IN_CONTAINER, token.toString()));
        assertThat(run(promtool, "check", "config", local.toString())).contains("SUCCESS: 1 rule files found");
    }

    /** promtool only runs the tests there are: every alert must have one in which it fires. */
    @Test
    void every_alert_has_a_unit_test_in_which_it_fires() throws Exception {
        List<String> alerts = names(ALERT, Files.readString(DIR.resolve("alerts.yml")));
        List<String> fired = names(FIRED, Files.readString(DIR.resolve("alerts.test.yml")));
        assertThat(alerts).hasSize(6);
        assertThat(fired).containsAll(alerts);
    }

    private static List<String> names(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.results().map(r -> r.group(1)).distinct().toList();
    }

    private static String run(Path promtool, String... args) throws Exception {
        File out = File.createTempFile("promtool", ".txt");
        out.deleteOnExit();
        Process p = new ProcessBuilder(Stream.concat(Stream.of(promtool.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true).redirectOutput(out).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", args) + ":\n" + text).isZero();
        return text;
    }

    private static Path promtool() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<Path> found = Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, "promtool"))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String why = "promtool is needed to check the alert rules (apt-get install prometheus)";
            assertThat(System.getenv("CI")).as(why + "; CI=true, so this is a failure, not a skip").isNotEqualTo("true");
            Assumptions.abort(why + "; skipped");
        }
        return found.get();
    }
}
