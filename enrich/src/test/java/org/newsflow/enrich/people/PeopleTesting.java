package org.newsflow.enrich.people;

import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.NlpPipeline;

/** What the people tests share: sentences through the real CoreNLP pipeline (once per JVM) and a stub country tagger. */
final class PeopleTesting {
    static final PeopleTagger TAGGER = org.newsflow.enrich.EnrichFactory.process().peopleTagger();

    private PeopleTesting() {}

    static PeopleResult tag(String body) {
        AnalyzedText text = NlpPipeline.shared().analyze(body);
        return TAGGER.tag(text, StubGeo.tag(text), TextMask.none());
    }

    static PersonTag person(PeopleResult r, String name) {
        return r.people().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + name + " in " + r.people()));
    }

    static OrganizationTag org(PeopleResult r, String name) {
        return r.organizations().stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no organization " + name + " in " + r.organizations()));
    }
}
