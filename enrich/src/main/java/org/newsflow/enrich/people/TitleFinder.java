package org.newsflow.enrich.people;

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
 * Titles and roles ("Prime Minister", "Secretary of State") with their context: country words,
 * organization, modifiers ("former", "acting"), the portfolio after them.
 */
final class TitleFinder {
    private final PeopleDoc doc;

    TitleFinder(PeopleDoc doc) {
        this.doc = doc;
    }

    void findTitles() {
        for (int w = 0; w < doc.words.size(); w++) {
            int ti = doc.wordTok.get(w);
            if (ti >= doc.n || !doc.free(ti) || doc.firstWordOf[ti] != w) {
                continue;
            }
            Lexicon.Phrases.Entry<Lexicon.Title> e = doc.matchAt(doc.lx.titles, w, true);
            if (e == null) {
                continue;
            }
            int last = doc.lastTokOf(w, e.words().size());
            if (!doc.allTokensFree(ti, last) || !doc.tok(last).pos().startsWith("NN")) {
                continue;
            }
            // a title word inside a person's name ("Martin Luther King") is part of the name
            if (doc.tok(ti).is(NerClass.PERSON) && ti > 0 && doc.tok(ti - 1).is(NerClass.PERSON) && doc.sameSentence(ti - 1, ti)) {
                continue;
            }
            TitleMatch m = new TitleMatch();
            m.first = ti;
            // a portfolio: "Secretary of Energy", "Minister of Agriculture and Food"
            String portfolio = null;
            if (PeopleDoc.PORTFOLIO_TITLES.contains(doc.low[last]) && last + 2 < doc.n && "of".equals(doc.low[last + 1]) && doc.sameSentence(last, last + 2)) {
                int j = last + 2;
                int end = -1;
                while (j < doc.n && doc.sameSentence(j, last) && doc.free(j) && j - last < 6
                        && ((doc.tok(j).isProperNoun() && doc.tok(j).isCapitalised() && doc.geoAt[j] == null && !doc.tok(j).is(NerClass.PERSON))
                            || ("and".equals(doc.low[j]) && end > 0))) {
                    if (!"and".equals(doc.low[j])) {
                        end = j;
                    }
                    j++;
                }
                if (end > 0) {
                    portfolio = doc.span(last + 2, end);
                    last = end;
                }
            }
            m.portfolio = portfolio;
            m.last = last;
            m.extLast = last;
            m.title = e.value();
            String lastWord = Names.norm(doc.tok(last).text());
            m.plural = doc.tok(last).pos().endsWith("S") && !lastWord.equals(e.words().get(e.words().size() - 1));
            context(m);
            for (int i = ti; i <= last; i++) {
                doc.owner[i] = Owner.TITLE;
            }
            doc.titles.add(m);
            doc.titleEndingAt[m.extLast] = m;
            doc.titleStartingAt[m.first] = m;
            w = doc.firstWordOf[last];
        }
    }

    /** Fills a title's country, organization and modifier from the tokens around it. */
    void context(TitleMatch m) {
        // right: "President of Azerbaijan"
        int r = m.last + 1;
        if (r + 1 < doc.n && "of".equals(doc.low[r]) && doc.sameSentence(r, m.last)) {
            int j = r + 1;
            if ("the".equals(doc.low[j]) && j + 1 < doc.n) {
                j++;
            }
            GeoMention g = doc.actorGeo(j);
            if (g != null && doc.sameSentence(j, m.last) && g.firstToken() == j) {
                m.countries.add(g.country());
                m.extLast = g.lastToken();
            }
        }
        // left: modifiers, country words (coordinated too), possessives, organizations
        int k = m.first - 1;
        int steps = 0;
        while (k >= 0 && doc.sameSentence(k, m.first) && !doc.masked[k] && steps++ < 8) {
            Lexicon.Modifier mod = doc.lx.modifiers.get(doc.low[k]);
            if (mod != null && m.modifier == null) {
                m.modifier = mod.display();
                m.acts = mod.acts();
                k--;
                continue;
            }
            int kk = k;
            if ("POS".equals(doc.tok(kk).pos()) && kk > 0) {
                kk--;
            }
            GeoMention g = doc.actorGeo(kk);
            if (g != null && doc.sameSentence(kk, m.first) && (doc.owner[kk] == Owner.FREE || doc.owner[kk] == Owner.ORG && doc.orgAt[kk] != null
                    && doc.orgAt[kk].country != null && doc.orgAt[kk].last != kk)) {
                if (!m.countries.contains(g.country())) {
                    m.countries.add(0, g.country());
                }
                k = Math.max(g.firstToken(), 0) - 1;
                // coordination: "the Armenian and Azerbaijani foreign ministers"
                if (k > 0 && (doc.low[k].equals("and") || doc.low[k].equals(",")) && doc.actorGeo(k - 1) != null && doc.sameSentence(k - 1, m.first)) {
                    k--;
                }
                continue;
            }
            if (doc.owner[kk] == Owner.ORG && doc.orgAt[kk] != null && m.org == null && m.countries.isEmpty()) {
                m.org = doc.orgAt[kk];
                k = doc.orgAt[kk].first - 1;
                continue;
            }
            break;
        }
        m.ctxFirst = k + 1;
    }
}
