package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A city or region below country level, with the country it lies in.
 *
 * @param kind CITY or REGION
 * @param country ISO alpha-2
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationTag(String name, String kind, String country, int mentions, List<Mention> evidence) {
    public LocationTag {
        evidence = List.copyOf(evidence);
    }
}
