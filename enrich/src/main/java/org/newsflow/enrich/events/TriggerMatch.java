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

/** A matched trigger in a sentence (sentence-local token indices). */
record TriggerMatch(EventLexicon.Trigger trigger, int first, int last, int head, Set<Integer> covered) {}
