package org.newsflow.enrich.events;

import org.newsflow.enrich.people.ActorKind;
import org.newsflow.enrich.geo.GeoKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.newsflow.contract.Actor;
import org.newsflow.contract.Casualties;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Mention;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.ActorMention;
import org.newsflow.enrich.people.PeopleResult;

/** Queries on a sentence's dependency graph and tokens shared by the event rules: pure functions, no lexicon. */
final class DepPaths {
    private DepPaths() {}

    static String lemma(Token t) {
        return t.lemma() == null ? t.text().toLowerCase(Locale.ROOT) : t.lemma().toLowerCase(Locale.ROOT);
    }

    static String caseOf(DepGraph g, List<Token> toks, int i) {
        StringBuilder sb = new StringBuilder();
        for (int c : g.children(i)) {
            if (g.is(c, "case") || g.is(c, "mark")) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(toks.get(c).text().toLowerCase(Locale.ROOT));
            }
        }
        return sb.toString();
    }

    static boolean hasCase(DepGraph g, List<Token> toks, int i, String prep) {
        for (int c : g.children(i)) {
            if ((g.is(c, "case") || g.is(c, "mark")) && toks.get(c).text().equalsIgnoreCase(prep)) {
                return true;
            }
        }
        return g.rel(i).endsWith(":" + prep);
    }

    static boolean isPassive(DepGraph g, int h) {
        return !g.children(h, "nsubj:pass").isEmpty() || !g.children(h, "aux:pass").isEmpty()
                || !g.children(h, "csubj:pass").isEmpty();
    }

    static List<Integer> subjectsOf(DepGraph g, int v) {
        List<Integer> out = new ArrayList<>();
        for (int c : g.children(v)) {
            if (g.rel(c).equals("nsubj") || g.rel(c).equals("nsubj:xsubj")) {
                out.add(c);
            }
        }
        return out;
    }

    /** A gerund used as a noun ("fighting between the two countries left 286 dead"). */
    static boolean nominal(DepGraph g, List<Token> toks, int h) {
        String pos = toks.get(h).pos();
        if (pos.startsWith("NN")) {
            return true;
        }
        return pos.equals("VBG") && g.children(h, "nsubj").isEmpty() && g.children(h, "aux").isEmpty()
                && (g.is(h, "nsubj") || g.is(h, "obj") || g.is(h, "obl") || g.is(h, "nmod"));
    }

    static void dedupe(List<Actor> actors) {
        Set<String> seen = new HashSet<>();
        actors.removeIf(a -> !seen.add(a.country() + "|" + a.name()));
    }

    /** Tokens of the phrase headed by h that describe the actor. */
    static List<Integer> phrase(DepGraph g, List<Token> toks, int h) {
        List<Integer> out = new ArrayList<>();
        collect(g, toks, h, out, 0);
        out.sort(Integer::compare);
        return out;
    }

    static void collect(DepGraph g, List<Token> toks, int h, List<Integer> out, int depth) {
        out.add(h);
        if (depth > 3) {
            return;
        }
        for (int c : g.children(h)) {
            String r = g.rel(c);
            boolean take = r.startsWith("compound") || (r.startsWith("amod") && c < h) || r.startsWith("nmod:poss") || r.startsWith("flat")
                    || r.equals("det") || r.startsWith("nummod") || r.equals("case") || r.startsWith("appos")
                    || (r.startsWith("nmod") && (hasCase(g, toks, c, "of") || hasCase(g, toks, c, "in") || hasCase(g, toks, c, "from")));
            if (take) {
                collect(g, toks, c, out, depth + 1);
            }
        }
    }

    static void collectSubtree(DepGraph g, int h, List<Integer> out, int depth, int max) {
        out.add(h);
        if (depth >= max) {
            return;
        }
        for (int c : g.children(h)) {
            if (g.is(c, "ccomp") || g.is(c, "parataxis") || g.is(c, "conj") || g.is(c, "advcl") || g.is(c, "acl")) {
                continue;
            }
            collectSubtree(g, c, out, depth + 1, max);
        }
    }

    /**
     * The country tagger's mention on a sentence-local token, unless it is a city or region match inside a
     * person's name ("Obama" is also a town, "Bush" a village): a PERSON actor mention of the people tagger or a
     * CoreNLP PERSON token wins over a place.
     */
    static Optional<GeoMention> geoAt(EventDoc doc, Sentence s, int local) {
        int gi = s.firstToken() + local;
        Optional<GeoMention> m = doc.geo.mentionAt(gi);
        if (m.isEmpty()) {
            return m;
        }
        GeoKind kind = m.get().geoKind();
        if (kind == GeoKind.CITY || kind == GeoKind.REGION) {
            if ("PERSON".equals(s.tokens().get(local).ner())) {
                return Optional.empty();
            }
            for (ActorMention am : doc.people.mentionsAt(gi)) {
                if (am.is(ActorKind.PERSON)) {
                    return Optional.empty();
                }
            }
        }
        return m;
    }

    static boolean isRecipToken(List<Token> toks, int i) {
        String w = toks.get(i).text().toLowerCase(Locale.ROOT);
        String prev = i > 0 ? toks.get(i - 1).text().toLowerCase(Locale.ROOT) : "";
        return (w.equals("other") && prev.equals("each")) || (w.equals("another") && prev.equals("one"));
    }

    /** The PERSON-tagged tokens around h ("Barack Obama"). */
    static String personName(List<Token> toks, int h) {
        int a = h;
        int b = h;
        while (a > 0 && "PERSON".equals(toks.get(a - 1).ner())) {
            a--;
        }
        while (b + 1 < toks.size() && "PERSON".equals(toks.get(b + 1).ner())) {
            b++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = a; i <= b; i++) {
            sb.append(i > a ? " " : "").append(toks.get(i).text());
        }
        return sb.toString();
    }

    static boolean hasConjModifier(DepGraph g, List<Integer> span) {
        for (int i : span) {
            if (!g.children(i, "conj").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static boolean sameActors(List<Actor> a, List<Actor> b) {
        return !a.isEmpty() && new HashSet<>(a).equals(new HashSet<>(b));
    }

    static int specificity(String code) {
        String trimmed = code.replaceAll("0+$", "");
        return trimmed.length();
    }
}
