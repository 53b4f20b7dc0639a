package org.newsflow.contract;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The checks every service applies where a record enters it, so that a record one service accepts is one the
 * next can store and serve. A failed check throws {@link InvalidRecordException} with a reason fit for the
 * dead-letter topic.
 *
 * <p>Why these bounds: ids travel in URLs ({@code /api/articles/{id}}) and as Kafka keys, so they are limited to
 * characters that need no escaping; dates are stored as epoch milliseconds and shown to people, so anything before
 * 1800 or more than a day in the future is a parsing error or a bad feed, not news.
 */
public final class RecordChecks {
    /** Letters, digits, '-', '_', '.', ':'; 1 to 128 characters; no leading dot (no "." or ".." path segments). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:-][A-Za-z0-9._:-]{0,127}");

    /** Earliest publication time accepted. */
    public static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
    /** How far in the future a publication time may lie (clock skew, time zones mislabelled by feeds). */
    public static final long FUTURE_SLACK_SECONDS = 24 * 3600;

    private RecordChecks() {}

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String requireValidId(String id) {
        if (!validId(id)) {
            throw new InvalidRecordException("invalid article id " + quote(id)
                    + ": expected 1-128 characters of letters, digits, '-', '_', '.', ':'");
        }
        return id;
    }

    /** True for null (unknown) and for times between {@link #EARLIEST} and a day after {@code now}. */
    public static boolean saneTime(Instant time, Instant now) {
        return time == null || (!time.isBefore(EARLIEST) && !time.isAfter(now.plusSeconds(FUTURE_SLACK_SECONDS)));
    }

    public static Instant requireSaneTime(String field, Instant time, Instant now) {
        if (!saneTime(time, now)) {
            throw new InvalidRecordException(field + " " + time + " is outside the accepted range ("
                    + EARLIEST + " to one day after now)");
        }
        return time;
    }

    /** Schema versions this code reads: the current major version only. */
    public static int requireSchemaVersion(String record, int version, int supported) {
        if (version != supported) {
            throw new InvalidRecordException(record + " schemaVersion " + version + " is not supported (this service reads "
                    + supported + ")");
        }
        return version;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
