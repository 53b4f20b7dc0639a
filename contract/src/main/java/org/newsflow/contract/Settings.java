package org.newsflow.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 12-factor configuration: a setting {@code X} is read from the environment variable {@code NEWSFLOW_X},
 * else from the system property {@code newsflow.x} (dots for underscores, lower case), else the default.
 * Explicit overrides (command-line options, tests, the all-in-one launcher) win over both.
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

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting NEWSFLOW_" + name + " has an invalid value: '" + value + "'", e);
        }
    }
}
