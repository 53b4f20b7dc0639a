package org.newsflow.enrich;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.newsflow.enrich.clean.Boilerplate;
import org.newsflow.enrich.clean.BoilerplateAnnotator;
import org.newsflow.enrich.events.CameoDictionary;
import org.newsflow.enrich.events.CameoTuning;
import org.newsflow.enrich.events.EventAnnotator;
import org.newsflow.enrich.events.EventLexicon;
import org.newsflow.enrich.events.EventTagger;
import org.newsflow.enrich.events.SentenceParser;
import org.newsflow.enrich.geo.CountryAnnotator;
import org.newsflow.enrich.geo.CountryTagger;
import org.newsflow.enrich.geo.Gazetteer;
import org.newsflow.enrich.geo.HeadlineCountriesAnnotator;
import org.newsflow.enrich.nlp.CoreNlpAnnotator;
import org.newsflow.enrich.nlp.LanguageDetector;
import org.newsflow.enrich.nlp.NlpPipeline;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.Lexicon;
import org.newsflow.enrich.people.PeopleAnnotator;
import org.newsflow.enrich.people.PeopleTagger;
import org.newsflow.enrich.pipeline.EnrichPipeline;
import org.newsflow.enrich.pipeline.Layer;
import org.newsflow.enrich.pipeline.PersonPlaceReconciler;

/**
 * The one place that builds enrichment: the CoreNLP pipeline, the dependency parser, the gazetteer and the lexicons,
 * each once (on first use, since an evaluation of countries needs no parser), and the annotators, each given what it
 * needs through its constructor. No tagger reaches another through a static; a process that wants one of each
 * holds one factory ({@link #process()}, which {@link Enricher#shared()} uses).
 *
 * <p>Tuning values come in one {@link EnrichTuning} (by default read once from system properties) and are passed on.
 * Thread-safe: every component is built at most once under the factory's lock and is immutable afterwards.
 */
public final class EnrichFactory {
    private final EnrichTuning tuning;

    private final Memo<NlpPipeline> nlp = new Memo<>(() -> NlpPipeline.withProperties(NlpPipeline.newsflowProperties()));
    private final Memo<LanguageDetector> languages = new Memo<>(LanguageDetector::new);
    private final Memo<Boilerplate> boilerplate = new Memo<>(Boilerplate::loadDefault);
    private final Memo<Gazetteer> gazetteer = new Memo<>(() -> Gazetteer.load(tuning().minPopulation()));
    private final Memo<CountryTagger> countryTagger = new Memo<>(() -> new CountryTagger(gazetteer(), tuning().geo()));
    private final Memo<Lexicon> peopleLexicon = new Memo<>(Lexicon::load);
    private final Memo<KnownLeaders> leaders = new Memo<>(() -> new KnownLeaders(Leaders.load(), peopleLexicon()));
    private final Memo<PeopleTagger> peopleTagger = new Memo<>(() -> new PeopleTagger(peopleLexicon(), knownLeaders()));
    private final Memo<EventLexicon> eventLexicon = new Memo<>(EventLexicon::loadDefault);
    private final Memo<SentenceParser> parser = new Memo<>(() -> new SentenceParser(tuning().fastParse()));
    private final Memo<EventTagger> eventTagger = new Memo<>(() -> {
        SentenceParser p = sentenceParser();
        CameoTuning cameo = tuning().cameo();
        return new EventTagger(eventLexicon(), p::parse, knownLeaders(), cameo.enabled() ? cameoDictionary() : null, cameo.ownCodes());
    });
    private final Memo<CameoDictionary> cameoDictionary = new Memo<>(CameoDictionary::loadDefault);
    private final Memo<Enricher> enricher = new Memo<>(() -> new Enricher(languageDetector(), articlePipeline(), nlp().description()));

    /** A factory with the tuning values of the system properties (the defaults when none is set). */
    public EnrichFactory() {
        this(EnrichTuning.fromSystemProperties());
    }

