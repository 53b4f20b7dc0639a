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
        bareTitles(actors);
        groupNouns(actors);
    }

    /** Bare titles: "the foreign ministers of these two rival countries", "the Armenian and Azerbaijani foreign ministers". */
    private void bareTitles(List<ActorMention> actors) {
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
    }

    /** A group noun's span, sector and countries as they grow around the role phrase. */
    private static final class Group {
        final int head;
        final int headLast;
        int first;
        int end;
        String sector;
        final List<String> countries = new ArrayList<>();

        Group(int head, int headLast, String sector) {
            this.head = head;
            this.headLast = headLast;
            this.first = head;
            this.end = headLast;
            this.sector = sector;
        }
    }

    /** Group nouns: "Azerbaijani armed forces", "units of the Azerbaijani armed forces", "the government". */
    private void groupNouns(List<ActorMention> actors) {
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
            Group g = new Group(ti, last, e.value());
            countriesBefore(g);
            ofCountry(g);
            emitUnnamed(actors, g.first, g.end, g.countries, g.sector);
            w = doc.firstWordOf[g.end];
        }
    }

    /** Left: country words, one adjective between ("Armenian regular forces"), coordination ("Armenian and Azerbaijani"). */
    private void countriesBefore(Group g) {
        int ti = g.head;
        int k = ti - 1;
        if (k >= 0 && doc.sameSentence(k, ti) && doc.actorGeo(k) == null && doc.tok(k).pos().startsWith("JJ") && !doc.tok(k).isCapitalised()
                && doc.actorGeo(k - 1) != null) {
            k--;
        }
        while (k >= 0 && doc.sameSentence(k, ti) && !doc.masked[k]) {
            int kk = "POS".equals(doc.tok(k).pos()) && k > 0 ? k - 1 : k;
            GeoMention geo = doc.actorGeo(kk);
            if (geo == null || (kk + 1 < doc.n && PeopleDoc.isHyphen(doc.tok(kk + 1).text()))) {
                break;
            }
            if (!g.countries.contains(geo.country())) {
                g.countries.add(0, geo.country());
            }
            g.first = Math.max(geo.firstToken(), 0);
            k = g.first - 1;
            if (k > 0 && ("and".equals(doc.low[k]) || ",".equals(doc.low[k])) && doc.actorGeo(k - 1) != null) {
                k--;
            }
        }
    }

    /** Right: "of Azerbaijan", or "of the Azerbaijani armed forces" (the inner group decides the sector). */
    private void ofCountry(Group g) {
        int last = g.headLast;
        int r = last + 1;
        if (r + 1 >= doc.n || !"of".equals(doc.low[r]) || !doc.sameSentence(r, last)) {
            return;
        }
        int j = r + 1;
        if (PeopleDoc.DETERMINERS.contains(doc.low[j]) && j + 1 < doc.n) {
            j++;
        }
        GeoMention geo = doc.actorGeo(j);
        if (geo == null || !g.countries.isEmpty() || !doc.sameSentence(j, last)) {
            return;
        }
        int ge = geo.lastToken();
        int wj = doc.firstWordOf[Math.min(ge + 1, doc.n - 1)];
        Lexicon.Phrases.Entry<String> inner = ge + 1 < doc.n ? doc.matchAt(doc.lx.roles, wj, true) : null;
        if (inner != null && doc.sameSentence(ge + 1, last)) {
            int innerLast = doc.lastTokOf(wj, inner.words().size());
            g.sector = inner.value();
            g.end = innerLast;
            for (int q = ge + 1; q <= innerLast; q++) {
                doc.owner[q] = Owner.ROLE;
            }
        } else {
            g.end = ge;
        }
        g.countries.add(geo.country());
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
