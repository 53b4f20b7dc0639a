package org.newsflow.enrich.people;

import org.newsflow.enrich.geo.GeoKind;
import org.newsflow.enrich.nlp.NerClass;
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
 * Organizations: the known ones of {@code organizations.tsv}, pattern ones ("Armenian Defense Ministry",
 * "the Ministry of Foreign Affairs of Azerbaijan") and CoreNLP ORGANIZATION runs.
 */
final class OrganizationFinder {
    private final PeopleDoc doc;

    OrganizationFinder(PeopleDoc doc) {
        this.doc = doc;
    }

    void findKnownOrgs() {
        for (int w = 0; w < doc.words.size(); w++) {
            int ti = doc.wordTok.get(w);
            if (ti >= doc.n || !doc.free(ti) || doc.firstWordOf[ti] != w) {
                continue;
            }
            Lexicon.KnownOrg byAcronym = doc.lx.orgAcronyms.get(doc.tok(ti).text());
            if (byAcronym != null) {
                OrgMention m = known(byAcronym, ti, ti);
                m.acronym = doc.tok(ti).text();
                m.acronymOnly = true;
                doc.addOrg(m);
                continue;
            }
            Lexicon.Phrases.Entry<Lexicon.KnownOrg> e = doc.matchAt(doc.lx.orgNames, w, false);
            if (e != null) {
                int last = doc.lastTokOf(w, e.words().size());
                if (doc.capitalisedPhrase(ti, last) && doc.allTokensFree(ti, last)) {
                    doc.addOrg(known(e.value(), ti, last));
                    w = doc.firstWordOf[last];
                }
            }
        }
    }

    OrgMention known(Lexicon.KnownOrg k, int first, int last) {
        OrgMention m = new OrgMention();
        m.first = first;
        m.last = last;
        m.text = doc.span(first, last);
        m.known = k;
        m.type = k.type();
        m.sector = k.sector();
        m.country = k.country();
        // "US Congress"-style names carry their country in the lexicon; a national prefix may refine others
        if (m.country == null && !"IGO".equals(k.type()) && !"ARMED_GROUP".equals(k.type())) {
            m.country = countryBefore(first);
        }
        return m;
    }

    /** A country stated right before a phrase: "Armenian", "Russia's". */
    String countryBefore(int first) {
        int k = first - 1;
        if (k >= 0 && "POS".equals(doc.tok(k).pos())) {
            k--;
        }
        GeoMention g = doc.actorGeo(k);
        return g != null && doc.sameSentence(k, first) ? g.country() : null;
    }

