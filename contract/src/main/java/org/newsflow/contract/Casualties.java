package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Casualty counts stated in the text; {@code atLeast} for "more than 6,500". */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Casualties(Integer dead, Integer injured, boolean atLeast) {}
