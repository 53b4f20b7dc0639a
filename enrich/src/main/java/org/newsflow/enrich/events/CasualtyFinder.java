package org.newsflow.enrich.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.enrich.nlp.Token;

/**
 * Casualty counts stated in a sentence: "left 286 dead", "killed more than 6,500", "caused more than 30,000
 * deaths", "eight people were killed", "wounding 12", "no casualties". Sentence-local token spans.
 */
final class CasualtyFinder {

    /** A stated count; dead or injured may be null. */
    record Count(int first, int last, Integer dead, Integer injured, boolean atLeast) {}

    private static final Set<String> DEAD = Set.of("dead", "death", "kill", "killed", "die", "fatality", "body", "life");
    private static final Set<String> INJURED = Set.of("injure", "injured", "wound", "wounded", "injury");
    private static final Set<String> KILL_VERBS = Set.of("kill", "claim");
    private static final Set<String> WOUND_VERBS = Set.of("wound", "injure");
    private static final Set<String> AT_LEAST = Set.of("more than", "over", "at least", "upwards of", "in excess of");
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("hundred", 100), Map.entry("dozen", 12));

    private CasualtyFinder() {}

    static Integer number(List<Token> toks, int i) {
        String w = toks.get(i).text().toLowerCase(Locale.ROOT);
        Integer v = null;
        if (w.matches("\\d{1,3}(,\\d{3})+|\\d+")) {
            if (w.matches("(19|20)\\d\\d") && i > 0 && toks.get(i - 1).text().equalsIgnoreCase("in")) {
                return null; // "in 2020" is a year
            }
            v = Integer.parseInt(w.replace(",", ""));
        } else if (WORDS.containsKey(w)) {
            v = WORDS.get(w);
        }
        if (v != null && i + 1 < toks.size()) {
            String next = toks.get(i + 1).text().toLowerCase(Locale.ROOT);
            if (next.equals("hundred")) {
                v *= 100;
            } else if (next.equals("thousand")) {
                v *= 1000;
            } else if (next.equals("million")) {
                v *= 1_000_000;
            }
        }
        return v;
    }

    private static boolean atLeastBefore(List<Token> toks, int i) {
        String one = i >= 1 ? toks.get(i - 1).text().toLowerCase(Locale.ROOT) : "";
        String two = i >= 2 ? toks.get(i - 2).text().toLowerCase(Locale.ROOT) + " " + one : "";
        String three = i >= 3 ? toks.get(i - 3).text().toLowerCase(Locale.ROOT) + " " + two : "";
        return AT_LEAST.contains(one) || AT_LEAST.contains(two) || AT_LEAST.contains(three);
    }

    static List<Count> find(List<Token> toks) {
        List<Count> out = new ArrayList<>();
        int n = toks.size();
        for (int i = 0; i < n; i++) {
            String lemma = toks.get(i).lemma().toLowerCase(Locale.ROOT);
            String text = toks.get(i).text().toLowerCase(Locale.ROOT);
            // "no casualties", "no deaths", "no one was killed"
            if (text.equals("no") && i + 1 < n) {
                String nx = toks.get(i + 1).lemma().toLowerCase(Locale.ROOT);
                if (nx.equals("casualty") || nx.equals("loss")) {
                    out.add(new Count(i, i + 1, 0, 0, false));
                    continue;
                }
                if (nx.equals("death") || nx.equals("fatality")) {
                    out.add(new Count(i, i + 1, 0, null, false));
                    continue;
                }
                if (nx.equals("injury")) {
                    out.add(new Count(i, i + 1, null, 0, false));
                    continue;
                }
            }
            // kill/wound + (at least) NUM
            if ((KILL_VERBS.contains(lemma) || WOUND_VERBS.contains(lemma)) && toks.get(i).pos().startsWith("VB")) {
                for (int j = i + 1; j < Math.min(n, i + 5); j++) {
                    Integer v = number(toks, j);
                    if (v != null) {
                        boolean dead = KILL_VERBS.contains(lemma);
                        if (lemma.equals("claim") && !(j + 1 < n && toks.get(j + 1).lemma().equalsIgnoreCase("life")) && !(j + 2 < n && toks.get(j + 2).lemma().equalsIgnoreCase("life"))) {
                            break;
                        }
                        out.add(new Count(i, j, dead ? v : null, dead ? null : v, atLeastBefore(toks, j)));
                        i = j;
                        break;
                    }
                    if (toks.get(j).pos().startsWith("VB") || toks.get(j).pos().equals(",")) {
                        break;
                    }
                }
                continue;
            }
            // NUM ... dead/killed/deaths | injured/wounded
            Integer v = number(toks, i);
            if (v != null) {
                for (int j = i + 1; j < Math.min(n, i + 5); j++) {
                    Token t = toks.get(j);
                    String l = t.lemma().toLowerCase(Locale.ROOT);
                    String tx = t.text().toLowerCase(Locale.ROOT);
                    if (DEAD.contains(l) || DEAD.contains(tx)) {
                        out.add(new Count(i, j, v, null, atLeastBefore(toks, i)));
                        i = j;
                        break;
                    }
                    if (INJURED.contains(l) || INJURED.contains(tx)) {
                        out.add(new Count(i, j, null, v, atLeastBefore(toks, i)));
                        i = j;
                        break;
                    }
                    boolean filler = t.pos().startsWith("NN") || t.pos().startsWith("JJ") || t.pos().equals("RB")
                            || l.equals("be") || l.equals("have") || tx.equals("of");
                    if (!filler) {
                        break;
                    }
                }
            }
        }
        return out;
    }
}
