package org.newsflow.sink.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full-text query as both databases see it: words (runs of letters and digits), all of which must occur, matched
 * whole and case-insensitively, without stemming (PostgreSQL's {@code simple} configuration, SQLite FTS5's
 * {@code unicode61} tokenizer). The same words find the snippet shown with a result, so what is highlighted is what
 * matched.
 */
public final class SearchText {
    /** More words than this in one query are ignored (a query is typed, not pasted). */
    static final int MAX_TERMS = 16;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int SNIPPET_BEFORE = 80;
    private static final int SNIPPET_LENGTH = 240;

    private final List<String> terms;
    private final Pattern match;

    private SearchText(List<String> terms) {
        this.terms = terms;
        List<String> quoted = terms.stream().map(Pattern::quote).toList();
        this.match = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", quoted) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The query's words, lower-cased and de-duplicated; empty when it has none (then it cannot be searched). */
    public static List<String> terms(String query) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(query == null ? "" : query);
        while (m.find() && out.size() < MAX_TERMS) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    public static SearchText of(String query) {
        List<String> terms = terms(query);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the search query has no words");
        }
        return new SearchText(terms);
    }

    public List<String> terms() {
        return terms;
    }

    /** SQLite FTS5 MATCH expression: every word as a quoted string (implicit AND); quotes cannot occur in a word. */
    String fts5Match() {
        return String.join(" ", terms.stream().map(t -> "\"" + t + "\"").toList());
    }

    /** Text for PostgreSQL's {@code plainto_tsquery('simple', ?)}: the words, ANDed by the function. */
    String plainQuery() {
        return String.join(" ", terms);
    }

    /**
     * Plain text around the first match in the body (else the title), cut at word boundaries, with the offsets of
     * every match inside it. Null when neither contains a match (the database matched differently, e.g. a word
     * split by the other tokenizer).
     */
    public Snippet snippet(String title, String body) {
        Snippet fromBody = snippetOf(body == null ? "" : body);
        return fromBody != null ? fromBody : snippetOf(title == null ? "" : title);
    }

    private Snippet snippetOf(String text) {
        Matcher m = match.matcher(text);
        if (!m.find()) {
            return null;
        }
        int start = Math.max(0, m.start() - SNIPPET_BEFORE);
        while (start > 0 && start < m.start() && !Character.isWhitespace(text.charAt(start - 1))) {
            start++;
        }
        int end = Math.min(text.length(), start + SNIPPET_LENGTH);
        while (end < text.length() && end > m.end() && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        String prefix = start > 0 ? "… " : "";
        String snippet = prefix + text.substring(start, end).replaceAll("\\s", " ") + (end < text.length() ? " …" : "");
        List<int[]> highlights = new ArrayList<>();
        Matcher inside = match.matcher(text).region(start, end);
        while (inside.find()) {
            int offset = prefix.length() - start;
            highlights.add(new int[] {inside.start() + offset, inside.end() + offset});
        }
        return new Snippet(snippet, List.copyOf(highlights));
    }

    /**
     * @param text plain text (the client inserts it as text, never as markup)
     * @param highlights {@code [start, end)} character offsets of the matches in {@code text}
     */
    public record Snippet(String text, List<int[]> highlights) {}
}
