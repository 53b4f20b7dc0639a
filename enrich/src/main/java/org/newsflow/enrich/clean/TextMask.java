package org.newsflow.enrich.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Character ranges of the body that are not news (publisher trailers, subscription prompts, credits).
 * The body itself is never cut, so every offset in the enriched record stays an offset into the body
 * that consumers have; taggers simply skip tokens inside a masked range.
 */
public final class TextMask {
    private static final TextMask NONE = new TextMask(List.of());

    /** A masked range [begin, end) and why it was masked. */
    public record Range(int begin, int end, String reason) {}

    private final List<Range> ranges;

    public TextMask(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Range::begin));
        this.ranges = List.copyOf(sorted);
    }

    public static TextMask none() {
        return NONE;
    }

    public List<Range> ranges() {
        return ranges;
    }

    /** Whether any character of [begin, end) is masked. */
    public boolean covers(int begin, int end) {
        for (Range r : ranges) {
            if (r.begin() >= end) {
                break;
            }
            if (r.end() > begin) {
                return true;
            }
        }
        return false;
    }
}
