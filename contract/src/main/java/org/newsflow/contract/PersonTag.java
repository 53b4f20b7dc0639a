package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One real person per article, short mentions ("Pashinian", "Mr. Aliyev") merged into the fullest name.
 *
 * @param name canonical name (the fullest form used in the article)
 * @param key normalised name, stable across articles, for counting the same person over time
 * @param mentions number of mentions
 * @param titles titles and roles stated in the text ("Prime Minister")
 * @param country ISO alpha-2 of the country the person acts for, when the text says so
 * @param evidence mention spans
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonTag(String name, String key, int mentions, List<String> titles, String country, List<Mention> evidence) {
    public PersonTag {
        titles = List.copyOf(titles);
        evidence = List.copyOf(evidence);
    }
}
