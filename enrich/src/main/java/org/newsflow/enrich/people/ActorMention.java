package org.newsflow.enrich.people;

/**
 * A span of the body that names an actor: a person, an organization, or an unnamed actor described by
 * role ("the Armenian Defense Ministry", "units of the Azerbaijani armed forces", "the foreign ministers").
 * The event tagger reads these to fill event sources and targets.
 *
 * @param firstToken article-wide index of the first token
 * @param lastToken article-wide index of the last token (inclusive)
 * @param actorKind person, organization or unnamed actor
 * @param name canonical name of the person or organization (for UNNAMED, the role text)
 * @param country ISO alpha-2 the actor acts for, when known
 * @param sector CAMEO-style sector (GOV, MIL, REB, OPP, PTY, COP, JUD, MED, BUS, CVL, IGO...) when known
 */
public record ActorMention(int firstToken, int lastToken, int begin, int end, ActorKind actorKind, String name, String country, String sector) {

    public boolean is(ActorKind k) {
        return actorKind == k;
    }
}
