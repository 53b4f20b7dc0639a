package org.newsflow.enrich.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Well-known office holders and the country they act for ({@code /people/leaders.tsv}): world knowledge used when
 * a text names "Obama" or "President Bush" without saying which country they serve. The single loader of that
 * file: the people tagger sets person countries from it, and the event tagger reads the people tagger's result
 * (or this same instance through {@link PeopleTagger#leader(String)}). Immutable once loaded.
 */
public final class Leaders {

    /** An office holder's country (ISO alpha-2) and CAMEO-style sector. */
    public record Leader(String name, String country, String sector) {}

    private record Row(List<String> words, Leader leader, boolean fullOnly) {}

    private final Map<String, Leader> byFullName = new HashMap<>();
    /** every row by folded surname */
    private final Map<String, List<Row>> bySurname = new HashMap<>();

    private Leaders() {}

    public static Leaders load() {
        return load("/people/leaders.tsv");
    }

    static Leaders load(String path) {
        Leaders l = new Leaders();
        try (InputStream in = Leaders.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t");
                if (row.length < 3) {
                    throw new IllegalArgumentException(path + ": need name, country, sector: " + line);
                }
                List<String> words = Names.words(row[0]);
                if (words.isEmpty()) {
                    continue;
                }
                Leader leader = new Leader(row[0].trim(), row[1].trim().toUpperCase(Locale.ROOT), row[2].trim());
                boolean fullOnly = row.length > 3 && "full".equals(row[3].trim());
                l.byFullName.put(String.join(" ", words), leader);
                l.bySurname.computeIfAbsent(words.get(words.size() - 1), k -> new ArrayList<>())
                        .add(new Row(words, leader, fullOnly));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return l;
    }

    /**
     * The office holder a person name (as written in an article, titles and honorifics already removed) refers
     * to, or null:
     * <ul>
     *   <li>the exact full name ("Barack Obama", "Kim Jong-un" = "Kim Jong Un");</li>
     *   <li>a name of two words or more with the listed surname and the same first name, its initial or a
     *       spelling of it with the same consonants ("George Bush" -> George W. / George H. W. Bush; "Mahmud Abbas"),
     *       when all such holders have one country;</li>
     *   <li>a surname alone ("Obama", "President Bush") when no holder with that surname is marked {@code full}
     *       and all holders with it have one country. "Reggie Bush" is not a leader: another first name.</li>
     * </ul>
     */
    public Leader find(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        List<String> w = Names.words(name);
        if (w.isEmpty()) {
            return null;
        }
        Leader full = byFullName.get(String.join(" ", w));
        if (full != null) {
            return full;
        }
        List<Row> rows = bySurname.get(w.get(w.size() - 1));
        if (rows == null) {
            return null;
        }
        List<Row> fit = new ArrayList<>();
        for (Row row : rows) {
            if (w.size() == 1) {
                if (row.fullOnly()) {
                    return null;
                }
                fit.add(row);
            } else if (row.words().size() > 1 && sameFirst(row.words().get(0), w.get(0))) {
                fit.add(row);
            }
        }
        if (fit.isEmpty()) {
            return null;
        }
        Set<String> countries = new HashSet<>();
        Set<String> sectors = new HashSet<>();
        for (Row row : fit) {
            countries.add(row.leader().country());
            sectors.add(row.leader().sector());
        }
        if (countries.size() != 1) {
            return null;
        }
        Leader first = fit.get(0).leader();
        return fit.size() == 1 ? first
                : new Leader(first.name(), first.country(), sectors.size() == 1 ? first.sector() : "GOV");
    }

    /** Same first name, an initial of it, or a spelling variant with the same consonants ("Mahmud" / "Mahmoud"). */
    private static boolean sameFirst(String a, String b) {
        if (a.equals(b) || (a.length() == 1 && b.startsWith(a)) || (b.length() == 1 && a.startsWith(b))) {
            return true;
        }
        String ca = consonants(a);
        return ca.length() >= 2 && ca.equals(consonants(b));
    }

    private static String consonants(String w) {
        StringBuilder sb = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if ("aeiouy".indexOf(c) < 0 && (sb.length() == 0 || sb.charAt(sb.length() - 1) != c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    int size() {
        return byFullName.size();
    }
}
