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
 * Media outlets and wire services ("AFP", "France 24"): their tokens are never an actor.
 */
final class MediaFinder {
    private final PeopleDoc doc;

    MediaFinder(PeopleDoc doc) {
        this.doc = doc;
    }

    void findMedia() {
        for (int w = 0; w < doc.words.size(); w++) {
            int ti = doc.wordTok.get(w);
            if (ti >= doc.n || !doc.free(ti) || doc.firstWordOf[ti] != w) {
                continue;
            }
            if (doc.lx.mediaAcronyms.contains(doc.tok(ti).text())) {
                doc.owner[ti] = Owner.MEDIA;
                continue;
            }
            Lexicon.Phrases.Entry<String> e = doc.matchAt(doc.lx.media, w, false);
            if (e != null) {
                int last = doc.lastTokOf(w, e.words().size());
                if (doc.capitalisedPhrase(ti, last) && doc.allTokensFree(ti, last)) {
                    for (int i = ti; i <= last; i++) {
                        doc.owner[i] = Owner.MEDIA;
                    }
                }
            }
        }
    }
}
