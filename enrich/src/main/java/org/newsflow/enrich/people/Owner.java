package org.newsflow.enrich.people;

/**
 * Which finder took a token, per token of an article: the finders run in a fixed order (media, organizations,
 * titles, people, unnamed actors) and each takes only free tokens, so a token is in at most one mention.
 */
enum Owner {
    /** not taken yet */
    FREE,
    /** a media outlet or wire service ("AFP", "France 24"): never an actor */
    MEDIA,
    /** an organization */
    ORG,
    /** a title or role word of a person ("Prime Minister") */
    TITLE,
    /** a person's name */
    PERSON,
    /** an unnamed actor ("Armenian forces", "protesters") */
    ROLE
}
