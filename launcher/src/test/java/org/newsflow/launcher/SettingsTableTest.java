package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CommonSettings;
import org.newsflow.contract.Setting;
import org.newsflow.enrich.service.EnrichSettings;
import org.newsflow.ingest.publish.IngestSettings;
import org.newsflow.sink.consume.SinkSettings;

/**
 * The README's configuration table is generated from the settings declarations: this test renders it and fails when
 * the README's copy differs (a setting undocumented, a row for one that does not exist, a default or meaning that
 * changed). {@code -Dnewsflow.readme.update=true} rewrites the README's table instead. It also fails when main code
 * reads a setting by a name nobody declared, or a name is declared twice.
 */
class SettingsTableTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String BEGIN = "<!-- settings table: generated from CommonSettings, IngestSettings, EnrichSettings, SinkSettings by "
            + "SettingsTableTest (-Dnewsflow.readme.update=true rewrites it); edit the declarations, not this table -->";
    static final String END = "<!-- end of the generated settings table -->";
    /** Variables the README may name that are not service settings: the script's JVM options, the tests' database. */
    private static final Set<String> NOT_SETTINGS = Set.of("NEWSFLOW_JAVA_OPTS", "NEWSFLOW_TEST_PG_URL");

    static List<Setting> declared() {
        List<Setting> all = new ArrayList<>(CommonSettings.ALL);
        all.addAll(IngestSettings.ALL);
        all.addAll(EnrichSettings.ALL);
        all.addAll(SinkSettings.ALL);
        return all;
    }

    static String table(List<Setting> settings) {
        StringBuilder out = new StringBuilder("| variable | default | option | used by | meaning |\n|---|---|---|---|---|\n");
        for (Setting s : settings) {
            String shown = s.shownDefault();
            boolean literal = s.defaultValue() != null && shown.equals(s.defaultValue());
            String def = literal ? (shown.isEmpty() ? "empty" : "`" + shown + "`") : shown;
            out.append("| `").append(s.variable()).append("` | ").append(def.replace("|", "\\|"))
                    .append(" | ").append(s.option() == null ? "" : "`" + s.option() + "`")
                    .append(" | ").append(s.usedBy())
                    .append(" | ").append(s.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    @Test
    void the_readme_table_is_the_one_generated_from_the_declarations() throws IOException {
        Path readme = ROOT.resolve("README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README has the generated settings table's markers").isGreaterThanOrEqualTo(0);
        assertThat(end).isGreaterThan(begin);
        String current = text.substring(begin + BEGIN.length(), end).strip() + "\n";
        String generated = table(declared());
        if (Boolean.getBoolean("newsflow.readme.update")) {
            Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + "\n" + generated + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("README settings table (regenerate with -Dnewsflow.readme.update=true)").isEqualTo(generated);
    }

    @Test
    void every_variable_the_readme_names_is_declared() throws IOException {
        List<String> names = declared().stream().map(Setting::variable).toList();
        Matcher m = Pattern.compile("NEWSFLOW_[A-Z0-9_]+\\*?").matcher(Files.readString(ROOT.resolve("README.md")));
        Set<String> unknown = new TreeSet<>();
        while (m.find()) {
            String v = m.group();
            if (NOT_SETTINGS.contains(v)) {
                continue;
            }
            boolean known = v.endsWith("_") || v.endsWith("*")
                    ? names.stream().anyMatch(n -> n.startsWith(v.replace("*", "")))
                    : names.contains(v) || names.stream().anyMatch(n -> n.endsWith("_*") && v.startsWith(n.replace("*", "")));
            if (!known) {
                unknown.add(v);
            }
        }
        assertThat(unknown).as("variables the README names that no service declares").isEmpty();
    }

    @Test
    void every_setting_is_declared_once_and_every_name_read_in_main_code_is_declared() throws IOException {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting s : declared()) {
            assertThat(byName.put(s.name(), s)).as("declared twice: " + s.name()).isNull();
        }
        // Settings read by name, not through their declaration (code other teams still convert): the name must exist.
        Pattern read = Pattern.compile("\\.(?:get|getInt|getLong|getBoolean|find|with)\\(\"([A-Z][A-Z0-9_]*[A-Z0-9])\"");
        Set<String> undeclared = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
                    && !p.toString().contains("/target/")).toList()) {
                Matcher m = read.matcher(Files.readString(f));
                while (m.find()) {
                    if (!byName.containsKey(m.group(1))) {
                        undeclared.add(m.group(1) + " (" + ROOT.relativize(f) + ")");
                    }
                }
            }
        }
        assertThat(undeclared).as("settings read by a name no declaration has").isEmpty();
    }

    @Test
    void the_service_commands_offer_the_declared_options() {
        picocli.CommandLine cli = Newsflow.commandLine();
        for (Setting s : SinkSettings.service()) {
            if (s.option() != null) {
                assertThat(cli.getSubcommands().get("sink").getCommandSpec().findOption(s.option())).as(s.option()).isNotNull();
            }
        }
        assertThat(cli.getSubcommands().get("enrich").getCommandSpec().findOption("--threads")).isNotNull();
        assertThat(cli.getSubcommands().get("ingest").getCommandSpec().findOption("--bootstrap-servers")).isNotNull();
    }
}
