package org.newsflow.enrich.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsflow.enrich.nlp.Token;

/**
 * Finds time expressions in a sentence and normalises them against the publication date.
 * Output values are ISO: yyyy-MM-dd, yyyy-MM or yyyy. Rules (see docs/events.md):
 * weekdays resolve to the latest such day on or before publication (the next one on or after it when the
 * event is future: "will meet Monday"); "overnight from Sunday to Monday" resolves to the second day;
 * "yesterday", "today", "tonight"; "N days/weeks/months/years ago"; "last/this/next month|year";
 * month names ("in September" = the latest September not after publication, or the next one for future
 * events; "November 7th", "7 November 2022", "September 2022"); four-digit years ("in 2020", "the 2020 war").
 */
public final class DateNormalizer {

    /** A time expression over sentence-local tokens [first, last]. */
    public record Expr(int first, int last, Kind kind, int a, int b, int c) {
        /** Resolves to an ISO value, or null when it needs a publication date that is missing. */
        public String resolve(LocalDate pub, boolean future) {
            switch (kind) {
                case ABSOLUTE_DAY:
                    return LocalDate.of(a, b, c).toString();
                case ABSOLUTE_MONTH:
                    return YearMonth.of(a, b).toString();
                case YEAR:
                    return Integer.toString(a);
                default:
                    break;
            }
            if (pub == null) {
                return null;
            }
            switch (kind) {
                case WEEKDAY: {
                    DayOfWeek d = DayOfWeek.of(a);
                    return (future ? pub.with(TemporalAdjusters.nextOrSame(d)) : pub.with(TemporalAdjusters.previousOrSame(d))).toString();
                }
                case DAY_OFFSET:
                    return pub.plusDays(a).toString();
                case MONTH_OFFSET:
                    return YearMonth.from(pub).plusMonths(a).toString();
                case YEAR_OFFSET:
                    return Integer.toString(pub.getYear() + a);
                case MONTH_DAY: {
                    LocalDate d = safeDate(pub.getYear(), a, b);
                    if (d == null) {
                        return null;
                    }
                    if (!future && d.isAfter(pub.plusDays(1))) {
                        d = safeDate(pub.getYear() - 1, a, b);
                    } else if (future && d.isBefore(pub)) {
                        d = safeDate(pub.getYear() + 1, a, b);
                    }
                    return d == null ? null : d.toString();
                }
                case MONTH: {
                    YearMonth m = YearMonth.of(pub.getYear(), a);
                    YearMonth p = YearMonth.from(pub);
                    if (!future && m.isAfter(p)) {
                        m = m.minusYears(1);
                    } else if (future && m.isBefore(p)) {
                        m = m.plusYears(1);
                    }
                    return m.toString();
                }
                default:
                    return null;
            }
        }
    }

