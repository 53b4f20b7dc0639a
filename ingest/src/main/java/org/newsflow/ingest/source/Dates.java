package org.newsflow.ingest.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.RecordChecks;

/**
 * Publication dates as sources give them: ISO instants, offsets, plain dates (taken as UTC midnight), RFC 1123.
 * Anything else, and any date outside {@link RecordChecks}' sane range, is an {@link InvalidRecordException} with a
 * reason; no other exception escapes.
 */
public final class Dates {
    private Dates() {}

    /** The instant {@code value} names, null for null or blank; throws {@link InvalidRecordException} if unreadable. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() <= 64) { // no date form is longer; a long value is garbage, not worth four parse attempts
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException ignored) {
                // try the next form
            }
            try {
                return Instant.parse(v);
            } catch (DateTimeException ignored) {
                // try the next form
            }
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException ignored) {
                // try the next form
            }
            try {
                return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeException ignored) {
                // unreadable
            }
        }
        String shown = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        throw new InvalidRecordException("unreadable publishedAt '" + shown.replaceAll("\\p{Cntrl}", "?")
                + "' (expected ISO-8601 or RFC 1123)");
    }

    /** {@link #parse} plus the range check every service applies: 1800 to one day after {@code now}. */
    public static Instant parseSane(String value, Instant now) {
        return RecordChecks.requireSaneTime("publishedAt", parse(value), now);
    }
}
