package org.newsflow.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 12-factor configuration: a setting {@code X} is read from the environment variable {@code NEWSFLOW_X},
 * else from the system property {@code newsflow.x} (dots for underscores, lower case), else the default.
 * Explicit overrides (command-line options, tests, the all-in-one launcher) win over both. Settings are declared
 * once as {@link Setting}s (name, default, description, option, validity) and read with {@link #get(Setting)} and
 * its typed siblings.
 */
public final class Settings {
    private final Map<String, String> env;
    private final Map<String, String> overrides;

    private Settings(Map<String, String> env, Map<String, String> overrides) {
        this.env = env;
        this.overrides = overrides;
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv(), Map.of());
    }

    /** Settings that see only the given values (for tests and embedded use). */
    public static Settings of(Map<String, String> values) {
        return new Settings(Map.of(), Map.copyOf(values));
    }

    /** A copy in which {@code name} is {@code value}, whatever the environment says. */
    public Settings with(String name, String value) {
        Map<String, String> copy = new HashMap<>(overrides);
        copy.put(name, value);
        return new Settings(env, copy);
    }

    public Optional<String> find(String name) {
        String value = overrides.get(name);
        if (value == null) {
            value = env.get("NEWSFLOW_" + name);
        }
        if (value == null) {
            value = System.getProperty("newsflow." + name.toLowerCase().replace('_', '.'));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String name, String defaultValue) {
        return find(name).orElse(defaultValue);
    }

    public int getInt(String name, int defaultValue) {
        return find(name).map(v -> parse(name, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long getLong(String name, long defaultValue) {
        return find(name).map(v -> parse(name, v, Long::parseLong)).orElse(defaultValue);
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        return find(name).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    /** The setting's value (checked), else its default (which may be null). */
    public String get(Setting setting) {
        return find(setting).orElse(setting.defaultValue());
    }

    /** The setting's value if one is set, checked. */
    public Optional<String> find(Setting setting) {
        return find(setting.name()).map(setting::validated);
    }

    public int getInt(Setting setting) {
        return parse(setting.name(), required(setting), Integer::parseInt);
    }

    public long getLong(Setting setting) {
        return parse(setting.name(), required(setting), Long::parseLong);
    }

    public boolean getBoolean(Setting setting) {
        return Boolean.parseBoolean(required(setting));
    }

    private String required(Setting setting) {
        String value = get(setting);
        if (value == null) {
            throw new IllegalStateException(setting.variable() + " has no default; read it with find()");
        }
        return value;
    }

    /**
     * Every setting whose name starts with {@code prefix}, with the prefix cut off: environment variables
     * ({@code NEWSFLOW_<prefix>...}), then system properties ({@code newsflow.<prefix lower case, dots>...}), then
     * overrides, later ones winning. For pass-through groups such as {@code KAFKA_} (see {@link KafkaClients}).
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        String envPrefix = "NEWSFLOW_" + prefix;
        env.forEach((k, v) -> {
            if (k.startsWith(envPrefix) && k.length() > envPrefix.length()) {
                found.put(k.substring(envPrefix.length()), v);
            }
        });
        String propertyPrefix = "newsflow." + prefix.toLowerCase().replace('_', '.');
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith(propertyPrefix) && k.length() > propertyPrefix.length()) {
                found.put(k.substring(propertyPrefix.length()).toUpperCase().replace('.', '_'), System.getProperty(k));
            }
        }
        overrides.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        found.values().removeIf(v -> v == null || v.isBlank());
        return found;
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting NEWSFLOW_" + name + " has an invalid value: '" + value + "'", e);
        }
    }
}