    public EnrichFactory(EnrichTuning tuning) {
        this.tuning = tuning;
    }

    public EnrichTuning tuning() {
        return tuning;
    }

    public NlpPipeline nlp() {
        return nlp.get();
    }

    public LanguageDetector languageDetector() {
        return languages.get();
    }

    public Boilerplate boilerplate() {
        return boilerplate.get();
    }

    public Gazetteer gazetteer() {
        return gazetteer.get();
    }

    public CountryTagger countryTagger() {
        return countryTagger.get();
    }

    public Lexicon peopleLexicon() {
        return peopleLexicon.get();
    }

    public KnownLeaders knownLeaders() {
        return leaders.get();
    }

    public PeopleTagger peopleTagger() {
        return peopleTagger.get();
    }

    /** PETRARCH2's CAMEO verb dictionary as converted by tools/cameo (loaded once, only when the tuning enables it). */
    public CameoDictionary cameoDictionary() {
        return cameoDictionary.get();
    }

    public EventLexicon eventLexicon() {
        return eventLexicon.get();
    }

    public SentenceParser sentenceParser() {
        return parser.get();
    }

    public EventTagger eventTagger() {
        return eventTagger.get();
    }

    /**
     * The article pipeline: trailers masked, one CoreNLP pass, headline countries, countries, people, the
     * person/place reconciliation, events. See docs/architecture.md for what each requires and produces.
     */
    public EnrichPipeline articlePipeline() {
        return articlePipeline(eventTagger());
    }

    /**
     * The article pipeline with another event tagger (the event-cost benchmark runs the dictionary on and off
     * in one process, sharing the CoreNLP pipeline, parser and lexicons).
     */
    public EnrichPipeline articlePipeline(EventTagger events) {
        CountryAnnotator countries = new CountryAnnotator(countryTagger());
        PeopleAnnotator people = new PeopleAnnotator(peopleTagger());
        return new EnrichPipeline(List.of(
                new BoilerplateAnnotator(boilerplate()),
                new CoreNlpAnnotator(nlp()),
                new HeadlineCountriesAnnotator(nlp(), countryTagger()),
                countries,
                people,
                new PersonPlaceReconciler(countries, people),
                new EventAnnotator(events)));
    }

    /**
     * Countries and people over text the caller analysed (the country evaluation): no trailer mask, no headline;
     * the same person/place reconciliation as the article pipeline.
     */
    public EnrichPipeline countriesAndPeoplePipeline() {
        CountryAnnotator countries = new CountryAnnotator(countryTagger());
        PeopleAnnotator people = new PeopleAnnotator(peopleTagger());
        return new EnrichPipeline(Set.of(Layer.TOKENS, Layer.MASK, Layer.HEADLINE_COUNTRIES),
                List.of(countries, people, new PersonPlaceReconciler(countries, people)));
    }

    /**
     * Countries, people and events over text the caller analysed, without the person/place reconciliation: the event
     * evaluation's path (its figures are measured with it; see docs/events.md).
     */
    public EnrichPipeline eventsPipeline() {
        return new EnrichPipeline(Set.of(Layer.TOKENS, Layer.MASK, Layer.HEADLINE_COUNTRIES),
                List.of(new CountryAnnotator(countryTagger()), new PeopleAnnotator(peopleTagger()), new EventAnnotator(eventTagger())));
    }

    public Enricher enricher() {
        return enricher.get();
    }

    /** The factory of this process: one CoreNLP pipeline, parser and set of lexicons shared by every caller. */
    public static EnrichFactory process() {
        return Process.FACTORY;
    }

    private static final class Process {
        static final EnrichFactory FACTORY = new EnrichFactory();
    }

    /** A component built on first use, at most once (the factory's monitor guards all of them). */
    private final class Memo<T> {
        private final Supplier<T> build;
        private T value;

        Memo(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            synchronized (EnrichFactory.this) {
                if (value == null) {
                    value = build.get();
                }
                return value;
            }
        }
    }
}
