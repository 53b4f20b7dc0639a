package org.newsflow.enrich.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.newsflow.contract.Actor;
import org.newsflow.contract.Casualties;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Mention;
import org.newsflow.enrich.clean.TextMask;
import org.newsflow.enrich.geo.GeoMention;
import org.newsflow.enrich.geo.GeoResult;
import org.newsflow.enrich.nlp.AnalyzedText;
import org.newsflow.enrich.nlp.Sentence;
import org.newsflow.enrich.nlp.Token;
import org.newsflow.enrich.nlp.WordList;
import org.newsflow.enrich.people.Leaders;
import org.newsflow.enrich.people.KnownLeaders;
import org.newsflow.enrich.people.ActorMention;
import org.newsflow.enrich.people.PeopleResult;

/** Per-article state of event coding: the layers it reads and the last pair of countries named together. */
final class EventDoc {
    final AnalyzedText text;
    final GeoResult geo;
    final PeopleResult people;
    final TextMask mask;
    final LocalDate pub;
    List<Actor> lastPair = List.of();

    EventDoc(AnalyzedText text, GeoResult geo, PeopleResult people, TextMask mask, LocalDate pub) {
        this.text = text;
        this.geo = geo == null ? new GeoResult(List.of(), List.of(), List.of()) : geo;
        this.people = people == null ? new PeopleResult(List.of(), List.of(), List.of()) : people;
        this.mask = mask == null ? TextMask.none() : mask;
        this.pub = pub;
    }
}
