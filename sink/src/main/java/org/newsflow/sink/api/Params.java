package org.newsflow.sink.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.newsflow.sink.store.ArticleQuery;

/** Query-parameter parsing and validation; every problem is a {@link BadRequest} that says what is wrong. */
final class Params {
    static final List<String> PLOVER = List.of("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
            "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}");

    /**
     * The times a request may name: years 1 to 9999. Anything outside is a typo or a probe, and far outside it
     * (year +999999999) would overflow epoch milliseconds: a 400, never a 500.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    static final int MAX_VALUES = 50;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Context ctx;
    private final Map<String, List<String>> query;

    /** The ctx attribute holding the route's documented query parameter names (set by {@link SinkApi}). */
    static final String KNOWN = "newsflow.params";

    /** The parameters of the route being served: those its {@link ApiOperation} documents. */
    @SuppressWarnings("unchecked")
    Params(Context ctx) {
        this(ctx, (Set<String>) java.util.Objects.requireNonNull(ctx.attribute(KNOWN), "route without parameter list"));
    }

    Params(Context ctx, Set<String> known) {
        this.ctx = ctx;
        try {
            this.query = ctx.queryParamMap();
        } catch (RuntimeException e) { // bad percent-encoding and the like
            throw new BadRequest(null, "the query string cannot be decoded (bad percent-encoding?)");
        }
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw new BadRequest(name, "unknown parameter '" + name + "'; this endpoint takes " + new TreeSet<>(known));
            }
        }
        for (var e : query.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new BadRequest(e.getKey(), "parameter '" + e.getKey() + "' is given " + e.getValue().size() + " times; give it once");
            }
        }
    }

    String text(String name) {
        List<String> values = query.get(name);
        String v = values == null || values.isEmpty() ? null : values.get(0);
        if (v == null) {
            return null;
        }
        v = v.strip();
        if (v.isEmpty()) {
            throw new BadRequest(name, "parameter '" + name + "' is empty");
        }
        if (v.length() > 300) {
            throw new BadRequest(name, "parameter '" + name + "' is longer than 300 characters");
        }
        if (CONTROL.matcher(v).find()) { // a NUL is a data error in PostgreSQL; none of these is ever meant
            throw new BadRequest(name, "parameter '" + name + "' contains control characters");
        }
        return v;
    }

    String country(String name) {
        String v = text(name);
        if (v != null && !COUNTRY.matcher(v).matches()) {
            throw new BadRequest(name, "parameter '" + name + "' must be an ISO 3166-1 alpha-2 country code such as AM, got '" + v + "'");
        }
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    String language(String name) {
        String v = text(name);
        if (v != null && !LANGUAGE.matcher(v).matches()) {
            throw new BadRequest(name, "parameter '" + name + "' must be an ISO 639-1 language code such as en, got '" + v + "'");
        }
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    String eventType(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (!PLOVER.contains(upper)) {
            throw new BadRequest(name, "parameter '" + name + "' must be a PLOVER event type, one of " + PLOVER + ", got '" + v + "'");
        }
        return upper;
    }

    /** A comma-separated list ("any of"): blank items are dropped, at most {@link #MAX_VALUES} values. */
    List<String> list(String name) {
        String v = text(name);
        if (v == null) {
            return List.of();
        }
        List<String> values = java.util.Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                .distinct().toList();
        if (values.isEmpty()) {
            throw new BadRequest(name, "parameter '" + name + "' holds no value");
        }
        if (values.size() > MAX_VALUES) {
            throw new BadRequest(name, "parameter '" + name + "' holds more than " + MAX_VALUES + " values");
        }
        return values;
    }

    List<String> countries(String name) {
        return list(name).stream().map(v -> {
            if (!COUNTRY.matcher(v).matches()) {
                throw new BadRequest(name, "parameter '" + name + "' must be ISO 3166-1 alpha-2 country codes such as AM,AZ, got '" + v + "'");
            }
            return v.toUpperCase(Locale.ROOT);
        }).toList();
    }

    List<String> languages(String name) {
        return list(name).stream().map(v -> {
            if (!LANGUAGE.matcher(v).matches()) {
                throw new BadRequest(name, "parameter '" + name + "' must be ISO 639-1 language codes such as en,fr, got '" + v + "'");
            }
            return v.toLowerCase(Locale.ROOT);
        }).toList();
    }

    List<String> eventTypes(String name) {
        return list(name).stream().map(v -> {
            String upper = v.toUpperCase(Locale.ROOT);
            if (!PLOVER.contains(upper)) {
                throw new BadRequest(name, "parameter '" + name + "' must be PLOVER event types, from " + PLOVER + ", got '" + v + "'");
            }
            return upper;
        }).toList();
    }

    List<Integer> quadClasses(String name) {
        return list(name).stream().map(v -> {
            if (!v.matches("[1-4]")) {
                throw new BadRequest(name, "parameter '" + name + "' must be QuadClass numbers 1 to 4 such as 3,4, got '" + v + "'");
            }
            return Integer.parseInt(v);
        }).toList();
    }

    /** One of the allowed words (case-insensitive), or the default when absent. */
    String choice(String name, String defaultValue, List<String> allowed) {
        String v = text(name);
        if (v == null) {
            return defaultValue;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new BadRequest(name, "parameter '" + name + "' must be one of " + allowed + ", got '" + v + "'");
        }
        return lower;
    }

    int integer(String name, int defaultValue, int min, int max) {
        String v = text(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new BadRequest(name, "parameter '" + name + "' must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name, "parameter '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    boolean bool(String name, boolean defaultValue) {
        String v = text(name);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequest(name, "parameter '" + name + "' must be true or false, got '" + v + "'");
        };
    }

    /** An ISO-8601 instant (2022-11-07T10:00:00Z), date-time with offset, or date (2022-11-07, midnight UTC). */
    Instant time(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        Instant t;
        try {
            t = v.length() == 10 ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC) : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadRequest(name, "parameter '" + name + "' must be an ISO-8601 time such as 2022-11-07T10:00:00Z or a date such as 2022-11-07, got '" + v + "'");
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new BadRequest(name, "parameter '" + name + "' must lie between " + EARLIEST + " and " + LATEST + ", got '" + v + "'");
        }
        return t;
    }

    ArticleQuery.Cursor cursor(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(v), StandardCharsets.UTF_8);
            if (decoded.startsWith("+")) { // an offset (relevance order)
                long skipped = Long.parseLong(decoded.substring(1));
                if (skipped < 0) {
                    throw new IllegalArgumentException();
                }
                return ArticleQuery.Cursor.offset(skipped);
            }
            int colon = decoded.indexOf(':');
            return new ArticleQuery.Cursor(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new BadRequest(name, "parameter '" + name + "' is not a cursor returned by this API (use nextCursor from the previous page)");
        }
    }

    static String encode(ArticleQuery.Cursor cursor) {
        if (cursor == null) {
            return null;
        }
        String text = cursor.isOffset() ? "+" + cursor.articleTimeMs() : cursor.articleTimeMs() + ":" + cursor.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
