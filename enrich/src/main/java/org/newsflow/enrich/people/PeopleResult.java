package org.newsflow.enrich.people;

import java.util.List;
import java.util.Optional;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;

/** People, organizations and unnamed actors found in one article, plus every actor mention by token span. */
public record PeopleResult(List<PersonTag> people, List<OrganizationTag> organizations, List<ActorMention> mentions) {
    /** Nothing found (for articles that are not tagged, e.g. not in English). */
    public static final PeopleResult EMPTY = new PeopleResult(List.of(), List.of(), List.of());

    public PeopleResult {
        people = List.copyOf(people);
        organizations = List.copyOf(organizations);
        mentions = List.copyOf(mentions);
    }

    /**
     * Every actor mention covering the given token: coordinated phrases ("the Armenian and Azerbaijani foreign
     * ministers") give one mention per country over the same span.
     */
    public List<ActorMention> mentionsAt(int tokenIndex) {
        List<ActorMention> out = new java.util.ArrayList<>();
        for (ActorMention m : mentions) {
            if (m.firstToken() <= tokenIndex && tokenIndex <= m.lastToken()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The actor mention covering the given token, if any. */
    public Optional<ActorMention> mentionAt(int tokenIndex) {
        for (ActorMention m : mentions) {
            if (m.firstToken() <= tokenIndex && tokenIndex <= m.lastToken()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
