package org.newsflow.enrich.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.Mention;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;

/**
 * Unnamed actors: "Armenian forces", "protesters", "the two foreign ministers".
 */
final class UnnamedActorFinder {
    private final PeopleDoc doc;

    UnnamedActorFinder(PeopleDoc doc) {
        this.doc = doc;
    }

    void findUnnamed(List<ActorMention> actors) {
        // bare titles: "the foreign ministers of these two rival countries", "the Armenian and Azerbaijani foreign ministers"
        for (TitleMatch t : doc.titles) {
            if (t.usedByPerson || !t.title.alone()) {
                continue;
            }
            int next = t.extLast + 1;
            if (next < doc.n && doc.sameSentence(next, t.last) && (doc.tok(next).pos().startsWith("NN") || doc.tok(next).isProperNoun())) {
                continue; // a modifier of another noun ("minister level") or a name we did not accept
            }
            int before = t.ctxFirst - 1;
            boolean introduced = t.plural || !t.countries.isEmpty() || t.org != null
                    || (before >= 0 && doc.sameSentence(before, t.first) && (PeopleDoc.DETERMINERS.contains(doc.low[before]) || "POS".equals(doc.tok(before).pos())));
            if (!introduced) {
                continue;
            }
            emitUnnamed(actors, t.ctxFirst, t.extLast, t.countries.isEmpty() && t.country() != null ? List.of(t.country()) : t.countries, t.sector());
        }
        // group nouns: "Azerbaijani armed forces", "units of the Azerbaijani armed forces", "the government"
        for (int w = 0; w < doc.words.size(); w++) {
            int ti = doc.wordTok.get(w);
            if (ti >= doc.n || !doc.free(ti) || doc.firstWordOf[ti] != w) {
                continue;
            }
            Lexicon.Phrases.Entry<String> e = doc.matchAt(doc.lx.roles, w, true);
            if (e == null) {
                continue;
            }
            int last = doc.lastTokOf(w, e.words().size());
            if (!doc.allTokensFree(ti, last) || !doc.tok(last).pos().startsWith("NN")) {
                continue;
            }
            int next = last + 1;
            if (next < doc.n && doc.sameSentence(next, last) && doc.free(next) && doc.tok(next).pos().startsWith("NN")) {
                continue; // "police station", "government forces" (the next noun is the head)
            }
            for (int k = ti; k <= last; k++) {
                doc.owner[k] = Owner.ROLE;
            }
            String sector = e.value();
            List<String> countries = new ArrayList<>();
            int first = ti;
            int end = last;
            // left: country words, one adjective between ("Armenian regular forces"), coordination
            int k = ti - 1;
            if (k >= 0 && doc.sameSentence(k, ti) && doc.actorGeo(k) == null && doc.tok(k).pos().startsWith("JJ") && !doc.tok(k).isCapitalised()
                    && doc.actorGeo(k - 1) != null) {
                k--;
            }
            while (k >= 0 && doc.sameSentence(k, ti) && !doc.masked[k]) {
                int kk = "POS".equals(doc.tok(k).pos()) && k > 0 ? k - 1 : k;
                GeoMention g = doc.actorGeo(kk);
                if (g == null || (kk + 1 < doc.n && PeopleDoc.isHyphen(doc.tok(kk + 1).text()))) {
                    break;
                }
                if (!countries.contains(g.country())) {
                    countries.add(0, g.country());
                }
                first = Math.max(g.firstToken(), 0);
                k = first - 1;
                if (k > 0 && ("and".equals(doc.low[k]) || ",".equals(doc.low[k])) && doc.actorGeo(k - 1) != null) {
                    k--;
                }
            }
            // right: "of Azerbaijan", or "of the Azerbaijani armed forces" (the inner group decides)
            int r = last + 1;
            if (r + 1 < doc.n && "of".equals(doc.low[r]) && doc.sameSentence(r, last)) {
                int j = r + 1;
                if (PeopleDoc.DETERMINERS.contains(doc.low[j]) && j + 1 < doc.n) {
                    j++;
                }
                GeoMention g = doc.actorGeo(j);
                if (g != null && countries.isEmpty() && doc.sameSentence(j, last)) {
                    int ge = g.lastToken();
                    int wj = doc.firstWordOf[Math.min(ge + 1, doc.n - 1)];
                    Lexicon.Phrases.Entry<String> inner = ge + 1 < doc.n ? doc.matchAt(doc.lx.roles, wj, true) : null;
                    if (inner != null && doc.sameSentence(ge + 1, last)) {
                        int innerLast = doc.lastTokOf(wj, inner.words().size());
                        sector = inner.value();
                        end = innerLast;
                        for (int q = ge + 1; q <= innerLast; q++) {
                            doc.owner[q] = Owner.ROLE;
                        }
                    } else {
                        end = ge;
                    }
                    countries.add(g.country());
                }
            }
            emitUnnamed(actors, first, end, countries, sector);
            w = doc.firstWordOf[end];
        }
    }

    void emitUnnamed(List<ActorMention> actors, int first, int last, List<String> countries, String sector) {
        while (first < last && PeopleDoc.DETERMINERS.contains(doc.low[first])) {
            first++;
        }
        String role = doc.span(first, last);
        if (countries.isEmpty()) {
            actors.add(new ActorMention(first, last, doc.tok(first).begin(), doc.tok(last).end(), ActorKind.UNNAMED, role, null, sector));
        } else {
            for (String c : countries) {
                actors.add(new ActorMention(first, last, doc.tok(first).begin(), doc.tok(last).end(), ActorKind.UNNAMED, role, c, sector));
            }
        }
    }
}
