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
        int n = toks.size();
        for (int i = 0; i < n; i++) {
            String w = toks.get(i).text().toLowerCase(Locale.ROOT);
            String w1 = i + 1 < n ? toks.get(i + 1).text().toLowerCase(Locale.ROOT) : "";
            String w2 = i + 2 < n ? toks.get(i + 2).text().toLowerCase(Locale.ROOT) : "";
            // from/between WEEKDAY to/and WEEKDAY -> the second day
            if ((w.equals("from") || w.equals("between")) && WEEKDAYS.containsKey(w1) && (w2.equals("to") || w2.equals("and"))
                    && i + 3 < n && WEEKDAYS.containsKey(toks.get(i + 3).text().toLowerCase(Locale.ROOT))) {
                int start = i > 0 && toks.get(i - 1).text().equalsIgnoreCase("overnight") ? i - 1 : i;
                out.add(new Expr(start, i + 3, Kind.WEEKDAY, WEEKDAYS.get(toks.get(i + 3).text().toLowerCase(Locale.ROOT)), 0, 0));
                i += 3;
                continue;
            }
            if (WEEKDAYS.containsKey(w)) {
                int last = i;
                if (w1.matches("night|morning|evening|afternoon")) {
                    last = i + 1;
                }
                out.add(new Expr(i, last, Kind.WEEKDAY, WEEKDAYS.get(w), 0, 0));
                i = last;
                continue;
            }
            if (w.equals("yesterday")) {
                out.add(new Expr(i, i, Kind.DAY_OFFSET, -1, 0, 0));
                continue;
            }
            if (w.equals("today") || w.equals("tonight")) {
                out.add(new Expr(i, i, Kind.DAY_OFFSET, 0, 0, 0));
                continue;
            }
            if (w.equals("this") && w1.matches("morning|afternoon|evening")) {
                out.add(new Expr(i, i + 1, Kind.DAY_OFFSET, 0, 0, 0));
                i++;
                continue;
            }
            // N units ago
            Integer num = count(w);
            if (num != null && w2.equals("ago")) {
                String unit = w1.replaceAll("s$", "");
                Expr e = switch (unit) {
                    case "day" -> new Expr(i, i + 2, Kind.DAY_OFFSET, -num, 0, 0);
                    case "week" -> new Expr(i, i + 2, Kind.DAY_OFFSET, -7 * num, 0, 0);
                    case "month" -> new Expr(i, i + 2, Kind.MONTH_OFFSET, -num, 0, 0);
                    case "year" -> new Expr(i, i + 2, Kind.YEAR_OFFSET, -num, 0, 0);
                    default -> null;
                };
                if (e != null) {
                    out.add(e);
                    i += 2;
                    continue;
                }
            }
            // last/this/next month|year
            if ((w.equals("last") || w.equals("this") || w.equals("next")) && (w1.equals("month") || w1.equals("year"))) {
                int off = w.equals("last") ? -1 : w.equals("next") ? 1 : 0;
                out.add(new Expr(i, i + 1, w1.equals("month") ? Kind.MONTH_OFFSET : Kind.YEAR_OFFSET, off, 0, 0));
                i++;
                continue;
            }
            Token t = toks.get(i);
            if (isMonthToken(t)) {
                int m = month(t.text());
                // Month day(,)? year?
                if (i + 1 < n && dayNumber(w1) != null) {
                    int d = dayNumber(w1);
                    int last = i + 1;
                    int j = i + 2;
                    if (j < n && toks.get(j).text().equals(",")) {
                        j++;
                    }
                    if (j < n && year(toks.get(j)) != null) {
                        out.add(new Expr(i, j, Kind.ABSOLUTE_DAY, year(toks.get(j)), m, d));
                        i = j;
                        continue;
                    }
                    out.add(new Expr(i, last, Kind.MONTH_DAY, m, d, 0));
                    i = last;
                    continue;
                }
                if (i + 1 < n && year(toks.get(i + 1)) != null) {
                    out.add(new Expr(i, i + 1, Kind.ABSOLUTE_MONTH, year(toks.get(i + 1)), m, 0));
                    i++;
                    continue;
                }
                out.add(new Expr(i, i, Kind.MONTH, m, 0, 0));
                continue;
            }
            // day Month (year)?
            if (dayNumber(w) != null && i + 1 < n && isMonthToken(toks.get(i + 1))) {
                int m = month(toks.get(i + 1).text());
                if (i + 2 < n && year(toks.get(i + 2)) != null) {
                    out.add(new Expr(i, i + 2, Kind.ABSOLUTE_DAY, year(toks.get(i + 2)), m, dayNumber(w)));
                    i += 2;
                } else {
                    out.add(new Expr(i, i + 1, Kind.MONTH_DAY, m, dayNumber(w), 0));
                    i++;
                }
                continue;
            }
            Integer y = year(t);
            if (y != null) {
                boolean plural = i + 1 < n && toks.get(i + 1).pos().equals("NNS");
                boolean prevIn = i > 0 && toks.get(i - 1).text().toLowerCase(Locale.ROOT).matches("in|since|of|the|until|by|from|to|before|after|late|early");
                boolean nextNoun = i + 1 < n && toks.get(i + 1).pos().startsWith("NN") && !toks.get(i + 1).pos().startsWith("NNP");
                if (!plural && (prevIn || nextNoun || i + 1 >= n || toks.get(i + 1).pos().equals(".") || toks.get(i + 1).pos().equals(","))) {
                    out.add(new Expr(i, i, Kind.YEAR, y, 0, 0));
                }
            }
        }
        return out;
    }
}
