package org.newsflow.enrich.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The ordered annotators of enrichment. The order is checked once, here, when the pipeline is built: an annotator
 * whose required layers are not given nor produced by an annotator before it is refused with an
 * {@link IllegalArgumentException}, so a wrong order fails at start-up rather than as empty tags on live articles.
 */
public final class EnrichPipeline {
    private final Set<Layer> given;
    private final List<Annotator> annotators;

    /**
     * @param given layers the caller fills in before {@link #annotate} (an evaluation that brings its own tokens)
     * @param annotators in the order they run
     */
    public EnrichPipeline(Set<Layer> given, List<Annotator> annotators) {
        this.given = given.isEmpty() ? EnumSet.noneOf(Layer.class) : EnumSet.copyOf(given);
        this.annotators = List.copyOf(annotators);
        check(this.given, this.annotators);
    }

    public EnrichPipeline(List<Annotator> annotators) {
        this(Set.of(), annotators);
    }

    private static void check(Set<Layer> given, List<Annotator> annotators) {
        Set<Layer> present = EnumSet.noneOf(Layer.class);
        present.addAll(given);
        for (Annotator a : annotators) {
            List<Layer> missing = new ArrayList<>();
            for (Layer l : a.contract().requires()) {
                if (!present.contains(l)) {
                    missing.add(l);
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("annotator '" + a.contract().name() + "' requires " + missing
                        + ", which no annotator before it produces (order: " + names(annotators) + ")");
            }
            present.addAll(a.contract().produces());
        }
    }

    private static String names(List<Annotator> annotators) {
        return annotators.stream().map(a -> a.contract().name()).collect(Collectors.joining(", "));
    }

    /** Runs every annotator in order over the document (an article not in English only through the language-independent ones). */
    public void annotate(ArticleDoc doc) {
        for (Annotator a : annotators) {
            if (a.contract().englishOnly() && !doc.english()) {
                continue;
            }
            a.annotate(doc);
        }
    }

    public List<Annotator> annotators() {
        return annotators;
    }

    public Set<Layer> given() {
        return Set.copyOf(given);
    }

    /** "boilerplate [] -> [MASK]; corenlp [] -> [TOKENS]; ...": the order and contract, for logs and docs. */
    public String describe() {
        return annotators.stream().map(a -> a.contract().name() + " " + new TreeSet<>(a.contract().requires()) + " -> " + new TreeSet<>(a.contract().produces()))
                .collect(Collectors.joining("; "));
    }
}
