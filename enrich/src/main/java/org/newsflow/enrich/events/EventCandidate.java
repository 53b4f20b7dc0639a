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

/** An event being built: the trigger, its roles and what the fillers add, until {@link EventEmitter} emits it. */
final class EventCandidate {
    TriggerMatch match;
    int head;
    String code;
    String mode;
    List<Actor> sources = new ArrayList<>();
    List<Actor> targets = new ArrayList<>();
    List<Actor> third = new ArrayList<>();
    boolean recip;
    /** the parse gave a source phrase (resolved or not): "hackers attacked" names an attacker, "was attacked" none */
    boolean sourceStated;
    /** The one country the sentence's places name, for an attack whose text names neither attacker nor place. */
    String sentencePlaceCountry;
    boolean negated;
    boolean hypothetical;
    boolean future;
    boolean dropped;
    EventCandidate mergedInto;
    EventCandidate claimOf;
    int headOverride = -1;
    String locCountry;
    String place;
    String date;
    Integer dead;
    Integer injured;
    boolean atLeast;

    boolean symmetric() {
        return claimOf == null && headOverride < 0 && match.trigger().symmetric();
    }
}
