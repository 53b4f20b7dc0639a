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
 * People: candidates merged into entities (a bare surname to the full name), each with its country
 * (from the text, else from the well-known office holders) and its evidence.
 */
final class PersonResolver {
    private final PeopleDoc doc;

    PersonResolver(PeopleDoc doc) {
        this.doc = doc;
    }

    List<PersonTag> resolvePeople(List<PersonCandidate> candidates, List<ActorMention> actors) {
        List<PersonEntity> entities = group(candidates);
        List<PersonTag> people = new ArrayList<>();
        entities.sort(Comparator.comparingInt(e -> e.mentions.stream().mapToInt(m -> m.first).min().orElse(0)));
        for (PersonEntity e : entities) {
            people.add(tag(e));
            for (PersonCandidate m : e.mentions) {
                actors.add(new ActorMention(m.actorFirst, m.last, doc.tok(m.actorFirst).begin(), doc.tok(m.last).end(),
                        ActorKind.PERSON, e.name, e.country, e.sector));
            }
        }
        return people;
    }

    /**
     * Candidates grouped into people: first the names of two words or more (one person when {@link #compatible}),
     * then single words join the person whose surname (or, failing that, first name) they are, the most recent
     * one before them when several are.
     */
    static List<PersonEntity> group(List<PersonCandidate> candidates) {
        List<PersonEntity> entities = new ArrayList<>();
        for (PersonCandidate c : candidates) {
            if (c.words.size() < 2) {
                continue;
            }
            PersonEntity match = null;
            for (PersonEntity e : entities) {
                if (e.words.size() >= 2 && compatible(e.words, c.words)) {
                    match = e;
                    break;
                }
            }
            match = join(entities, match, c);
            if (c.words.size() > match.words.size()) {
                match.words = c.words;
            }
        }
        for (PersonCandidate c : candidates) {
            if (c.words.size() == 1) {
                join(entities, bySingleWord(entities, c), c);
            }
        }
        return entities;
    }

    /** The person a one-word candidate names: by surname, else by another of their names; null for none. */
    private static PersonEntity bySingleWord(List<PersonEntity> entities, PersonCandidate c) {
        String w = c.words.get(0);
        List<PersonEntity> bySurname = new ArrayList<>();
        List<PersonEntity> byOther = new ArrayList<>();
        for (PersonEntity e : entities) {
            if (e.words.get(e.words.size() - 1).equals(w)) {
                bySurname.add(e);
            } else if (e.words.size() >= 2 && e.words.contains(w)) {
                byOther.add(e);
            }
        }
        List<PersonEntity> pool = bySurname.isEmpty() ? byOther : bySurname;
        return pool.size() == 1 ? pool.get(0) : mostRecent(pool, c.first);
    }

    /** Adds the candidate to {@code match}, or to a new person when there is none; returns the person. */
    private static PersonEntity join(List<PersonEntity> entities, PersonEntity match, PersonCandidate c) {
        if (match == null) {
            match = new PersonEntity();
            match.words = c.words;
            entities.add(match);
        }
        match.mentions.add(c);
        c.entity = match;
        return match;
    }

    /**
     * The person's tag: the fullest mention as the name, titles and their evidence, the country and sector the
     * titles state, else those of the well-known office holder of that name.
     */
    private PersonTag tag(PersonEntity e) {
        e.mentions.sort(Comparator.comparingInt(m -> m.first));
        PersonCandidate fullest = e.mentions.get(0);
        for (PersonCandidate m : e.mentions) {
            if (m.words.size() > fullest.words.size()
                    || (m.words.size() == fullest.words.size() && m.text.length() > fullest.text.length())) {
                fullest = m;
            }
        }
        e.name = fullest.text;
        Set<String> titlesSeen = new LinkedHashSet<>();
        List<Mention> evidence = new ArrayList<>();
        for (PersonCandidate m : e.mentions) {
            evidence.add(new Mention(doc.tok(m.first).begin(), doc.tok(m.last).end(), m.text, EvidenceKind.NAME.name()));
            for (TitleMatch t : m.titles) {
                titlesSeen.add(t.display());
                evidence.add(new Mention(doc.tok(t.first).begin(), doc.tok(t.last).end(), doc.span(t.first, t.last), EvidenceKind.TITLE.name()));
                if (e.country == null && t.country() != null) {
                    e.country = t.country();
                }
                if (e.sector == null && t.sector() != null) {
                    e.sector = t.sector();
                }
            }
        }
        if (e.country == null) {
            // world knowledge, only when the text states no country: "President Obama" -> US
            Leaders.Leader known = doc.tagger.leader(e.name, doc.asOf);
            if (known != null) {
                e.country = known.country();
                if (e.sector == null && titlesSeen.isEmpty()) {
                    e.sector = known.sector(); // a titled person keeps the title's sector ("former President")
                }
            }
        }
        evidence.sort(Comparator.comparingInt(Mention::begin));
        return new PersonTag(e.name, doc.tagger.personKey(e.name), e.mentions.size(), List.copyOf(titlesSeen), e.country, evidence);
    }

    /** Two full names are one person when their surnames agree and their first names do not differ. */
    static boolean compatible(List<String> a, List<String> b) {
        if (!a.get(a.size() - 1).equals(b.get(b.size() - 1))) {
            return false;
        }
        String fa = a.get(0);
        String fb = b.get(0);
        if (fa.equals(fb)) {
            return true;
        }
        // an initial: "A. Blinken" / "Antony Blinken"
        return (fa.length() == 1 && fb.startsWith(fa)) || (fb.length() == 1 && fa.startsWith(fb));
    }

    static PersonEntity mostRecent(List<PersonEntity> pool, int before) {
        PersonEntity best = null;
        int bestPos = -1;
        for (PersonEntity e : pool) {
            for (PersonCandidate m : e.mentions) {
                if (m.first < before && m.first > bestPos) {
                    bestPos = m.first;
                    best = e;
                }
            }
        }
        return best != null ? best : pool.isEmpty() ? null : pool.get(0);
    }
}
