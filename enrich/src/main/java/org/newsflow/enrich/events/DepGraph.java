package org.newsflow.enrich.events;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic Universal Dependencies tree over one sentence, sentence-local token indices (0-based).
 * {@code head[i] == -1} for the root. Relations are CoreNLP's basic UD labels (nsubj, obj, obl, nmod:poss...).
 */
public final class DepGraph {
    private final int[] head;
    private final String[] rel;
    private final List<List<Integer>> children;

    public DepGraph(int[] head, String[] rel) {
        this.head = head.clone();
        this.rel = rel.clone();
        this.children = new ArrayList<>();
        for (int i = 0; i < head.length; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] >= 0) {
                children.get(head[i]).add(i);
            }
        }
    }

    public int size() {
        return head.length;
    }

    public int head(int i) {
        return head[i];
    }

    public String rel(int i) {
        return rel[i] == null ? "" : rel[i];
    }

    public List<Integer> children(int i) {
        return children.get(i);
    }

    /** Children whose relation equals {@code r} or starts with {@code r + ":"}. */
    public List<Integer> children(int i, String r) {
        List<Integer> out = new ArrayList<>();
        for (int c : children.get(i)) {
            if (is(c, r)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether the relation of i is r or a subtype of r. */
    public boolean is(int i, String r) {
        String x = rel(i);
        return x.equals(r) || x.startsWith(r + ":");
    }

    /** Whether {@code anc} dominates {@code i} (or is i). */
    public boolean dominates(int anc, int i) {
        for (int x = i, steps = 0; x >= 0 && steps <= head.length; x = head[x], steps++) {
            if (x == anc) {
                return true;
            }
        }
        return false;
    }

    /** Depth of i below the root. */
    public int depth(int i) {
        int d = 0;
        for (int x = head[i]; x >= 0 && d <= head.length; x = head[x]) {
            d++;
        }
        return d;
    }
}
