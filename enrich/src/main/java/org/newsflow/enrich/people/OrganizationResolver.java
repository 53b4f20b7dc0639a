package org.newsflow.enrich.people;

import org.newsflow.enrich.geo.GeoKind;
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
 * Organization tags: mentions clustered by name, acronym and content key, each with its country and sector.
 */
final class OrganizationResolver {
    private final PeopleDoc doc;

    OrganizationResolver(PeopleDoc doc) {
        this.doc = doc;
    }

    List<OrganizationTag> resolveOrgs(List<ActorMention> actors) {
        acronymsInParentheses();
        clusterKeys();
        countrylessJoinNationalBody();
        Map<String, List<OrgMention>> clusters = new LinkedHashMap<>();
        for (OrgMention m : doc.orgs) {
            clusters.computeIfAbsent(m.clusterKey, k -> new ArrayList<>()).add(m);
        }
        List<OrganizationTag> out = new ArrayList<>();
        for (List<OrgMention> ms : clusters.values()) {
            out.add(tag(ms, actors));
        }
        return out;
    }

    /** Acronyms introduced in parentheses: "Collective Security Treaty Organization (CSTO)". */
    private void acronymsInParentheses() {
        for (OrgMention m : doc.orgs) {
            int p = m.last + 1;
            if (p + 2 < doc.n && "(".equals(doc.tok(p).text()) || p + 2 < doc.n && "-LRB-".equals(doc.tok(p).text())) {
                String a = doc.tok(p + 1).text();
                if (Lexicon.isAcronym(a) && (")".equals(doc.tok(p + 2).text()) || "-RRB-".equals(doc.tok(p + 2).text())) && m.acronym == null) {
                    m.acronym = a;
                }
            }
        }
    }

    /**
     * One key per organization: a known one's name, else its country and content words; an acronym alone takes the
     * key of the full name it was introduced with, or whose initials it is ("National Liberation Front" / "NLF").
     */
    private void clusterKeys() {
        Map<String, String> acronymToKey = new LinkedHashMap<>();
        for (OrgMention m : doc.orgs) {
            if (m.known != null) {
                m.clusterKey = "known:" + m.known.name();
            } else if (!m.acronymOnly) {
                m.clusterKey = contentKey(m);
            }
            if (m.clusterKey != null && m.acronym != null && !m.acronymOnly) {
                acronymToKey.put(m.acronym, m.clusterKey);
            }
        }
        for (OrgMention m : doc.orgs) {
            if (m.clusterKey == null && m.acronymOnly) {
                String k = acronymToKey.get(m.acronym);
                if (k == null) {
                    for (OrgMention o : doc.orgs) {
                        if (o.clusterKey != null && !o.acronymOnly && m.acronym.replace(".", "").equals(initials(o.text))) {
                            k = o.clusterKey;
                            break;
                        }
                    }
                }
                m.clusterKey = k != null ? k : "acronym:" + m.acronym;
            }
        }
    }

    /** A mention without country ("the Defense Ministry") joins the one national body with the same words. */
    private void countrylessJoinNationalBody() {
        for (OrgMention m : doc.orgs) {
            if (m.known == null && m.country == null && m.clusterKey.startsWith("-|")) {
                String suffix = m.clusterKey.substring(1);
                String only = null;
                int count = 0;
                for (OrgMention o : doc.orgs) {
                    if (o.country != null && o.clusterKey.endsWith(suffix) && !o.clusterKey.equals(only)) {
                        only = o.clusterKey;
                        count++;
                    }
                }
                if (count == 1) {
                    m.clusterKey = only;
                }
            }
        }
    }

    /** One organization's tag from its mentions (the longest full name wins), and an actor per mention. */
    private OrganizationTag tag(List<OrgMention> ms, List<ActorMention> actors) {
        OrgMention best = ms.get(0);
        String acronym = null;
        String country = null;
        String type = null;
        String sector = null;
        for (OrgMention m : ms) {
            if (!m.acronymOnly && (best.acronymOnly || m.text.length() > best.text.length())) {
                best = m;
            }
            acronym = acronym == null ? m.acronym : acronym;
            country = country == null ? m.country : country;
            type = type == null ? m.type : type;
            sector = sector == null ? m.sector : sector;
        }
        String name = best.known != null ? best.known.name() : best.text;
        if (acronym == null && best.known != null && !best.known.acronyms().isEmpty()) {
            acronym = ms.stream().anyMatch(m -> m.acronymOnly) ? ms.stream().filter(m -> m.acronymOnly).findFirst().get().acronym : null;
        }
        if ("IGO".equals(type)) {
            country = null; // an intergovernmental organization acts for no one country
        }
        List<Mention> evidence = new ArrayList<>();
        for (OrgMention m : ms) {
            evidence.add(new Mention(doc.tok(m.first).begin(), doc.tok(m.last).end(), m.text, (m.acronymOnly ? EvidenceKind.ACRONYM : EvidenceKind.NAME).name()));
            actors.add(new ActorMention(m.first, m.last, doc.tok(m.first).begin(), doc.tok(m.last).end(), ActorKind.ORGANIZATION, name,
                    country, sector != null ? sector : type));
        }
        return new OrganizationTag(name, acronym, type, country, ms.size(), evidence);
    }

    String contentKey(OrgMention m) {
        List<String> content = new ArrayList<>();
        for (int i = m.first; i <= m.last; i++) {
            if (doc.geoAt[i] != null && !doc.geoAt[i].is(GeoKind.INSTITUTION)) {
                continue;
            }
            if (doc.geoAt[i] != null && doc.geoAt[i].firstToken() == i && doc.geoAt[i].is(GeoKind.INSTITUTION) && doc.tok(i).pos().startsWith("JJ")) {
                continue;
            }
            for (String w : Names.words(doc.tok(i).text())) {
                if (!PeopleDoc.CONNECTORS.contains(w)) {
                    content.add("defence".equals(w) ? "defense" : w);
                }
            }
        }
        content.sort(null);
        return (m.country == null ? "-" : m.country) + "|" + String.join(" ", content);
    }

    static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("[\\s\\-]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }
}
