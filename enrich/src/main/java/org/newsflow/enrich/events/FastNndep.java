package org.newsflow.enrich.events;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.Classifier;
import edu.stanford.nlp.parser.nndep.Configuration;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.parser.nndep.ParsingSystem;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * The greedy transition loop of CoreNLP's nndep parser ({@code DependencyParser.predictInner}) with a faster
 * scorer over the same model: same features ({@link DependencyParser#getFeatures}), same transition system and
 * same weights, so the same parses (up to float rounding in near-ties). What differs from CoreNLP's
 * {@code Classifier.computeScores}:
 * <ul>
 *   <li>every POS and arc-label feature, and the most frequent word features listed in the model (as CoreNLP
 *       does), have their hidden-layer product precomputed, as floats, in dense tables (no boxed HashMap
 *       lookup per feature); other word features are computed once per sentence, not once per step;</li>
 *   <li>steps where only one transition is legal (the stack holds only ROOT and one word, or nothing is left to
 *       shift) are applied without scoring: CoreNLP scores them and then takes the only legal transition;</li>
 *   <li>both layers run in float (the hidden layer over W1 transposed, so each missing word feature is one
 *       contiguous loop per embedding dimension; the output layer over W2 transposed, eight accumulators per
 *       transition, so that each hidden unit is one contiguous loop over the transitions that the JIT
 *       vectorises: about three times faster than a dot product per transition, and the same sums in the same
 *       order as one, so the same scores to the last bit); CoreNLP
 *       accumulates in double, so a near-tie could resolve differently (none did on ~13,000 tokens checked);</li>
 *   <li>the one post-parse fix CoreNLP's UD {@code GrammaticalStructure} makes on these parses is repeated:
 *       {@code nsubj}/{@code csubj} of a verb with an {@code aux:pass} child become {@code :pass}.</li>
 * </ul>
 * Immutable after construction, so one instance serves all threads.
 */
final class FastNndep {
    private final DependencyParser parser;
    private final ParsingSystem system;
    private final List<String> transitions;
    private final char[] kind; // 'L', 'R', 'S'
    private final boolean[] rootLabel;
    private final float[] b1;
    private final float[][] e;
    /** W1 transposed per position: w1t[p][k * hidden + i] = W1[i][p * emb + k] (contiguous axpy rows). */
    private final float[][] w1t;
    /** W2 transposed: w2t[k][j] = W2[j][k], one row of transition weights per hidden unit. */
    private final float[][] w2t;
    private final int emb;
    private final int hidden;
    private final int numTokens;
    /**
     * tables[pos][id - base[pos]] = W1 slice of feature position pos times E[id], or null (computed on the fly).
     * Word positions index all ids; POS and label positions only the ids after the words.
     */
    private final float[][][] tables;
    private final int[] base;
    private final boolean singleRoot;
    private final int shiftId;
    private final int rootArcId;
    private final int wordFeaturesPrecomputed;

    FastNndep(DependencyParser parser, int wordFeaturesPrecomputed) {
        this.parser = parser;
        try {
            Classifier cl = (Classifier) field(DependencyParser.class, "classifier").get(parser);
            this.system = (ParsingSystem) field(DependencyParser.class, "system").get(parser);
            @SuppressWarnings("unchecked")
            List<String> tr = (List<String>) field(ParsingSystem.class, "transitions").get(system);
            this.transitions = List.copyOf(tr);
            String root = (String) field(ParsingSystem.class, "rootLabel").get(system);
            @SuppressWarnings("unchecked")
            List<Integer> pre = (List<Integer>) field(DependencyParser.class, "preComputed").get(parser);
            @SuppressWarnings("unchecked")
            int nWords = ((List<String>) field(DependencyParser.class, "knownWords").get(parser)).size();
            float[][] w1 = cl.getW1();
            this.b1 = cl.getb1();
            this.w2t = transpose(cl.getW2());
            this.e = cl.getE();
            this.emb = e[0].length;
            this.hidden = w1.length;
            this.numTokens = w1[0].length / emb;
            this.w1t = new float[numTokens][emb * hidden];
            for (int p = 0; p < numTokens; p++) {
                for (int k = 0; k < emb; k++) {
                    for (int i = 0; i < hidden; i++) {
                        w1t[p][k * hidden + i] = w1[i][p * emb + k];
                    }
                }
            }
            this.kind = new char[transitions.size()];
            this.rootLabel = new boolean[transitions.size()];
            for (int j = 0; j < transitions.size(); j++) {
                String t = transitions.get(j);
                kind[j] = t.charAt(0);
                rootLabel[j] = t.length() > 2 && t.substring(2, t.length() - 1).equals(root);
            }
            this.singleRoot = (Boolean) field(edu.stanford.nlp.parser.nndep.ArcStandard.class, "singleRoot").get(system);
            this.shiftId = transitions.indexOf("S");
            int r = -1;
            for (int j = 0; j < kind.length; j++) {
                if (kind[j] == 'R' && rootLabel[j]) {
                    r = j;
                }
            }
            this.rootArcId = r;
            if (shiftId < 0 || rootArcId < 0) {
                throw new IllegalStateException("unexpected transition set " + transitions);
            }
            this.tables = new float[numTokens][][];
            this.base = new int[numTokens];
            for (int p = 0; p < numTokens; p++) {
                base[p] = isPosOrLabelPosition(p) ? nWords : 0;
                tables[p] = new float[e.length - base[p]][];
            }
            // word features: the model's own list of frequent (id, position) pairs, most frequent first
            int n = 0;
            for (int key : pre) {
                if (n >= wordFeaturesPrecomputed) {
                    break;
                }
                int tok = key / numTokens;
                int pos = key % numTokens;
                if (tok < nWords && !isPosOrLabelPosition(pos) && tables[pos][tok] == null) {
                    tables[pos][tok] = slice(pos, tok);
                    n++;
                }
            }
            this.wordFeaturesPrecomputed = n;
            // POS and label features: every id at every position (ids after the words; a few thousand vectors)
            for (int p = 0; p < numTokens; p++) {
                if (isPosOrLabelPosition(p)) {
                    for (int tok = nWords; tok < e.length; tok++) {
                        tables[p][tok - nWords] = slice(p, tok);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new IllegalStateException("cannot read the nndep model for fast scoring", ex);
        }
    }

    private static float[][] transpose(float[][] m) {
        float[][] t = new float[m[0].length][m.length];
        for (int j = 0; j < m.length; j++) {
            for (int k = 0; k < m[j].length; k++) {
                t[k][j] = m[j][k];
            }
        }
        return t;
    }

    /** How many word features have a precomputed product (the others are computed once per sentence). */
    int wordFeaturesPrecomputed() {
        return wordFeaturesPrecomputed;
    }

    /** CoreNLP's feature layout: 18 word features, 18 POS features, 12 label features. */
    private boolean isPosOrLabelPosition(int p) {
        return p >= 18 && numTokens == 48;
    }

    private static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private float[] slice(int pos, int tok) {
        float[] out = new float[hidden];
        float[] x = e[tok];
        float[] wt = w1t[pos];
        for (int k = 0; k < emb; k++) {
            float xk = x[k];
            int off = k * hidden;
            for (int i = 0; i < hidden; i++) {
                out[i] += xk * wt[off + i];
            }
        }
        return out;
    }

    /** Heads (0 = root, 1-based) and labels for a sentence of CoreLabels with word, tag and index set. */
    void parse(List<CoreLabel> words, int[] headOut, String[] relOut) {
        CoreMap sentence = new ArrayCoreMap();
        sentence.set(CoreAnnotations.TokensAnnotation.class, words);
        Configuration c = system.initialConfiguration(sentence);
        int nt = transitions.size();
        float[] h = new float[hidden];
        int[] feats = new int[numTokens];
        float[] scores = new float[nt];
        boolean[] legal = new boolean[nt];
        float[][] acc = new float[LANES][nt];
        // word features missing from the tables, computed once per sentence (at most 18 per word of the sentence)
        Map<Integer, float[]> misses = new HashMap<>();
        while (c.getBufferSize() > 0 || c.getStackSize() > 1) {
            int stack = c.getStackSize();
            int buffer = c.getBufferSize();
            if (singleRoot) {
                // ArcStandard.canApply: L needs 3+ on the stack, R needs 3+ or (2 and an empty buffer), S a
                // non-empty buffer; an arc headed by ROOT has the root label, an arc headed by a word never has it
                if (stack < 2 || stack == 2 && buffer > 0) {
                    system.apply(c, transitions.get(shiftId));
                    continue;
                }
                if (stack == 2) {
                    system.apply(c, transitions.get(rootArcId));
                    continue;
                }
                for (int j = 0; j < nt; j++) {
                    legal[j] = kind[j] == 'S' ? buffer > 0 : !rootLabel[j];
                }
            } else {
                for (int j = 0; j < nt; j++) {
                    legal[j] = system.canApply(c, transitions.get(j));
                }
            }
            List<Integer> f = parser.getFeatures(c);
            for (int i = 0; i < numTokens; i++) {
                feats[i] = f.get(i);
            }
            hiddenLayer(feats, h, misses);
            outputLayer(h, scores, acc);
            int best = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < nt; j++) {
                if (legal[j] && scores[j] > bestScore) {
                    bestScore = scores[j];
                    best = j;
                }
            }
            system.apply(c, transitions.get(best));
        }
        int n = words.size();
        boolean[] passive = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            headOut[i - 1] = c.getHead(i);
            relOut[i - 1] = c.getLabel(i);
            if ("aux:pass".equals(relOut[i - 1])) {
                passive[headOut[i - 1]] = true;
            }
        }
        // as CoreNLP's UD GrammaticalStructure does after parsing: the subject of a verb with a passive
        // auxiliary is a passive subject ("Georgia will not be governed": nsubj -> nsubj:pass)
        for (int i = 0; i < n; i++) {
            if (passive[headOut[i]] && ("nsubj".equals(relOut[i]) || "csubj".equals(relOut[i]))) {
                relOut[i] = relOut[i] + ":pass";
            }
        }
    }

    /** Accumulators per transition of the output layer (hidden unit k goes to accumulator k mod 8). */
    private static final int LANES = 8;

    /**
     * scores = W2 h. Per transition j the sum is the one a dot product with eight independent accumulators makes
     * (unit k into accumulator k mod 8, in increasing k; units after the last full group of eight into the first;
     * then ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7))), computed a hidden unit at a time over all the
     * transitions ({@code a[j] += w2t[k][j] * h[k]}, a loop the JIT vectorises). Java never fuses a multiply and an
     * add, so each score is bit for bit the dot product's.
     */
    private void outputLayer(float[] h, float[] scores, float[][] acc) {
        outputLayer(w2t, h, scores, acc);
    }

    static void outputLayer(float[][] w2t, float[] h, float[] scores, float[][] acc) {
        int n = h.length;
        int nt = scores.length;
        for (float[] a : acc) {
            Arrays.fill(a, 0f);
        }
        int full = n - n % LANES;
        for (int k = 0; k < n; k++) {
            float hk = h[k];
            float[] w = w2t[k];
            float[] a = acc[k < full ? k % LANES : 0];
            for (int j = 0; j < nt; j++) {
                a[j] += w[j] * hk;
            }
        }
        float[] a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3], a4 = acc[4], a5 = acc[5], a6 = acc[6], a7 = acc[7];
        for (int j = 0; j < nt; j++) {
            scores[j] = ((a0[j] + a1[j]) + (a2[j] + a3[j])) + ((a4[j] + a5[j]) + (a6[j] + a7[j]));
        }
    }

    private void hiddenLayer(int[] feats, float[] h, Map<Integer, float[]> misses) {
        Arrays.fill(h, 0f);
        for (int p = 0; p < numTokens; p++) {
            int tok = feats[p];
            int t = tok - base[p];
            float[] pre = t >= 0 ? tables[p][t] : null;
            if (pre == null) {
                int key = tok * numTokens + p;
                pre = misses.get(key);
                if (pre == null) {
                    pre = slice(p, tok);
                    misses.put(key, pre);
                }
            }
            for (int i = 0; i < hidden; i++) {
                h[i] += pre[i];
            }
        }
        for (int i = 0; i < hidden; i++) {
            float v = h[i] + b1[i];
            h[i] = v * v * v;
        }
    }
}
