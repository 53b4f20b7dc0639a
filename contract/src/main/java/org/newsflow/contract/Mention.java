package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Evidence for a tag: a span of the article body, [begin, end) in UTF-16 code units,
 * exactly as {@code body.substring(begin, end)} in Java or {@code body.slice(begin, end)} in JavaScript.
 *
 * @param kind what sort of evidence this is (for countries: NAME, DEMONYM, CAPITAL, CITY, REGION,
 *     INSTITUTION...; for people: NAME, TITLE); null when there is only one kind
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mention(int begin, int end, String text, String kind) {
    public Mention(int begin, int end, String text) {
        this(begin, end, text, null);
    }
}
