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
 * ({@link #shared()}); {@link #parse} is thread-safe: {@code DependencyParser.predict} keeps no per-call state
 * in the parser (CoreNLP's own depparse annotator calls it from several threads on one instance).
 *
 * <p>The event tagger calls it only on sentences that hold a trigger: depparse costs ~0.25 ms per token, so
 * parsing everything would eat most of the speed budget.
 */
public final class SentenceParser {
    private static final Logger LOG = LoggerFactory.getLogger(SentenceParser.class);
    private static final String MODEL = "edu/stanford/nlp/models/parser/nndep/english_UD.gz";
    private static volatile SentenceParser shared;

    private final DependencyParser parser;

    private SentenceParser() {
        long start = System.nanoTime();
        Properties props = new Properties();
        this.parser = DependencyParser.loadFromModelFile(MODEL, props);
        LOG.info("dependency parser loaded in {} ms ({})", (System.nanoTime() - start) / 1_000_000, MODEL);
    }

    public static SentenceParser shared() {
        SentenceParser p = shared;
        if (p == null) {
            synchronized (SentenceParser.class) {
                p = shared;
                if (p == null) {
                    shared = p = new SentenceParser();
                }
            }
        }
        return p;
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
