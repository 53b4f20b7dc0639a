package org.newsflow.enrich.eval;

/** Arithmetic the accuracy commands share. */
final class Scoring {
    private Scoring() {}

    /** a / b, or 0 when there is nothing to divide by (no gold, no predictions). */
    static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
