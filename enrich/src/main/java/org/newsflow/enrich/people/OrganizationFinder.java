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

    /** The span of a pattern organization as it grows around its head noun. */
    private static final class PatternSpan {
        final int head;
        int first;
        int last;
        int modifiers;
        String country;

        PatternSpan(int headFirst, int headLast) {
            this.head = headFirst;
            this.first = headFirst;
            this.last = headLast;
        }
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
            int headLast = doc.lastTokOf(w, e.words().size());
            if (!doc.capitalisedPhrase(ti, headLast) || !doc.allTokensFree(ti, headLast)) {
                continue;
            }
            GeoMention headGeo = doc.geoAt[ti];
            if (headGeo != null && !headGeo.is(GeoKind.INSTITUTION)) {
                continue; // "Soviet Union" is a place
            }
            PatternSpan s = new PatternSpan(ti, headLast);
            extendLeft(s);
            extendRight(s);
            if (s.modifiers == 0) {
                continue;
            }
            if (s.country == null) {
                s.country = countryBefore(s.first);
            }
            if (s.country == null) {
                s.country = actorCountryWithin(s.first, s.last);
            }
            doc.addOrg(patternOrg(s, e.value()));
            w = doc.firstWordOf[s.last];
        }
    }

    /** Left of the head: capitalised modifiers and country words ("Armenian Defense Ministry"). */
    private void extendLeft(PatternSpan s) {
        for (int k = s.head - 1; k >= 0 && doc.sameSentence(k, s.head) && doc.free(k); k--) {
            Token t = doc.tok(k);
            GeoMention g = doc.actorGeo(k);
            boolean sentenceStart = k == 0 || !doc.sameSentence(k - 1, k);
            if (g != null) {
                s.country = s.country == null ? g.country() : s.country;
                s.first = Math.min(s.first, Math.max(g.firstToken(), 0));
                k = s.first;
                s.modifiers++;
                continue;
            }
            if (!t.isCapitalised() || t.is(NerClass.PERSON) || PeopleDoc.CALENDAR.contains(doc.low[k])
                    || PeopleDoc.DETERMINERS.contains(doc.low[k]) || doc.honorificAt[k] || !(t.pos().startsWith("NN") || t.pos().startsWith("JJ"))) {
                break;
            }
            if (sentenceStart && !t.isProperNoun()) {
                break;
            }
            s.first = k;
            s.modifiers++;
        }
    }

    /** Right of the head: "of [the] Defense", "of Foreign Affairs and Trade", "of Armenia". */
    private void extendRight(PatternSpan s) {
        int k = s.last + 1;
        while (k < doc.n && doc.sameSentence(k, s.head) && doc.free(k) && Set.of("of", "for", "on").contains(doc.low[k])) {
            int j = k + 1;
            if (j < doc.n && doc.free(j) && "the".equals(doc.low[j])) {
                j++;
            }
            int end = -1;
            while (j < doc.n && doc.sameSentence(j, s.head) && doc.free(j)
                    && (doc.isCapContent(j) || ("and".equals(doc.low[j]) && j + 1 < doc.n && doc.isCapContent(j + 1)))
                    && !doc.tok(j).is(NerClass.PERSON)) {
                GeoMention g = doc.actorGeo(j);
                if (g != null && s.country == null) {
                    s.country = g.country();
                }
                end = j;
                j++;
            }
            if (end < 0) {
                break;
            }
            s.last = end;
            s.modifiers++;
            k = end + 1;
        }
    }

    /** The country of the first name, demonym, capital or institution inside [first, last], or null. */
    private String actorCountryWithin(int first, int last) {
        for (int i = first; i <= last; i++) {
            if (doc.geoAt[i] != null && PeopleDoc.ACTOR_GEO_KINDS.contains(doc.geoAt[i].geoKind())) {
                return doc.geoAt[i].country();
            }
        }
        return null;
    }

    /** The mention, typed by its head, then by domain words ("Defense": MIL), unless it is a party. */
    private OrgMention patternOrg(PatternSpan s, Lexicon.Head head) {
        OrgMention m = new OrgMention();
        m.first = s.first;
        m.last = s.last;
        m.text = doc.span(s.first, s.last);
        m.type = head.type();
        m.sector = head.sector();
        for (int i = s.first; i <= s.last; i++) {
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
        m.country = s.country;
        return m;
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
            Lexicon.Phrases.Entry<Lexicon.Head> head = headEndingAt(first, last);
            if (head != null) {
                m.type = head.value().type();
                m.sector = head.value().sector();
            }
            m.country = countryBefore(first);
            if (m.country == null) {
                m.country = actorCountryWithin(first, last);
            }
            if (Lexicon.isAcronym(t)) {
                m.acronym = t;
                m.acronymOnly = true;
            }
            doc.addOrg(m);
        }
    }

    /** The last organization head noun of [first, last] that ends at {@code last} ("... Defense Ministry"), or null. */
    private Lexicon.Phrases.Entry<Lexicon.Head> headEndingAt(int first, int last) {
        Lexicon.Phrases.Entry<Lexicon.Head> head = null;
        for (int w = doc.firstWordOf[first]; w < doc.words.size() && doc.wordTok.get(w) <= last; w++) {
            Lexicon.Phrases.Entry<Lexicon.Head> h = doc.matchAt(doc.lx.heads, w, false);
            if (h != null && doc.lastTokOf(w, h.words().size()) == last) {
                head = h;
            }
        }
        return head;
    }
}
