package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Source or target of an event.
 *
 * @param country ISO alpha-2 the actor acts for, when known
 * @param name person, organization or unnamed actor text ("units of the Azerbaijani armed forces")
 * @param kind COUNTRY, PERSON, ORGANIZATION or UNNAMED
 * @param sector CAMEO-style sector: GOV, MIL, REB, OPP, PTY, COP, JUD, MED, BUS, CVL, IGO...
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(String country, String name, String kind, String sector) {}
