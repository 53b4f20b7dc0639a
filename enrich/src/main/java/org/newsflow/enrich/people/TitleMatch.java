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

/** A title or role word with what the text says around it. */
final class TitleMatch {
    int first;
    int last;
    /** including "of Azerbaijan" after the title */
    int extLast;
    /** first token of the context before it (modifiers, country words, organization) */
    int ctxFirst;
    Lexicon.Title title;
    boolean plural;
    String modifier;
    boolean acts = true;
    final List<String> countries = new ArrayList<>();
    OrgMention org;
    boolean usedByPerson;

    String portfolio;

    String display() {
        String d = portfolio == null ? title.display() : title.display() + " of " + portfolio;
        return modifier == null ? d : modifier + " " + d;
    }

    String sector() {
        if (!acts) {
            return null;
        }
        if (title.sector() != null) {
            return title.sector();
        }
        if (org != null) {
            return org.sector;
        }
        return title.governmentWhenNational() && !countries.isEmpty() ? "GOV" : null;
    }

    String country() {
        if (countries.size() == 1) {
            return countries.get(0);
        }
        return org != null && org.country != null ? org.country : null;
    }
}
