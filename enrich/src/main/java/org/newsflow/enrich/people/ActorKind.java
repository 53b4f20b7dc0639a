package org.newsflow.enrich.people;

/** What an {@link ActorMention} names. The constant's name is the value on the wire (an event actor's kind). */
public enum ActorKind {
    /** a named person ("Nikol Pashinyan", "President Aliyev") */
    PERSON,
    /** a named organization ("NATO", "the Armenian Defense Ministry") */
    ORGANIZATION,
    /** an actor described by role ("the foreign ministers", "units of the Azerbaijani armed forces") */
    UNNAMED
}
