package org.newsflow.enrich.events;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.TypedDependency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.newsflow.enrich.nlp.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dependency parses single sentences with CoreNLP's neural dependency parser (English UD model from the
 * models jar) over the tokens and POS tags the pipeline already produced. One instance per process
 * (built once by {@link org.newsflow.enrich.EnrichFactory}); {@link #parse} is thread-safe: the network is scored by {@link FastNndep} (immutable tables,
 * per-call state only), the transition system keeps its state in the per-call {@code Configuration}.
 *
 * <p>The event tagger calls it only on sentences that hold a trigger and a possible actor or toll: with
 * {@link FastNndep} a parse costs ~0.07 ms per token (CoreNLP's own {@code predict}: ~0.14), still the largest
 * part of enrichment.
 */
public final class SentenceParser {
    private static final Logger LOG = LoggerFactory.getLogger(SentenceParser.class);
    private static final String MODEL = "edu/stanford/nlp/models/parser/nndep/english_UD.gz";

    /**
     * Word features with a precomputed hidden-layer product: by default every word feature the model lists
     * (98,550 of its 99,990 frequent features; 79 MB as floats). 40,000 (32 MB) left 41% more word features
     * to be computed per sentence, which was about a third of the parse (bench events, issue 13).
     */
    static final int WORD_FEATURES_PRECOMPUTED = Integer.getInteger("newsflow.events.precomputed", 100_000);

    private final DependencyParser parser;
    private final FastNndep fast;

    /**
     * @param fast score with {@link FastNndep} (default); false: CoreNLP's own {@code predict}
     *     ({@code -Dnewsflow.events.fastparse=false}, for comparison)
     */
    public SentenceParser(boolean fast) {
        long start = System.nanoTime();
        Properties props = new Properties();
        if (fast) {
            props.setProperty("numPreComputed", "0"); // FastNndep keeps its own tables; CoreNLP's would be 32 MB unused
        }
        this.parser = DependencyParser.loadFromModelFile(MODEL, props);
        FastNndep scorer = null;
        if (fast) {
            try {
                scorer = new FastNndep(parser, WORD_FEATURES_PRECOMPUTED);
            } catch (IllegalStateException e) {
                // another CoreNLP version with other internals: same parses through CoreNLP's predict, slower
                LOG.warn("fast dependency scoring unavailable, using CoreNLP's predict: {}", e.toString());
            }
        }
        this.fast = scorer;
        LOG.info("dependency parser loaded in {} ms ({}{})", (System.nanoTime() - start) / 1_000_000, MODEL,
                scorer != null ? ", fast scorer, " + scorer.wordFeaturesPrecomputed() + " word features precomputed" : "");
    }

    /** Parses one sentence given as its tokens (with POS tags). */
    public DepGraph parse(List<Token> tokens) {
        List<CoreLabel> words = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            CoreLabel l = new CoreLabel();
            l.setWord(t.text());
            l.setValue(t.text());
            l.setOriginalText(t.text());
            l.setTag(t.pos());
            l.setLemma(t.lemma());
            l.setIndex(i + 1);
            l.setBeginPosition(t.begin());
            l.setEndPosition(t.end());
            words.add(l);
        }
        int[] head = new int[tokens.size()];
        String[] rel = new String[tokens.size()];
        Arrays.fill(head, -1);
        if (fast != null) {
            fast.parse(words, head, rel);
            for (int i = 0; i < head.length; i++) {
                head[i] -= 1; // 1-based heads, 0 = ROOT -> 0-based, -1 = ROOT
            }
            return new DepGraph(head, rel);
        }
        GrammaticalStructure gs = parser.predict(words);
        for (TypedDependency d : gs.typedDependencies()) {
            int dep = d.dep().index() - 1;
            int gov = d.gov().index() - 1;
            if (dep < 0 || dep >= head.length) {
                continue;
            }
            head[dep] = gov; // gov -1 = ROOT
            rel[dep] = d.reln().toString();
        }
        return new DepGraph(head, rel);
    }
}
