package org.newsflow.enrich.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoreNLP pipeline newsflow runs on every article. Loading one costs 5-15 s and ~0.5-1 GB of heap,
 * so a process holds exactly one (built by {@link org.newsflow.enrich.EnrichFactory}), and threads share it: {@code annotate} is thread-safe.
 *
 * <p>Why this configuration: CoreNLP's default NER runs three CRF models, then fine-grained TokensRegex rules,
 * SUTime and numeric classifiers, at about 1,000 tokens/s per core. newsflow needs only the coarse
 * PERSON/LOCATION/ORGANIZATION/MISC classes from it (countries, cities, demonyms, titles and dates come from
 * its own gazetteers and rules, which are faster and more precise for this purpose), so it runs the single
 * 3-class CRF with the rest switched off: about ten times faster on these machines (see BENCHMARKS.md).
 */
public final class NlpPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(NlpPipeline.class);

    private final StanfordCoreNLP corenlp;
    private final String description;

    private NlpPipeline(Properties properties) {
        long start = System.nanoTime();
        this.corenlp = new StanfordCoreNLP(properties);
        this.description = properties.getProperty("annotators") + " ner.model=" + properties.getProperty("ner.model", "default");
        LOG.info("CoreNLP pipeline loaded in {} ms ({})", (System.nanoTime() - start) / 1_000_000, description);
    }

    /**
     * newsflow's pipeline of this process: the one {@link org.newsflow.enrich.EnrichFactory#process()} built, so a
     * caller outside the enrichment (the benchmark) measures the same instance without loading a second one.
     */
    public static NlpPipeline shared() {
        return org.newsflow.enrich.EnrichFactory.process().nlp();
    }

    /** A pipeline with explicit properties, for the benchmark's baseline. Callers own it; don't make one per article. */
    public static NlpPipeline withProperties(Properties properties) {
        return new NlpPipeline(properties);
    }

    public static Properties newsflowProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        // A blank line always ends a sentence: headings and trailers must not glue onto the next paragraph.
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        return p;
    }

    /** CoreNLP's defaults for tokenize,ssplit,pos,lemma,ner: the baseline newsflow is measured against. */
    public static Properties baselineProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        return p;
    }

    public String description() {
        return description;
    }

    /** Runs CoreNLP over the raw annotation (for the benchmark baseline). */
    public Annotation annotateRaw(String text) {
        Annotation annotation = new Annotation(text);
        corenlp.annotate(annotation);
        return annotation;
    }

    public AnalyzedText analyze(String body) {
        Annotation annotation = annotateRaw(body);
        List<Sentence> sentences = new ArrayList<>();
        int tokenIndex = 0;
        for (CoreMap s : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<Token> tokens = new ArrayList<>();
            int first = tokenIndex;
            for (CoreLabel label : s.get(CoreAnnotations.TokensAnnotation.class)) {
                String ner = label.ner() == null ? "O" : label.ner();
                tokens.add(new Token(label.originalText(), label.beginPosition(), label.endPosition(),
                        label.tag(), label.lemma(), ner, sentences.size(), tokenIndex++));
            }
            if (tokens.isEmpty()) {
                continue;
            }
            sentences.add(new Sentence(sentences.size(), tokens.get(0).begin(), tokens.get(tokens.size() - 1).end(), first, tokens));
        }
        return new AnalyzedText(body, sentences);
    }
}
