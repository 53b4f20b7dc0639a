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
 * People, organizations and unnamed actors of one article, from CoreNLP's coarse PERSON/ORGANIZATION spans,
 * part-of-speech tags, the title/organization/media lexicons in {@code /people/} and the country tagger's
 * mentions. Rules are described in docs/people.md.
 *
 * <p>Immutable: {@link #tag} is thread-safe and keeps all its state per call.
 */
public final class PeopleTagger {
    private final Lexicon lx;
    private final KnownLeaders leaders;

    public PeopleTagger(Lexicon lexicon, KnownLeaders leaders) {
        this.lx = lexicon;
        this.leaders = leaders;
    }

    /**
     * Whether the name is a known media outlet or wire service ("AFP", "Reuters", "France 24", "the Guardian"),
     * case-insensitive and accent-insensitive, a leading "the" ignored.
     */
    public boolean isMedia(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String trimmed = name.trim();
        if (lx.mediaAcronyms.contains(trimmed)) {
            return true;
        }
        List<String> w = Names.words(trimmed);
        if (w.isEmpty()) {
            return false;
        }
        if (lx.mediaFolded.contains(String.join(" ", w))) {
            return true;
        }
        return w.size() > 1 && "the".equals(w.get(0)) && lx.mediaFolded.contains(String.join(" ", w.subList(1, w.size())));
    }

    /**
     * The cross-article person key of a name: lower case, accents folded, punctuation and hyphens turned into
     * single spaces, leading honorifics, titles and title modifiers stripped ("President Ilham Alíyev" -> "ilham aliyev").
     */
    public String personKey(String name) {
        return leaders.personKey(name);
    }

    /**
     * The well-known office holder a person name refers to ({@code people/leaders.tsv}), or null. The people
     * tagger already applies it to every person the text gives no country; this is for callers that see a
     * person name the tagger did not output.
     */
    public Leaders.Leader leader(String name) {
        return leaders.leader(name);
    }

    /** The known person a name refers to, with the country and sector held on {@code asOf} (null: today). */
    public Leaders.Leader leader(String name, java.time.LocalDate asOf) {
        return leaders.leader(name, asOf);
    }

    public PeopleResult tag(AnalyzedText text, GeoResult geo, TextMask mask) {
        return tag(text, geo, mask, null);
    }

    /** People as of the article's publication date {@code asOf} (null: undated, roles as of today). */
    public PeopleResult tag(AnalyzedText text, GeoResult geo, TextMask mask, java.time.LocalDate asOf) {
        PeopleDoc d = new PeopleDoc(lx, text, geo == null ? new GeoResult(List.of(), List.of(), List.of()) : geo,
                mask == null ? TextMask.none() : mask, this);
        d.asOf = asOf;
        // the finders take free tokens in this order: media, known and pattern organizations, titles, CoreNLP
        // organizations, people; then the resolvers, and unnamed actors over what is left
        new MediaFinder(d).findMedia();
        OrganizationFinder orgs = new OrganizationFinder(d);
        orgs.findKnownOrgs();
        orgs.findPatternOrgs();
        new TitleFinder(d).findTitles();
        orgs.findCoreNlpOrgs();
        List<PersonCandidate> candidates = new PersonFinder(d).findPersonCandidates();
        List<ActorMention> actors = new ArrayList<>();
        List<PersonTag> people = new PersonResolver(d).resolvePeople(candidates, actors);
        new UnnamedActorFinder(d).findUnnamed(actors);
        List<OrganizationTag> organizations = new OrganizationResolver(d).resolveOrgs(actors);
        actors.sort(Comparator.comparingInt(ActorMention::firstToken).thenComparingInt(ActorMention::lastToken));
        return new PeopleResult(people, organizations, actors);
    }
}
