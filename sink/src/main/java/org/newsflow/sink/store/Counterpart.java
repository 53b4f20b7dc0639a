package org.newsflow.sink.store;

import java.util.Map;

/** A country on the other side of events involving the focus country: how many, and per PLOVER type. */
public record Counterpart(String code, long events, Map<String, Long> byType) {}
