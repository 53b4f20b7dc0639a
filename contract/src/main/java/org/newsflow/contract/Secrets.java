package org.newsflow.contract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged or returned in an error: the user-info of URLs
 * ({@code postgresql://user:pw@host/db} becomes {@code postgresql://user:***@host/db}), {@code password=} and
 * similar key-value parameters, and bearer tokens. Every log line or error message that may contain a
 * connection string or request header goes through {@link #redact(String)}.
 */
public final class Secrets {
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)([^/@\\s:]*):([^/@\\s]*)@");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|sasl\\.jaas\\.config)(\\s*[=:]\\s*)([^&;,\\s\"']+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");

    public static final String MASK = "***";

    private Secrets() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":" + MASK + "@"));
        out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = BEARER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return out;
    }

    /** The message of an exception and its causes, redacted; for error bodies and log lines. */
    public static String message(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null && sb.length() < 2000; t = t.getCause()) {
            if (t.getMessage() != null && sb.indexOf(t.getMessage()) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return redact(sb.length() == 0 ? error.getClass().getSimpleName() : sb.toString());
    }
}
