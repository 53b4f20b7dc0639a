package org.newsflow.enrich.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A closed word list kept as data next to the lexicons: one entry per line (multi-word entries allowed), exact case,
 * blank lines and lines starting with {@code #} ignored. The rules only ask membership, so the set is unordered.
 */
public final class WordList {
    private WordList() {}

    /** The entries of a classpath resource ("/people/determiners.txt"); a missing file is a packaging error. */
    public static Set<String> load(String resource) {
        return Set.copyOf(new LinkedHashSet<>(lines(resource)));
    }

    /** The entries of a classpath resource in file order, for lists where order matters (patterns tried in turn). */
    public static List<String> lines(String resource) {
        InputStream in = WordList.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("word list not on the classpath: " + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    lines.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lines;
    }

    /**
     * A two-column list ({@code key<TAB>value} per line, same comments and blank lines as {@link #load}): a closed
     * mapping kept as data, such as an agency's usual short name.
     */
    public static Map<String, String> loadMap(String resource) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines(resource)) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IllegalStateException(resource + ": not key<TAB>value: " + line);
            }
            map.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return Map.copyOf(map);
    }
}
