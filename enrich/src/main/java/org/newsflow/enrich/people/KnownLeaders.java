package org.newsflow.enrich.people;

import java.util.HashSet;
import java.util.Set;

/**
 * Person keys and the well-known office holders they refer to ({@code people/leaders.tsv}). One instance, built by the
 * factory, serves the people tagger (people the text gives no country) and the event rules (a PERSON the people
 * tagger did not output), so both read the same list through the same key.
 */
public final class KnownLeaders {
    private final Leaders leaders;
    private final Set<String> keyStrip;

    public KnownLeaders(Leaders leaders, Lexicon lexicon) {
        this.leaders = leaders;
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

    /** The well-known office holder a person name refers to, or null. */
    public Leaders.Leader leader(String name) {
        return name == null ? null : leaders.find(personKey(name));
    }
}
