package org.newsflow.contract;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One setting, declared once: its name ({@code NAME}, read as the environment variable {@code NEWSFLOW_NAME} or the
 * system property {@code newsflow.name}, see {@link Settings}), its default, the services that read it, what it
 * means, the command-line option that overrides it (if any) and what values are valid. Each service lists its
 * settings in one class ({@code CommonSettings}, {@code IngestSettings}, {@code EnrichSettings}, {@code SinkSettings});
 * the launcher turns the options into picocli options and the README's configuration table is generated from the
 * same lists, so a setting cannot be read, offered or documented under two names or with two defaults.
 *
 * @param name the name without the {@code NEWSFLOW_} prefix, upper case with underscores
 * @param defaultValue the value used when nothing is set; null when the default is computed or absent (then
 *     {@code shownDefault} says what happens)
 * @param shownDefault the default as the README shows it
 * @param usedBy the services that read it ({@code all}, {@code ingest}, {@code enrich}, {@code sink}, ...)
 * @param description what it means, one sentence for the README
 * @param option the long command-line option of the service commands that overrides it, or null
 * @param check what values are valid, and the message when one is not
 */
public record Setting(String name, String defaultValue, String shownDefault, String usedBy, String description, String option,
        Check check) {

    /** A validity rule: a test of the (trimmed, non-empty) value and what a valid value is. */
    public record Check(Predicate<String> test, String expected) {
        public static final Check ANY = new Check(v -> true, "any value");
    }

    public Setting {
        Objects.requireNonNull(name);
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("setting names are upper case with underscores: " + name);
        }
        if (option != null && !option.startsWith("--")) {
            throw new IllegalArgumentException("options are long options: " + option);
        }
        check = check == null ? Check.ANY : check;
        if (defaultValue != null && !check.test().test(defaultValue)) {
            throw new IllegalArgumentException("the default of " + name + " is not " + check.expected() + ": " + defaultValue);
        }
    }

    /** A setting with a fixed default (null: none), shown as is. */
    public static Setting of(String name, String defaultValue, String usedBy, String description) {
        return new Setting(name, defaultValue, defaultValue == null ? "none" : defaultValue, usedBy, description, null, Check.ANY);
    }

    /** The environment variable; {@code NEWSFLOW_KAFKA_*} for a prefix (a name ending in {@code _}). */
    public String variable() {
        return "NEWSFLOW_" + name + (isPrefix() ? "*" : "");
    }

    /** A family of settings that share this prefix (pass-through properties), not one setting. */
    public boolean isPrefix() {
        return name.endsWith("_");
    }

    /** The same setting, overridden on the command line by {@code --option VALUE}. */
    public Setting option(String longOption) {
        return new Setting(name, defaultValue, shownDefault, usedBy, description, longOption, check);
    }

    /** The same setting with the default shown as {@code text} (a computed default: "cores", "random"). */
    public Setting shown(String text) {
        return new Setting(name, defaultValue, text, usedBy, description, option, check);
    }

    public Setting check(Check newCheck) {
        return new Setting(name, defaultValue, shownDefault, usedBy, description, option, newCheck);
    }

    /** Whole numbers from {@code min} to {@code max}. */
    public Setting range(long min, long max) {
        return check(new Check(v -> {
            try {
                long n = Long.parseLong(v);
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }, max == Long.MAX_VALUE ? "a whole number >= " + min : "a whole number from " + min + " to " + max));
    }

    /** Whole numbers of at least 1. */
    public Setting positive() {
        return range(1, Long.MAX_VALUE);
    }

    /** {@code true} or {@code false}. */
    public Setting bool() {
        return check(new Check(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"), "true or false"));
    }

    /** The value, checked; throws naming the variable when it is not valid. */
    String validated(String value) {
        if (!check.test().test(value)) {
            throw new IllegalArgumentException("setting " + variable() + " must be " + check.expected() + ", got '"
                    + Secrets.redact(value) + "'");
        }
        return value;
    }
}
