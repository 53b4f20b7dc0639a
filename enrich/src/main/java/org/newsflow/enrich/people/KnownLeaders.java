package org.newsflow.enrich.people;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.newsflow.enrich.actors.AgentDictionary;
import org.newsflow.enrich.actors.DatedActors;
import org.newsflow.enrich.actors.Role;
import org.newsflow.enrich.actors.Sector;

/**
 * World knowledge about actors, one instance built by the factory for the people tagger and the event rules:
 * person keys; who a person name refers to, with the country and role they held on a date (PETRARCH2's dated
 * Phoenix actors, {@code actors/dated.tsv}, first; {@code people/leaders.tsv} for office holders those do not
 * cover, mostly people in office after 2014); and the sector of role nouns ({@code actors/agents.tsv}).
 */
public final class KnownLeaders {
    private final Leaders leaders;
    private final DatedActors dated;
    private final AgentDictionary agents;
    private final Set<String> keyStrip;

    public KnownLeaders(Leaders leaders, Lexicon lexicon) {
        this(leaders, DatedActors.load(), AgentDictionary.load(), lexicon);
    }

    public KnownLeaders(Leaders leaders, DatedActors dated, AgentDictionary agents, Lexicon lexicon) {
        this.leaders = leaders;
        this.dated = dated;
        this.agents = agents;
        Set<String> strip = new HashSet<>(lexicon.honorifics);
        strip.addAll(lexicon.titleWords);
        strip.addAll(lexicon.modifiers.keySet());
        strip.addAll(Set.of("the", "of"));
        this.keyStrip = Set.copyOf(strip);
    }

    /**
     * The cross-article person key of a name: lower case, accents folded, punctuation and hyphens turned into
     * single spaces, leading honorifics, titles and title modifiers stripped ("President Ilham Alíyev" -> "ilham aliyev").
     */
    public String personKey(String name) {
        return Names.personKey(name, keyStrip);
    }

    /** The office holder a person name refers to as of today (an undated text), or null. */
    public Leaders.Leader leader(String name) {
        return leader(name, null);
    }

    /**
     * The known actor a person name refers to, with the country and sector it had on {@code asOf} (the article's
     * publication date; null = today, the enrichment date), or null. The dated dictionary answers for the date when
     * one of its ranges covers it, or when the date is before its horizon (it knew the person then; an answer
     * without a range is the country alone, or an elite). After the horizon the office holders list, a current
     * snapshot, comes first for the people it lists (a later office the dictionary never saw), then the dictionary.
     * An international official has no country, only the IGO sector.
     */
    public Leaders.Leader leader(String name, LocalDate asOf) {
        if (name == null) {
            return null;
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        String key = personKey(name);
        DatedActors.Answer a = dated.answer(key, day);
        if (a == null) {
            a = dated.answer(String.join(" ", Names.words(name)), day);
        }
        Leaders.Leader known = a == null ? null : asLeader(name, a.role());
        if (known != null && (a.inRange() || !day.isAfter(dated.horizon()))) {
            return known;
        }
        Leaders.Leader listed = leaders.find(key);
        return listed != null ? listed : known;
    }

    private static Leaders.Leader asLeader(String name, Role r) {
        if (r.country() == null && r.sector() != Sector.IGO) {
            return null;
        }
        return new Leaders.Leader(name, r.country(), r.sector() == null ? null : r.sector().name());
    }

    /** The sector role nouns give (Phoenix agents): "police" -> COP, "settlers" -> CVL. */
    public AgentDictionary agents() {
        return agents;
    }

    /** The dated actor dictionary (named actors with country and role over time). */
    public DatedActors datedActors() {
        return dated;
    }

    /** The role of a folded name on a date, or null (for organizations the dated dictionary names, e.g. armed groups). */
    public Role role(List<String> foldedWords, LocalDate asOf) {
        return dated.roleOf(String.join(" ", foldedWords), asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
    }
}