    public enum Kind { ABSOLUTE_DAY, ABSOLUTE_MONTH, YEAR, WEEKDAY, DAY_OFFSET, MONTH_OFFSET, YEAR_OFFSET, MONTH_DAY, MONTH }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final Map<String, Integer> WEEKDAYS = Map.of("monday", 1, "tuesday", 2, "wednesday", 3, "thursday", 4,
            "friday", 5, "saturday", 6, "sunday", 7);
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("several", -1), Map.entry("few", -1));

    private DateNormalizer() {}

    static Integer month(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace(".", "");
        for (Month m : Month.values()) {
            String full = m.name().toLowerCase(Locale.ROOT);
            if (w.equals(full) || (w.length() >= 3 && w.length() <= 4 && full.startsWith(w) && !w.equals("may") && !w.equals("mar"))) {
                return m.getValue();
            }
        }
        if (w.equals("sept")) {
            return 9;
        }
        return null;
    }

    private static Integer dayNumber(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("(st|nd|rd|th)$", "");
        if (w.matches("\\d{1,2}")) {
            int d = Integer.parseInt(w);
            return d >= 1 && d <= 31 ? d : null;
        }
        return null;
    }

    private static Integer year(Token t) {
        if (t.text().matches("(1[89]|20)\\d\\d") && (t.pos().equals("CD") || t.pos().startsWith("NN") || t.pos().equals("JJ"))) {
            return Integer.parseInt(t.text());
        }
        return null;
    }

    private static Integer count(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.matches("\\d{1,3}")) {
            return Integer.parseInt(w);
        }
        Integer n = NUMBERS.get(w);
        return n == null || n < 0 ? null : n;
    }

    private static boolean isMonthToken(Token t) {
        // "May" and "March" are also a modal and a noun: only as proper nouns
        return t.pos().startsWith("NNP") && month(t.text()) != null;
    }

    /** All time expressions of a sentence, left to right, non-overlapping. */
    public static List<Expr> find(List<Token> toks) {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < toks.size(); i++) {
            Expr e = exprAt(toks, i);
            if (e != null) {
                out.add(e);
                i = e.last();
            }
        }
        return out;
    }

    /** The date expression that starts at token {@code i} (or, for "overnight from ...", one before it), or null. */
    private static Expr exprAt(List<Token> toks, int i) {
        String w = lower(toks, i);
        String w1 = lower(toks, i + 1);
        Expr e = weekdayAt(toks, i, w, w1);
        if (e == null) {
            e = relativeAt(toks, i, w, w1);
        }
        if (e == null && isMonthToken(toks.get(i))) {
            e = monthFirstAt(toks, i, w1);
        }
        if (e == null) {
            e = dayFirstAt(toks, i, w);
        }
        return e != null ? e : yearAt(toks, i);
    }

    private static String lower(List<Token> toks, int i) {
        return i < toks.size() ? toks.get(i).text().toLowerCase(Locale.ROOT) : "";
    }

    /** "Monday", "Monday night", "from Monday to Wednesday" (the second day). */
    private static Expr weekdayAt(List<Token> toks, int i, String w, String w1) {
        String w2 = lower(toks, i + 2);
        if ((w.equals("from") || w.equals("between")) && WEEKDAYS.containsKey(w1) && (w2.equals("to") || w2.equals("and"))
                && WEEKDAYS.containsKey(lower(toks, i + 3))) {
            int start = i > 0 && toks.get(i - 1).text().equalsIgnoreCase("overnight") ? i - 1 : i;
            return new Expr(start, i + 3, Kind.WEEKDAY, WEEKDAYS.get(lower(toks, i + 3)), 0, 0);
        }
        if (WEEKDAYS.containsKey(w)) {
            int last = w1.matches("night|morning|evening|afternoon") ? i + 1 : i;
            return new Expr(i, last, Kind.WEEKDAY, WEEKDAYS.get(w), 0, 0);
        }
        return null;
    }

    /** "yesterday", "today", "this morning", "three days ago", "last month", "next year". */
    private static Expr relativeAt(List<Token> toks, int i, String w, String w1) {
        if (w.equals("yesterday")) {
            return new Expr(i, i, Kind.DAY_OFFSET, -1, 0, 0);
        }
        if (w.equals("today") || w.equals("tonight")) {
            return new Expr(i, i, Kind.DAY_OFFSET, 0, 0, 0);
        }
        if (w.equals("this") && w1.matches("morning|afternoon|evening")) {
            return new Expr(i, i + 1, Kind.DAY_OFFSET, 0, 0, 0);
        }
        Integer num = count(w);
        if (num != null && lower(toks, i + 2).equals("ago")) {
            Expr e = switch (w1.replaceAll("s$", "")) {
                case "day" -> new Expr(i, i + 2, Kind.DAY_OFFSET, -num, 0, 0);
                case "week" -> new Expr(i, i + 2, Kind.DAY_OFFSET, -7 * num, 0, 0);
                case "month" -> new Expr(i, i + 2, Kind.MONTH_OFFSET, -num, 0, 0);
                case "year" -> new Expr(i, i + 2, Kind.YEAR_OFFSET, -num, 0, 0);
                default -> null;
            };
            if (e != null) {
                return e;
            }
        }
        if ((w.equals("last") || w.equals("this") || w.equals("next")) && (w1.equals("month") || w1.equals("year"))) {
            int off = w.equals("last") ? -1 : w.equals("next") ? 1 : 0;
            return new Expr(i, i + 1, w1.equals("month") ? Kind.MONTH_OFFSET : Kind.YEAR_OFFSET, off, 0, 0);
        }
        return null;
    }

    /** "November 7", "November 7, 2022", "November 2022", "November". */
    private static Expr monthFirstAt(List<Token> toks, int i, String w1) {
        int n = toks.size();
        int m = month(toks.get(i).text());
        if (i + 1 < n && dayNumber(w1) != null) {
            int d = dayNumber(w1);
            int j = i + 2;
            if (j < n && toks.get(j).text().equals(",")) {
                j++;
            }
            if (j < n && year(toks.get(j)) != null) {
                return new Expr(i, j, Kind.ABSOLUTE_DAY, year(toks.get(j)), m, d);
            }
            return new Expr(i, i + 1, Kind.MONTH_DAY, m, d, 0);
        }
        if (i + 1 < n && year(toks.get(i + 1)) != null) {
            return new Expr(i, i + 1, Kind.ABSOLUTE_MONTH, year(toks.get(i + 1)), m, 0);
        }
        return new Expr(i, i, Kind.MONTH, m, 0, 0);
    }

    /** "7 November", "7 November 2022". */
    private static Expr dayFirstAt(List<Token> toks, int i, String w) {
        int n = toks.size();
        if (dayNumber(w) == null || i + 1 >= n || !isMonthToken(toks.get(i + 1))) {
            return null;
        }
        int m = month(toks.get(i + 1).text());
        if (i + 2 < n && year(toks.get(i + 2)) != null) {
            return new Expr(i, i + 2, Kind.ABSOLUTE_DAY, year(toks.get(i + 2)), m, dayNumber(w));
        }
        return new Expr(i, i + 1, Kind.MONTH_DAY, m, dayNumber(w), 0);
    }

    /** A bare year where it reads as a date ("in 2020", "the 2020 war"), not a count ("2020 soldiers"). */
    private static Expr yearAt(List<Token> toks, int i) {
        int n = toks.size();
        Integer y = year(toks.get(i));
        if (y == null) {
            return null;
        }
        boolean plural = i + 1 < n && toks.get(i + 1).pos().equals("NNS");
        boolean prevIn = i > 0 && toks.get(i - 1).text().toLowerCase(Locale.ROOT).matches("in|since|of|the|until|by|from|to|before|after|late|early");
        boolean nextNoun = i + 1 < n && toks.get(i + 1).pos().startsWith("NN") && !toks.get(i + 1).pos().startsWith("NNP");
        if (!plural && (prevIn || nextNoun || i + 1 >= n || toks.get(i + 1).pos().equals(".") || toks.get(i + 1).pos().equals(","))) {
            return new Expr(i, i, Kind.YEAR, y, 0, 0);
        }
        return null;
    }
}
