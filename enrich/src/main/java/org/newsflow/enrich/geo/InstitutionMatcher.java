package org.newsflow.enrich.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.LocationTag;
import org.newsflow.contract.Mention;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.Gazetteer.Entry;
import org.newsflow.enrich.geo.Gazetteer.Kind;
import org.newsflow.enrich.geo.Gazetteer.Node;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.EntityMention;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;

/** Step 5: a demonym heading a body ("Armenian Defense Ministry") makes the span an INSTITUTION of its country. */
final class InstitutionMatcher {
    private final Gazetteer gaz;

    InstitutionMatcher(Gazetteer gaz) {
        this.gaz = gaz;
    }

    /** "Armenian Defense Ministry", "the Azerbaijani armed forces", "Russian Foreign Ministry": a demonym heading a body. */
    void institution(PlaceMatch x, List<Piece> pieces, List<PlaceMatch> matches) {
        if (x.kind != GeoKind.DEMONYM) {
            return;
        }
        int sentence = pieces.get(x.from).sentence();
        for (int start = x.to + 1; start <= x.to + 3 && start < pieces.size(); start++) {
            // intermediate words must be capitalised ("Armenian Defense Ministry") and not another place
            if (start > x.to + 1) {
                Piece mid = pieces.get(start - 1);
                if (mid.text().isEmpty() || !Character.isUpperCase(mid.text().charAt(0)) || mid.sentence() != sentence) {
                    return;
                }
            }
            Node node = gaz.root();
            int headEnd = -1;
            for (int j = start; j < pieces.size() && pieces.get(j).sentence() == sentence; j++) {
                node = node.child(pieces.get(j).text());
                if (node == null) {
                    break;
                }
                for (Entry e : node.entries()) {
                    if (e.kind() == Kind.HEAD) {
                        headEnd = j;
                    }
                }
            }
            if (headEnd >= 0) {
                // do not swallow another resolved place
                for (PlaceMatch o : matches) {
                    if (o != x && o.from > x.to && o.from <= headEnd && !o.rejected && o.chosen != null) {
                        return;
                    }
                }
                x.instEnd = headEnd;
                return;
            }
        }
    }
}
