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
 * Person candidates: CoreNLP PERSON runs and titled capitalised names, each with the titles around it.
 */
final class PersonFinder {
    private final PeopleDoc doc;

    PersonFinder(PeopleDoc doc) {
        this.doc = doc;
    }

    List<PersonCandidate> findPersonCandidates() {
        List<PersonCandidate> out = new ArrayList<>();
        boolean[] used = new boolean[doc.n];
        personRuns(out, used);
        afterTitles(out, used);
        out.sort(Comparator.comparingInt(c -> c.first));
        for (PersonCandidate c : out) {
            for (int k = c.first; k <= c.last; k++) {
                doc.owner[k] = Owner.PERSON;
            }
            attachTitles(c);
        }
        return out;
    }

    /** 1. CoreNLP PERSON runs, through a quoted nickname; not a run that touches a media or organization token. */
    private void personRuns(List<PersonCandidate> out, boolean[] used) {
        int i = 0;
        while (i < doc.n) {
            if (!doc.tok(i).is(NerClass.PERSON) || !doc.free(i)) {
                i++;
                continue;
            }
            int j = i;
            while (true) {
                j = doc.runEnd(i, j, NerClass.PERSON);
                // a quoted nickname inside a name: Katherine "Kay" Parsons
                int q = j + 1;
                if (q + 3 < doc.n && doc.sameSentence(i, q + 3) && doc.isQuote(q) && doc.tok(q + 1).is(NerClass.PERSON) && doc.isQuote(q + 2)
                        && doc.tok(q + 3).is(NerClass.PERSON) && doc.free(q + 1) && doc.free(q + 3)) {
                    j = q + 3;
                    continue;
                }
                break;
            }
            int next = j + 1;
            // a run that touches a media/organization token is an organization CoreNLP misread
            boolean touchesOrg = (i > 0 && doc.sameSentence(i - 1, i) && doc.tok(i - 1).is(NerClass.PERSON) && organizationOwned(i - 1))
                    || (next < doc.n && doc.sameSentence(j, next) && doc.tok(next).is(NerClass.PERSON) && organizationOwned(next));
            if (!touchesOrg) {
                take(candidate(i, j), out, used);
            }
            i = next;
        }
    }

    private boolean organizationOwned(int k) {
        return doc.owner[k] == Owner.MEDIA || doc.owner[k] == Owner.ORG;
    }

    /** 2. Proper-noun runs right after a title or an honorific: "President Aliyev", "Mr. Aliyev". */
    private void afterTitles(List<PersonCandidate> out, boolean[] used) {
        for (int k = 0; k < doc.n; k++) {
            boolean anchor = doc.honorificAt[k] || (doc.titleEndingAt[k] != null && !doc.titleEndingAt[k].plural && doc.titleEndingAt[k].extLast == doc.titleEndingAt[k].last);
            if (!anchor || k + 1 >= doc.n || !doc.sameSentence(k, k + 1)) {
                continue;
            }
            int s = k + 1;
            int e = s - 1;
            while (e + 1 < doc.n && doc.sameSentence(s, e + 1) && doc.free(e + 1) && !used[e + 1] && e + 1 - s < 4
                    && doc.tok(e + 1).isProperNoun() && doc.tok(e + 1).isCapitalised() && !PeopleDoc.CALENDAR.contains(doc.low[e + 1])
                    && !doc.placeNotTown(e + 1) && !doc.lx.titleWords.contains(doc.low[e + 1])) {
                e++;
            }
            if (e >= s) {
                take(candidate(s, e), out, used);
            }
        }
    }

    private static void take(PersonCandidate c, List<PersonCandidate> out, boolean[] used) {
        if (c != null) {
            out.add(c);
            for (int q = c.first; q <= c.last; q++) {
                used[q] = true;
            }
        }
    }

    PersonCandidate candidate(int first, int last) {
        while (first <= last && (doc.honorificAt[first] || PeopleDoc.DETERMINERS.contains(doc.low[first]) || !Character.isLetter(doc.tok(first).text().charAt(0)))) {
            first++;
        }
        while (last >= first && ("POS".equals(doc.tok(last).pos()) || !Character.isLetterOrDigit(doc.tok(last).text().charAt(0)))) {
            last--;
        }
        if (first > last) {
            return null;
        }
        boolean allGeo = true;
        boolean anyCap = false;
        for (int k = first; k <= last; k++) {
            // a town that shares a person's name ("Obama", "Bush") does not outweigh CoreNLP's PERSON
            allGeo &= doc.placeNotTown(k);
            anyCap |= doc.tok(k).isCapitalised();
        }
        if (allGeo || !anyCap) {
            return null;
        }
        String t = doc.span(first, last);
        if (doc.tagger.isMedia(t) || doc.lx.orgByFoldedName.containsKey(String.join(" ", Names.words(t)))) {
            return null;
        }
        if (PeopleDoc.STREET.contains(doc.low[last]) && first < last) {
            return null; // an address: "N. Poplar St."
        }
        PersonCandidate c = new PersonCandidate();
        c.first = first;
        c.last = last;
        c.text = t;
        c.words = Names.words(t);
        c.actorFirst = first;
        if (c.words.isEmpty() || c.words.stream().allMatch(doc.lx.titleWords::contains)) {
            return null;
        }
        return c;
    }

    void attachTitles(PersonCandidate c) {
        // before: "Armenian Prime Minister Nikol Pashinian", "the American secretary of State, Antony Blinken"
        int k = c.first - 1;
        if (k >= 0 && doc.honorificAt[k]) {
            c.actorFirst = k;
            k--;
        }
        TitleMatch before = k >= 0 ? doc.titleEndingAt[k] : null;
        boolean comma = false;
        if (before == null && k > 0 && ",".equals(doc.low[k])) {
            before = doc.titleEndingAt[k - 1];
            comma = true;
            if (before != null) {
                int d = before.ctxFirst - 1;
                boolean introduced = d < 0 || !doc.sameSentence(d, before.first) || PeopleDoc.DETERMINERS.contains(doc.low[d]) || ",".equals(doc.low[d]);
                if (!introduced || before.plural) {
                    before = null;
                }
            }
        }
        if (before != null && !before.plural && doc.sameSentence(before.first, c.first) && !before.usedByPerson) {
            c.titles.add(before);
            before.usedByPerson = true;
            if (!comma) {
                c.actorFirst = before.ctxFirst;
            }
        }
        // after: "Antony Blinken, the US secretary of state"
        int a = c.last + 1;
        if (a + 1 < doc.n && ",".equals(doc.low[a]) && doc.sameSentence(a, c.last)) {
            int s = a + 1;
            if (PeopleDoc.DETERMINERS.contains(doc.low[s]) && s + 1 < doc.n) {
                s++;
            }
            for (int q = s; q < Math.min(doc.n, s + 6) && doc.sameSentence(q, c.last); q++) {
                TitleMatch t = doc.titleStartingAt[q];
                if (t != null) {
                    boolean adjacent = t.ctxFirst <= s;
                    // "a Spanish diplomat", "the top US diplomat": at most two adjectives before the title's context
                    for (int j = s; !adjacent && j < t.ctxFirst && j < s + 2; j++) {
                        Token between = doc.tok(j);
                        if (!(between.pos().startsWith("JJ") || between.isProperNoun())) {
                            break;
                        }
                        adjacent = j + 1 == t.ctxFirst;
                    }
                    if (adjacent && !t.plural && !t.usedByPerson) {
                        c.titles.add(t);
                        t.usedByPerson = true;
                    }
                    break;
                }
            }
        }
    }
}
