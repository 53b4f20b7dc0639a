package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A public statement an actor made (CAMEO root 01: make a statement, decline to comment, comment pessimistically or
 * optimistically, consider a policy option, acknowledge or deny responsibility, a symbolic act, an empathetic
 * comment, express accord). PLOVER has no type for these, so they are not {@link EventTag}s and are not counted in
 * {@code eventCounts}: a consumer counting verbal activity reads them here. Example: "Turkey's foreign minister
 * denied responsibility for the blast" gives {@code cameoCode} 016 with source TR GOV.
 *
 * <p>Added within schema version 1 (additive): {@link EnrichedArticle#statements()} is absent in records of
 * articles without statements and in records written before it existed.
 *
 * @param cameoCode the full CAMEO code as the dictionary gives it, 3 or 4 digits starting with 01 ("010" make
 *     statement, "011" decline comment, "012" pessimistic comment, "013" optimistic comment, "014" consider policy
 *     option, "015" acknowledge responsibility, "016" deny responsibility, "017" symbolic act, "018" empathetic
 *     comment, "019" express accord)
 * @param quadClass always 0: statements are neither cooperation nor conflict (CAMEO's QuadClass 0, "neutral")
 * @param source who made the statement (same shape as an event's actors); always present
 * @param target whom it was addressed to or about, when the text says ("told the UN", "commented on Russia")
 * @param trigger the words that express the statement
 * @param sentence span of the sentence holding it
 * @param date ISO date (yyyy-MM-dd, yyyy-MM or yyyy) normalised against the publication date, when stated
 * @param negated the text says it was not made ("did not comment")
 * @param hypothetical expected or possible, not reported as made ("will announce")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Statement(
        String cameoCode,
        int quadClass,
        Actor source,
        Actor target,
        Mention trigger,
        Mention sentence,
        String date,
        boolean negated,
        boolean hypothetical) {

    /** CAMEO's QuadClass of public statements. */
    public static final int QUAD_CLASS = 0;

    /** Short names of the CAMEO 01x codes (our own words after the CAMEO codebook's headings). */
    private static final java.util.Map<String, String> LABELS = java.util.Map.of(
            "010", "make statement", "011", "decline comment", "012", "pessimistic comment", "013", "optimistic comment",
            "014", "consider policy option", "015", "acknowledge responsibility", "016", "deny responsibility",
            "017", "symbolic act", "018", "empathetic comment", "019", "express accord");

    /** A short name of a statement code ("016" -> "deny responsibility"; a 4-digit code by its 3-digit head). */
    public static String label(String cameoCode) {
        return cameoCode == null || cameoCode.length() < 3 ? null : LABELS.get(cameoCode.substring(0, 3));
    }

    public Statement {
        if (cameoCode == null || !cameoCode.matches("01\\d{1,2}")) {
            throw new IllegalArgumentException("a statement's CAMEO code is 3 or 4 digits starting with 01: " + cameoCode);
        }
        if (quadClass != QUAD_CLASS) {
            throw new IllegalArgumentException("a statement's QuadClass is 0, got " + quadClass);
        }
        if (source == null) {
            throw new IllegalArgumentException("a statement has a source (who made it)");
        }
    }
}
