package org.newsflow.sink.store;

import java.util.Map;

/**
 * One country on the map.
 *
 * @param articles distinct articles tagging the country
 * @param events events with the country as source or target (negated and hypothetical ones excluded)
 * @param quadClass those events per QuadClass (1 verbal cooperation .. 4 material conflict), every class present
 */
public record CountryActivity(String code, String name, long articles, long events, Map<Integer, Long> quadClass) {}
