package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who did what to whom, where and when.
 *
 * @param type PLOVER event type (AGREE ... ASSAULT)
 * @param mode PLOVER mode where the text says (for ASSAULT: firearms, artillery, aerial, explosive...)
 * @param cameoRoot CAMEO root code "01".."20"
 * @param quadClass 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
 * @param trigger the words that express the event
 * @param sentence span of the sentence holding it
 * @param date ISO date (yyyy-MM-dd, yyyy-MM or yyyy) normalised against the publication date
 * @param locationCountry ISO alpha-2 of where it happened, when stated
 * @param place place name where it happened, when stated
 * @param negated the text says it did not happen or that actors pledged not to do it
 * @param hypothetical feared, threatened or possible, not reported as having happened
 * @param cameoCode the full CAMEO code the event was coded with ("0332", "190", "1822"), as provenance: it starts
 *     with {@code cameoRoot}; absent in records written before it existed (added within schema version 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventTag(
        String type,
        String mode,
        String cameoRoot,
        int quadClass,
        Actor source,
        Actor target,
        Mention trigger,
        Mention sentence,
        String date,
        String locationCountry,
        String place,
        Casualties casualties,
        boolean negated,
        boolean hypothetical,
        String cameoCode) {

    /** The canonical constructor is the JSON creator (the shorter one below is for code written before {@code cameoCode}). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public EventTag {}

    /** An event without its full CAMEO code. */
    public EventTag(String type, String mode, String cameoRoot, int quadClass, Actor source, Actor target, Mention trigger,
            Mention sentence, String date, String locationCountry, String place, Casualties casualties, boolean negated,
            boolean hypothetical) {
        this(type, mode, cameoRoot, quadClass, source, target, trigger, sentence, date, locationCountry, place, casualties,
                negated, hypothetical, null);
    }
}
