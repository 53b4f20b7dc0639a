package org.newsflow.enrich.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsflow.enrich.nlp.WordList;

/**
 * Finds what in an article body is not news: publisher trailers ("Download the France 24 app"),
 * subscription prompts, and credit lines ("With AFP"). It masks them rather than cutting them out, so that
 * offsets stay valid, and it reports the credited agencies. The patterns are data
 * ({@code clean/trailers.txt}, {@code clean/credits.txt}) so an editor can extend them without code.
 */
public final class Boilerplate {
    /** What the scan found. */
    public record Result(TextMask mask, List<String> credits) {}

    /** "MOSCOW (AFP) -" or "KYIV, Ukraine (AP) —" at the start of the body: the credit is the parenthesis. */
    private static final Pattern DATELINE_CREDIT =
            Pattern.compile("^\\s*[A-Z][A-Za-z .,'-]{1,60}?\\s*\\((?<credit>AFP|AP|Reuters|dpa|EFE|Xinhua|TASS)\\)\\s*[-\u2013\u2014]");
    /** Paragraph boundaries: one or more blank lines, or single newlines for one-line-per-paragraph feeds. */
    private static final Pattern PARAGRAPH = Pattern.compile("[^\\n]+");
    /** A credit line in the last part of the article ends the news; everything after it is trailer. */
    private static final double TAIL_FRACTION = 0.6;
    /** Trailer paragraphs are short ("I subscribe", "Download the app"); news paragraphs rarely are. */
    private static final int SHORT_PARAGRAPH_WORDS = 15;

    /** Credit as matched, lower-cased, to the agency's usual short name. */
    private static final Map<String, String> AGENCY_NAMES = WordList.loadMap("/clean/agency_names.tsv");

    private final List<Pattern> trailers;
    private final List<Pattern> credits;

    Boilerplate(List<Pattern> trailers, List<Pattern> credits) {
        this.trailers = List.copyOf(trailers);
        this.credits = List.copyOf(credits);
    }

    public static Boilerplate loadDefault() {
        return new Boilerplate(patterns("/clean/trailers.txt"), patterns("/clean/credits.txt"));
    }

    public Result scan(String body) {
        List<TextMask.Range> ranges = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();

        Matcher dateline = DATELINE_CREDIT.matcher(body);
        if (dateline.find()) {
            found.add(normaliseCredit(dateline.group("credit")));
            ranges.add(new TextMask.Range(dateline.start("credit") - 1, dateline.end("credit") + 1, "credit"));
        }

        List<int[]> paragraphs = new ArrayList<>();
        Matcher p = PARAGRAPH.matcher(body);
        while (p.find()) {
            if (!p.group().isBlank()) {
                paragraphs.add(new int[] {p.start(), p.end()});
            }
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            int begin = paragraphs.get(i)[0];
            int end = paragraphs.get(i)[1];
            String text = body.substring(begin, end).strip();
            String credit = matchCredit(text);
            if (credit != null) {
                if (!credit.isEmpty()) {
                    found.add(credit);
                }
                ranges.add(new TextMask.Range(begin, end, "credit"));
                if (i + 1 < paragraphs.size() && endsTheArticle(body, paragraphs, i)) {
                    ranges.add(new TextMask.Range(paragraphs.get(i + 1)[0], body.length(), "trailer"));
                    break;
                }
            } else if (matchesAny(trailers, text)) {
                ranges.add(new TextMask.Range(begin, end, "trailer"));
            }
        }
        return new Result(new TextMask(ranges), List.copyOf(found));
    }

    /**
     * A credit line ends the news when it sits in the last part of the article, or when only short paragraphs
     * (page furniture, not news prose) follow it.
     */
    private static boolean endsTheArticle(String body, List<int[]> paragraphs, int creditIndex) {
        if (paragraphs.get(creditIndex)[0] >= body.length() * TAIL_FRACTION) {
            return true;
        }
        for (int j = creditIndex + 1; j < paragraphs.size(); j++) {
            String text = body.substring(paragraphs.get(j)[0], paragraphs.get(j)[1]).strip();
            if (text.split("\\s+").length > SHORT_PARAGRAPH_WORDS) {
                return false;
            }
        }
        return true;
    }

    /** The credited agency ("" when the line is a credit without a name), or null when the line is no credit. */
    private String matchCredit(String paragraph) {
        for (Pattern p : credits) {
            Matcher m = p.matcher(paragraph);
            if (m.matches()) {
                try {
                    String credit = m.group("credit");
                    return credit == null ? "" : normaliseCredit(credit);
                } catch (IllegalArgumentException noSuchGroup) {
                    return "";
                }
            }
        }
        return null;
    }

    private static boolean matchesAny(List<Pattern> patterns, String paragraph) {
        for (Pattern p : patterns) {
            if (p.matcher(paragraph).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Agencies are reported by their usual short name: "AFP", "Reuters", "AP" ({@code clean/agency_names.tsv}). */
    static String normaliseCredit(String credit) {
        String c = credit.strip();
        String known = AGENCY_NAMES.get(c.toLowerCase(Locale.ROOT));
        return known != null ? known : Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    private static List<Pattern> patterns(String resource) {
        List<Pattern> patterns = new ArrayList<>();
        for (String p : WordList.lines(resource)) {
            patterns.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return patterns;
    }
}
