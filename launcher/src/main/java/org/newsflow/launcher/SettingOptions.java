package org.newsflow.launcher;

import java.util.List;
import org.newsflow.contract.Setting;
import org.newsflow.contract.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command-line side of the settings declarations: one picocli option per declared {@link Setting} that names
 * one, with the description, variable and default of the declaration, and the options given read back as overrides of
 * the environment. So an option and its environment variable are one setting, declared once.
 */
final class SettingOptions {
    private SettingOptions() {}

    /** Adds an option for each setting that declares one (and that the command does not define itself). */
    static CommandSpec addTo(CommandSpec spec, List<Setting> settings) {
        for (Setting s : settings) {
            if (s.option() != null && spec.findOption(s.option()) == null) {
                spec.addOption(OptionSpec.builder(s.option())
                        .type(String.class)
                        .paramLabel(label(s))
                        .description(s.description().replace("`", "") + " (env " + s.variable() + ", default " + s.shownDefault() + ")")
                        .build());
            }
        }
        return spec;
    }

    /** {@code true|false} for switches, else the name without its service prefix ({@code STORE}, {@code HTTP_PORT}). */
    static String label(Setting s) {
        return s.check().expected().equals("true or false") ? "true|false" : s.name().replaceFirst("^(INGEST|ENRICH|SINK)_", "");
    }

    /** The environment, with each declared option given on this command line overriding its setting. */
    static Settings apply(CommandSpec spec, List<Setting> settings, Settings environment) {
        Settings s = environment;
        for (Setting setting : settings) {
            OptionSpec option = setting.option() == null ? null : spec.findOption(setting.option());
            if (option != null && option.getValue() != null) {
                s = s.with(setting.name(), option.getValue().toString());
            }
        }
        return s;
    }

    /** Picocli hooks: each service command gets the options of its declarations when it is built. */
    static final class Common implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return addTo(spec, org.newsflow.contract.CommonSettings.ALL);
        }
    }

    static final class Ingest implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return addTo(spec, org.newsflow.ingest.publish.IngestSettings.service());
        }
    }

    static final class Enrich implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return addTo(spec, org.newsflow.enrich.service.EnrichSettings.service());
        }
    }

    static final class Sink implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return addTo(spec, org.newsflow.sink.consume.SinkSettings.service());
        }
    }
}
