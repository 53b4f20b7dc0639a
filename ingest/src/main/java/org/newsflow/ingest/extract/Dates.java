package org.newsflow.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page dates as publishers write them in metadata: ISO-8601 with or without offset or seconds ("2019-11-18T14:05:00Z",
 * "2019-11-18T14:05:00.000+0000", "2019-11-18 14:05"), plain dates (UTC midnight), RFC 1123, epoch seconds or millis.
 * A local time without offset is taken as UTC. Anything else gives null: a missing date is better than a wrong one.
 */
final class Dates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{1,2}:\\d{2}(?::\\d{2})?)(?:[.,]\\d+)?\\s*(Z|z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?)?");
    private static final List<DateTimeFormatter> TEXT_FORMATS = List.of(DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEE MMM d HH:mm:ss zzz yyyy").toFormatter(Locale.ROOT));

    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

    private Dates() {}

    private static boolean hasDigit(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    static Instant lenient(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!hasDigit(v)) {
            return null; // every form below has digits; saves the parsers' exceptions on text such as "yesterday"
        }
        if (EPOCH.matcher(v).matches()) {
            long n = Long.parseLong(v);
            return v.length() == 10 ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        }
        Matcher m = ISO.matcher(v);
        if (m.lookingAt()) {
            try {
                LocalDate date = LocalDate.parse(m.group(1));
                if (m.group(2) == null) {
                    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                String time = m.group(2).length() == 4 ? "0" + m.group(2) : m.group(2);
                LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + (time.length() == 5 ? time + ":00" : time));
                return local.atOffset(offset(m.group(3))).toInstant();
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        for (DateTimeFormatter f : TEXT_FORMATS) {
            try {
                return ZonedDateTime.parse(v, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = zone.replace(":", "");
        return z.length() == 3 ? ZoneOffset.of(z) : ZoneOffset.of(z.substring(0, 3) + ":" + z.substring(3));
    }
}
