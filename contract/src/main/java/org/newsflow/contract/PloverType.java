package org.newsflow.contract;

/**
 * The 16 PLOVER event types (Open Event Data Alliance, PLOVER manual draft 0.8, 2021) that {@link EventTag#type()}
 * carries, in the manual's order (cooperation first, then conflict). {@code EventTag.type} stays a string on the
 * wire (the JSON Schema lists the same names); this enum is the one list Java code checks names against.
 */
public enum PloverType {
    AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT,
    REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT;

    /** The type of a name, or an exception naming the bad value (for data files that must hold PLOVER names). */
    public static PloverType parse(String name) {
        try {
            return valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PLOVER type: '" + name + "'", e);
        }
    }
}
