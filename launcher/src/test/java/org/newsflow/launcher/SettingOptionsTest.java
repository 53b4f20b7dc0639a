package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newsflow.enrich.service.EnrichConfig;
import org.newsflow.sink.consume.SinkConfig;
import picocli.CommandLine;

/** The options generated from the settings declarations override their variables (what SinkMain parsed by hand). */
class SettingOptionsTest {
    @Test
    void sink_options_override_the_environment_and_the_rest_keeps_the_declared_defaults() {
        CommandLine cli = Newsflow.commandLine();
        cli.parseArgs("sink", "--store", "sqlite:/tmp/options-test.db", "--http-port=9000", "--group", "g2",
                "--bootstrap-servers", "k:9092", "--http-enabled", "false");
        ServiceCommands.Sink sink = cli.getSubcommands().get("sink").getCommand();
        SinkConfig c = SinkConfig.from(sink.settings());
        assertThat(c.store()).isEqualTo("sqlite:/tmp/options-test.db");
        assertThat(c.httpPort()).isEqualTo(9000);
        assertThat(c.groupId()).isEqualTo("g2");
        assertThat(c.bootstrapServers()).isEqualTo("k:9092");
        assertThat(c.httpEnabled()).isFalse();
        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void enrich_options_and_bad_values_name_the_variable() {
        CommandLine cli = Newsflow.commandLine();
        cli.parseArgs("enrich", "--threads", "3", "--exit-on-worker-failure", "false");
        ServiceCommands.Enrich enrich = cli.getSubcommands().get("enrich").getCommand();
        EnrichConfig c = EnrichConfig.from(enrich.settings());
        assertThat(c.threads()).isEqualTo(3);
        assertThat(c.exitOnWorkerFailure()).isFalse();
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092");

        CommandLine again = Newsflow.commandLine();
        again.parseArgs("enrich", "--threads", "0");
        ServiceCommands.Enrich bad = again.getSubcommands().get("enrich").getCommand();
        assertThatThrownBy(() -> EnrichConfig.from(bad.settings())).hasMessageContaining("NEWSFLOW_ENRICH_THREADS");
    }

    @Test
    void unknown_options_are_refused_by_picocli() {
        assertThatThrownBy(() -> Newsflow.commandLine().parseArgs("sink", "--frobnicate"))
                .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    }
}
