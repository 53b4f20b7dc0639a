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
import java.util.Map;
import java.util.Set;

/** The people/organization lexicons from {@code /people/*.tsv} on the classpath; immutable once loaded. */
public final class Lexicon {

    /** A title or role: its folded words, display form, sector (null when unknown), and whether it stands alone. */
    record Title(List<String> words, String display, String sector, boolean alone, boolean governmentWhenNational) {}

    /** A known organization. */
    record KnownOrg(String name, List<String> acronyms, String type, String sector, String country) {}

    record Head(String type, String sector) {}

    record Modifier(String display, boolean acts) {}

    /** A multi-word phrase table keyed by first word, longest phrases first. */
    static final class Phrases<T> {
        record Entry<T>(List<String> words, T value) {}

        private final Map<String, List<Entry<T>>> byFirst = new HashMap<>();

        void add(List<String> words, T value) {
            if (words.isEmpty()) {
                return;
            }
            List<Entry<T>> list = byFirst.computeIfAbsent(words.get(0), k -> new ArrayList<>());
            list.add(new Entry<>(List.copyOf(words), value));
            list.sort((a, b) -> b.words().size() - a.words().size());
        }

        List<Entry<T>> startingWith(String word) {
            return byFirst.getOrDefault(word, List.of());
        }
    }

    final Phrases<Title> titles = new Phrases<>();
    final Set<String> titleWords = new HashSet<>();
    final Set<String> honorifics = new HashSet<>();
    final Map<String, Modifier> modifiers = new HashMap<>();
    final Phrases<KnownOrg> orgNames = new Phrases<>();
    /** Case-sensitive acronyms of known organizations. */
    final Map<String, KnownOrg> orgAcronyms = new HashMap<>();
    final Map<String, KnownOrg> orgByFoldedName = new HashMap<>();
    final Phrases<Head> heads = new Phrases<>();
    final Map<String, Head> domains = new HashMap<>();
    final Phrases<String> roles = new Phrases<>();
    final Phrases<String> media = new Phrases<>();
    final Set<String> mediaAcronyms = new HashSet<>();
    final Set<String> mediaFolded = new HashSet<>();

    public static Lexicon load() {
        Lexicon lx = new Lexicon();
        for (String[] r : rows("titles.tsv")) {
            List<String> w = Names.words(r[0]);
            boolean national = "GOV?".equals(r[2]);
            lx.titles.add(w, new Lexicon.Title(w, r[1], national ? null : sector(r[2]), r.length < 4 || !"no".equals(r[3]), national));
            lx.titleWords.addAll(w);
        }
        for (String[] r : rows("honorifics.txt")) {
            lx.honorifics.add(Names.fold(r[0]));
        }
        for (String[] r : rows("title_modifiers.tsv")) {
            lx.modifiers.put(String.join(" ", Names.words(r[0])), new Modifier(r[1], "yes".equals(r[2])));
        }
        for (String[] r : rows("organizations.tsv")) {
            List<String> acr = "-".equals(r[1]) ? List.of() : List.of(r[1].split(","));
            KnownOrg org = new KnownOrg(r[0], acr, r[2], sector(r[3]), sector(r[4]));
            lx.orgNames.add(Names.words(r[0]), org);
            lx.orgByFoldedName.put(String.join(" ", Names.words(r[0])), org);
            for (String a : acr) {
                lx.orgAcronyms.put(a, org);
            }
            if (r.length > 5 && !"-".equals(r[5])) {
                for (String alias : r[5].split("\\|")) {
                    lx.orgNames.add(Names.words(alias), org);
                    lx.orgByFoldedName.put(String.join(" ", Names.words(alias)), org);
                }
            }
        }
        for (String[] r : rows("org_heads.tsv")) {
            lx.heads.add(Names.words(r[0]), new Head(r[1], sector(r[2])));
        }
        for (String[] r : rows("domains.tsv")) {
            lx.domains.put(r[0], new Head(sector(r[1]), sector(r[2])));
        }
        for (String[] r : rows("roles.tsv")) {
            lx.roles.add(Names.words(r[0]), r[1]);
        }
        for (String[] r : rows("media.tsv")) {
            List<String> names = new ArrayList<>();
            names.add(r[0]);
            if (r.length > 1 && !"-".equals(r[1])) {
                names.addAll(List.of(r[1].split("\\|")));
            }
            for (String n : names) {
                List<String> w = Names.words(n);
                lx.mediaFolded.add(String.join(" ", w));
                if (w.size() > 1 && "the".equals(w.get(0))) {
                    lx.mediaFolded.add(String.join(" ", w.subList(1, w.size())));
                }
                if (isAcronym(n)) {
                    lx.mediaAcronyms.add(n);
                } else {
                    lx.media.add(w, r[0]);
                }
            }
        }
        return lx;
    }

    static boolean isAcronym(String s) {
        String letters = s.replace(".", "");
        if (letters.length() < 2 || letters.length() > 6) {
            return false;
        }
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (!(Character.isUpperCase(c) || Character.isDigit(c))) {
                return false;
            }
        }
        return Character.isUpperCase(letters.charAt(0));
    }

    private static String sector(String s) {
        return s == null || s.isBlank() || "-".equals(s) ? null : s.trim();
    }

    private static List<String[]> rows(String file) {
        String path = "/people/" + file;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                rows.add(line.split("\t"));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
