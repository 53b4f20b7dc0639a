package org.newsflow.ingest.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The scoring of the public article-extraction benchmark (scrapinghub), per page:
 * <ol>
 *   <li>tokens are the runs of word characters ({@code \w+}, Unicode) of the text;</li>
 *   <li>shingles are the 4-token windows (a text shorter than 4 tokens is one shingle);</li>
 *   <li>over the union of shingles, with counts: TP = sum of min(expected, extracted), FP = extracted surplus,
 *       FN = expected surplus, then divided by TP + FP + FN so every page weighs the same;</li>
 *   <li>precision = TP / (TP + FP), recall = TP / (TP + FN), both 1.0 when FP = FN = 0; a page with TP + FP = 0
 *       is left out of precision, one with TP + FN = 0 out of recall.</li>
 * </ol>
 * Over pages, precision and recall are means and F1 = 2PR / (P + R) of the means ({@link Totals}).
 */
public final class ShingleScore {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int SIZE = 4;

    private ShingleScore() {}

    /** One page: precision and recall, each {@code NaN} when it is left out of the mean. */
    public record Page(double precision, double recall) {
        public double f1() {
            return precision + recall == 0 || Double.isNaN(precision) || Double.isNaN(recall) ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    public static Page score(String expected, String extracted) {
        Map<String, Integer> exp = shingles(expected == null ? "" : expected);
        Map<String, Integer> got = shingles(extracted == null ? "" : extracted);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            int want = exp.getOrDefault(e.getKey(), 0);
            tp += Math.min(want, e.getValue());
            fp += Math.max(0, e.getValue() - want);
        }
        for (Map.Entry<String, Integer> e : exp.entrySet()) {
            fn += Math.max(0, e.getValue() - got.getOrDefault(e.getKey(), 0));
        }
        if (fp == 0 && fn == 0) {
            return new Page(1.0, 1.0);
        }
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        return new Page(precision, recall);
    }

    static Map<String, Integer> shingles(String text) {
        List<String> tokens = WORD.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
        Map<String, Integer> counts = new HashMap<>();
        if (tokens.isEmpty()) {
            return counts;
        }
        if (tokens.size() < SIZE) {
            counts.merge(String.join(" ", tokens), 1, Integer::sum);
            return counts;
        }
        for (int i = 0; i + SIZE <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + SIZE)), 1, Integer::sum);
        }
        return counts;
    }

    /** Means over pages. */
    public static final class Totals {
        private double precisionSum;
        private int precisionPages;
        private double recallSum;
        private int recallPages;

        public void add(Page page) {
            if (!Double.isNaN(page.precision())) {
                precisionSum += page.precision();
                precisionPages++;
            }
            if (!Double.isNaN(page.recall())) {
                recallSum += page.recall();
                recallPages++;
            }
        }

        public double precision() {
            return precisionPages == 0 ? 0 : precisionSum / precisionPages;
        }

        public double recall() {
            return recallPages == 0 ? 0 : recallSum / recallPages;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
