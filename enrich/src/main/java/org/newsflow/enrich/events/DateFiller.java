package org.newsflow.enrich.events;

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

/**
 * When: date expressions ({@link DateNormalizer}) go to the lowest trigger above them, else to the nearest trigger;
 * the date of the report itself ("said on Monday") is nobody's.
 */
final class DateFiller {
    private final EventLexicon lex;

    DateFiller(EventLexicon lex) {
        this.lex = lex;
    }

    void fillDates(EventDoc doc, Sentence s, DepGraph g, List<EventCandidate> live) {
        List<Token> toks = s.tokens();
        List<DateNormalizer.Expr> exprs = DateNormalizer.find(toks);
        if (exprs.isEmpty()) {
            return;
        }
        Map<Integer, EventCandidate> heads = new HashMap<>();
        for (EventCandidate c : live) {
            heads.put(c.head, c);
            int p = g.head(c.head);
            if (p >= 0 && toks.get(c.head).pos().startsWith("NN") && !heads.containsKey(p) && (g.is(c.head, "obj") || g.is(c.head, "obl"))
                    && toks.get(p).pos().startsWith("VB")) {
                heads.putIfAbsent(p, c); // the light verb's dates belong to its nominal trigger
            }
        }
        Map<EventCandidate, DateNormalizer.Expr> own = new HashMap<>();
        List<DateNormalizer.Expr> free = new ArrayList<>();
        for (DateNormalizer.Expr e : exprs) {
            if (isReportDate(toks, e)) {
                continue;
            }
            boolean since = e.first() > 0 && toks.get(e.first() - 1).text().equalsIgnoreCase("since")
                    || e.first() > 1 && toks.get(e.first() - 2).text().equalsIgnoreCase("since");
            // the lowest trigger above the expression owns it
            EventCandidate owner = null;
            int anchor = e.last();
            for (int x = g.head(anchor), steps = 0; x >= 0 && steps < toks.size(); x = g.head(x), steps++) {
                if (heads.containsKey(x)) {
                    owner = heads.get(x);
                    break;
                }
                if (lex.cue("REPORT", DepPaths.lemma(toks.get(x)))) {
                    break;
                }
            }
            if (owner == null) {
                for (int i = e.first(); i <= e.last(); i++) {
                    if (heads.containsKey(i)) {
                        owner = heads.get(i);
                    }
                }
            }
            if (owner != null && !(since && g.head(e.last()) != owner.head)) {
                own.putIfAbsent(owner, e);
            } else if (!since) {
                free.add(e);
            }
        }
        for (EventCandidate c : live) {
            DateNormalizer.Expr e = own.get(c);
            if (e == null && !c.hypothetical) {
                int best = Integer.MAX_VALUE;
                for (DateNormalizer.Expr f : free) {
                    int d = Math.min(Math.abs(f.first() - c.head), Math.abs(f.last() - c.head));
                    if (d < best) {
                        best = d;
                        e = f;
                    }
                }
            }
            if (e != null) {
                c.date = e.resolve(doc.pub, c.future);
            }
        }
    }

    boolean isReportDate(List<Token> toks, DateNormalizer.Expr e) {
        for (int k = 1; k <= 3; k++) {
            int i = e.first() - k;
            if (i < 0) {
                break;
            }
            if (lex.cue("REPORT", DepPaths.lemma(toks.get(i))) && toks.get(i).pos().startsWith("VB")) {
                return true;
            }
            String w = toks.get(i).text().toLowerCase(Locale.ROOT);
            if (!(w.equals("on") || w.equals("here") || w.equals("late") || w.equals("early") || toks.get(i).pos().startsWith("NNP"))) {
                break;
            }
        }
        int j = e.last() + 1;
        return j < toks.size() && lex.cue("REPORT", DepPaths.lemma(toks.get(j))) && toks.get(j).pos().startsWith("VB");
    }
}
