package org.newsflow.enrich.people;

/**
 * What a piece of evidence of a person or organization tag is. The constant's name is the value on the wire
 * ({@code Mention.kind} in a person or organization tag's evidence).
 */
public enum EvidenceKind {
    /** the name, in full or in part ("Nikol Pashinyan", "Pashinyan") */
    NAME,
    /** a title next to the name ("Prime Minister") */
    TITLE,
    /** an organization's acronym alone ("NATO") */
    ACRONYM;

    /** Whether a wire evidence kind is this one. */
    public boolean is(String kind) {
        return name().equals(kind);
    }
}
