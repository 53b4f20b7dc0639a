package org.newsflow.enrich.actors;

import java.util.List;

/**
 * The sector of an actor phrase from its words: a hand-written word list first (the event lexicon's
 * {@code events/actors.tsv}, tuned on news: the longest phrase anywhere in the phrase wins, then the one ending
 * nearest the head), then the Phoenix agent nouns ({@link AgentDictionary}: "settlers" -> CVL, "riot police" -> COP),
 * which are many and broad ("television" is MED), so one counts only when it ends on the phrase's head. Null when
 * neither knows the phrase ("hackers"). Immutable and thread-safe.
 */
public final class PhraseSectors {

    /** A hand-written row: contiguous words (lemmas or lower-case texts) and their sector. */
    public record Row(List<String> words, Sector sector) {}

    private final List<Row> own;
    private final AgentDictionary agents;

    public PhraseSectors(List<Row> own, AgentDictionary agents) {
        this.own = List.copyOf(own);
        this.agents = agents;
    }

    /**
     * @param lemmas the phrase's lemmas
     * @param lower the phrase's lower-case token texts (same length)
     * @param positions each word's token index in the sentence (same length)
     * @param head the token index of the phrase's head
     */
    public Sector sectorOf(List<String> lemmas, List<String> lower, List<Integer> positions, int head) {
        Sector s = ownSector(lemmas, lower, positions, head);
        return s != null ? s : agentSector(lemmas, lower, positions, head);
    }

    private Sector ownSector(List<String> lemmas, List<String> lower, List<Integer> positions, int head) {
        Sector best = null;
        int bestLen = 0;
        int bestDist = Integer.MAX_VALUE;
        for (Row r : own) {
            int n = r.words().size();
            for (int k = 0; k + n <= lemmas.size(); k++) {
                if (matches(r.words(), lemmas, lower, k)) {
                    int dist = Math.abs(positions.get(k + n - 1) - head);
                    if (n > bestLen || n == bestLen && dist < bestDist) {
                        best = r.sector();
                        bestLen = n;
                        bestDist = dist;
                    }
                }
            }
        }
        return best;
    }

    private Sector agentSector(List<String> lemmas, List<String> lower, List<Integer> positions, int head) {
        AgentDictionary.Match best = null;
        for (AgentDictionary.Match m : agents.find(lemmas, lower)) {
            // the role noun must be the phrase's head: "riot police", not "television time" or "artillery duels"
            if (positions.get(m.start() + m.length() - 1) == head && (best == null || m.length() > best.length())) {
                best = m;
            }
        }
        return best == null ? null : best.sector();
    }

    private static boolean matches(List<String> words, List<String> lemmas, List<String> lower, int k) {
        for (int j = 0; j < words.size(); j++) {
            if (!words.get(j).equals(lemmas.get(k + j)) && !words.get(j).equals(lower.get(k + j))) {
                return false;
            }
        }
        return true;
    }
}