    /** Capitalised phrases around an organization head noun: "Armenian Defense Ministry", "Ministry of Defense". */
    void findPatternOrgs() {
        for (int w = 0; w < doc.words.size(); w++) {
            int ti = doc.wordTok.get(w);
            if (ti >= doc.n || !doc.free(ti) || doc.firstWordOf[ti] != w || !doc.tok(ti).isCapitalised()) {
                continue;
            }
            Lexicon.Phrases.Entry<Lexicon.Head> e = doc.matchAt(doc.lx.heads, w, false);
            if (e == null) {
                continue;
            }
            int headFirst = ti;
            int headLast = doc.lastTokOf(w, e.words().size());
            if (!doc.capitalisedPhrase(headFirst, headLast) || !doc.allTokensFree(headFirst, headLast)) {
                continue;
            }
            GeoMention headGeo = doc.geoAt[headFirst];
            if (headGeo != null && !headGeo.is(GeoKind.INSTITUTION)) {
                continue; // "Soviet Union" is a place
            }
            int first = headFirst;
            int modifiers = 0;
            String country = null;
            // left: capitalised modifiers and country words
            for (int k = headFirst - 1; k >= 0 && doc.sameSentence(k, headFirst) && doc.free(k); k--) {
                Token t = doc.tok(k);
                GeoMention g = doc.actorGeo(k);
                boolean sentenceStart = k == 0 || !doc.sameSentence(k - 1, k);
                if (g != null) {
                    country = country == null ? g.country() : country;
                    first = Math.min(first, Math.max(g.firstToken(), 0));
                    k = first;
                    modifiers++;
                    continue;
                }
                if (!t.isCapitalised() || t.is(NerClass.PERSON) || PeopleDoc.CALENDAR.contains(doc.low[k])
                        || PeopleDoc.DETERMINERS.contains(doc.low[k]) || doc.honorificAt[k] || !(t.pos().startsWith("NN") || t.pos().startsWith("JJ"))) {
                    break;
                }
                if (sentenceStart && !t.isProperNoun()) {
                    break;
                }
                first = k;
                modifiers++;
            }
            int last = headLast;
            // right: "of [the] Defense", "of Foreign Affairs and Trade", "of Armenia"
            int k = headLast + 1;
            while (k < doc.n && doc.sameSentence(k, headFirst) && doc.free(k) && Set.of("of", "for", "on").contains(doc.low[k])) {
                int j = k + 1;
                if (j < doc.n && doc.free(j) && "the".equals(doc.low[j])) {
                    j++;
                }
                int end = -1;
                while (j < doc.n && doc.sameSentence(j, headFirst) && doc.free(j)
                        && (doc.isCapContent(j) || ("and".equals(doc.low[j]) && j + 1 < doc.n && doc.isCapContent(j + 1)))
                        && !doc.tok(j).is(NerClass.PERSON)) {
                    GeoMention g = doc.actorGeo(j);
                    if (g != null && country == null) {
                        country = g.country();
                    }
                    end = j;
                    j++;
                }
                if (end < 0) {
                    break;
                }
                last = end;
                modifiers++;
                k = end + 1;
            }
            if (modifiers == 0) {
                continue;
            }
            if (country == null) {
                country = countryBefore(first);
            }
            if (country == null) {
                for (int i = first; i <= last; i++) {
                    if (doc.geoAt[i] != null && PeopleDoc.ACTOR_GEO_KINDS.contains(doc.geoAt[i].geoKind())) {
                        country = doc.geoAt[i].country();
                        break;
                    }
                }
            }
            OrgMention m = new OrgMention();
            m.first = first;
            m.last = last;
            m.text = doc.span(first, last);
            m.type = e.value().type();
            m.sector = e.value().sector();
            for (int i = first; i <= last; i++) {
                Lexicon.Head d = doc.lx.domains.get(doc.low[i]);
                if (d != null) {
                    if (d.type() != null && !"PARTY".equals(m.type)) {
                        m.type = d.type();
                    }
                    if (d.sector() != null && !"PTY".equals(m.sector)) {
                        m.sector = d.sector();
                    }
                }
            }
            m.country = country;
            doc.addOrg(m);
            w = doc.firstWordOf[last];
        }
    }

    /** CoreNLP ORGANIZATION runs that no lexicon or pattern claimed. */
    void findCoreNlpOrgs() {
        int i = 0;
        while (i < doc.n) {
            if (!doc.tok(i).is(NerClass.ORGANIZATION) || !doc.free(i)) {
                i++;
                continue;
            }
            int j = doc.runEnd(i, i, NerClass.ORGANIZATION);
            int first = i;
            int last = j;
            i = j + 1;
            while (first <= last && (PeopleDoc.DETERMINERS.contains(doc.low[first]) || PeopleDoc.isHyphen(doc.tok(first).text()))) {
                first++;
            }
            while (last >= first && ("POS".equals(doc.tok(last).pos()) || !Character.isLetterOrDigit(doc.tok(last).text().charAt(0)))) {
                last--;
            }
            if (first > last || !doc.capitalisedPhrase(first, last)) {
                continue;
            }
            boolean allGeo = true;
            for (int k = first; k <= last; k++) {
                allGeo &= doc.geoAt[k] != null && !doc.geoAt[k].is(GeoKind.INSTITUTION);
            }
            if (allGeo) {
                continue;
            }
            String t = doc.span(first, last);
            if (doc.tagger.isMedia(t)) {
                continue;
            }
            OrgMention m = new OrgMention();
            m.first = first;
            m.last = last;
            m.text = t;
            Lexicon.Phrases.Entry<Lexicon.Head> head = null;
            for (int w = doc.firstWordOf[first]; w < doc.words.size() && doc.wordTok.get(w) <= last; w++) {
                Lexicon.Phrases.Entry<Lexicon.Head> h = doc.matchAt(doc.lx.heads, w, false);
                if (h != null && doc.lastTokOf(w, h.words().size()) == last) {
                    head = h;
                }
            }
            if (head != null) {
                m.type = head.value().type();
                m.sector = head.value().sector();
            }
            m.country = countryBefore(first);
            if (m.country == null) {
                for (int k = first; k <= last; k++) {
                    GeoMention g = doc.actorGeo(k);
                    if (g != null) {
                        m.country = g.country();
                        break;
                    }
                }
            }
            if (Lexicon.isAcronym(t)) {
                m.acronym = t;
                m.acronymOnly = true;
            }
            doc.addOrg(m);
        }
    }
}
