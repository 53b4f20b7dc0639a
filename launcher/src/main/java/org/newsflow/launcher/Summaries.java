package org.newsflow.launcher;

import java.util.stream.Collectors;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;

/** A readable block per enriched article, for the demo and for auditing. */
final class Summaries {
    private Summaries() {}

    static String of(EnrichedArticle a) {
        StringBuilder s = new StringBuilder();
        String title = a.article().title().isBlank() ? a.id() : a.article().title();
        s.append("== ").append(title).append('\n');
        s.append("   id ").append(a.id()).append(", language ").append(a.language())
                .append(a.article().source() == null ? "" : ", source " + a.article().source())
                .append(a.credits().isEmpty() ? "" : ", credits " + String.join(", ", a.credits())).append('\n');
        s.append("   countries:     ").append(a.countries().stream().map(Summaries::country).collect(Collectors.joining(", "))).append('\n');
        s.append("   people:        ").append(a.people().stream().map(Summaries::person).collect(Collectors.joining("; "))).append('\n');
        s.append("   organizations: ").append(a.organizations().stream().map(Summaries::organization).collect(Collectors.joining("; "))).append('\n');
        if (!a.events().isEmpty()) {
            s.append("   events:\n");
            a.events().forEach(e -> s.append("     - ").append(event(e)).append('\n'));
        }
        return s.toString();
    }

    private static String country(CountryTag c) {
        return c.code() + (c.focus() ? "*" : "") + " " + c.name() + " (" + c.mentions() + ")";
    }

    private static String person(PersonTag p) {
        String detail = String.join(", ", p.titles()) + (p.country() == null ? "" : (p.titles().isEmpty() ? "" : ", ") + p.country());
        return p.name() + (detail.isEmpty() ? "" : " [" + detail + "]");
    }

    private static String organization(OrganizationTag o) {
        String detail = (o.type() == null ? "" : o.type()) + (o.country() == null ? "" : (o.type() == null ? "" : ", ") + o.country());
        return o.name() + (detail.isEmpty() ? "" : " [" + detail + "]");
    }

    private static String event(EventTag e) {
        return e.type() + " (CAMEO " + e.cameoRoot() + (e.mode() == null ? "" : ", " + e.mode()) + ") "
                + actor(e.source()) + " -> " + actor(e.target())
                + (e.date() == null ? "" : " on " + e.date())
                + (e.casualties() == null || e.casualties().dead() == null ? "" : ", " + (e.casualties().atLeast() ? ">" : "") + e.casualties().dead() + " dead")
                + (e.negated() ? ", negated" : "") + (e.hypothetical() ? ", hypothetical" : "")
                + ": \"" + e.trigger().text() + "\"";
    }

    private static String actor(org.newsflow.contract.Actor a) {
        if (a == null) {
            return "?";
        }
        return a.country() != null ? a.country() + (a.sector() == null ? "" : "/" + a.sector()) : (a.name() == null ? "?" : a.name());
    }
}
