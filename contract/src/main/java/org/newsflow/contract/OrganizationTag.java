package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An organization the article mentions.
 *
 * @param name canonical name
 * @param acronym acronym linked to it in the text ("EU"), if any
 * @param type GOV, MIL, IGO, PARTY, COMPANY, MEDIA, NGO... when known
 * @param country ISO alpha-2 when determinable; null for international bodies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationTag(String name, String acronym, String type, String country, int mentions, List<Mention> evidence) {
    public OrganizationTag {
        evidence = List.copyOf(evidence);
    }
}
