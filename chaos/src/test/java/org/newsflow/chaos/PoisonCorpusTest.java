package org.newsflow.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.DeadLetters;
import org.newsflow.contract.Json;

/**
 * Issue #11: the poison-input corpus ({@code src/test/resources/poison}, see its README) through the whole pipeline,
 * every service a separate process: files with {@code newsflow ingest}, hand-made records straight onto the raw
 * topic, enrich, sink into PostgreSQL. Every good record must be stored, every bad one must be in the dead-letter
 * topic exactly once with a reason, nothing else may be there, and after the corpus a probe article on every raw
 * partition must still get through (no partition stalled behind a record it cannot finish).
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class PoisonCorpusTest {
    static final int PARTITIONS = 4;
    static final String URL = "https://news.example.org/poison/";
    /** How long the corpus may take end to end; generous, because the machine running CI is shared. */
    static final Duration BOUND = Duration.ofMinutes(5);

    /** One input and what must become of it. {@code keys}: the DLQ keys or store ids that identify it. */
    record Case(String name, boolean good, Set<String> keys, String stage) {
        static Case good(String name, String id) {
            return new Case(name, true, Set.of(id), null);
        }

        static Case bad(String name, String stage, String... keys) {
            return new Case(name, false, new java.util.LinkedHashSet<>(List.of(keys)), stage); // a key may also be the id
        }
    }

    @Test
    void everyGoodRecordStoredEveryBadOneDeadLetteredWithItsReasonNoPartitionStalled(@TempDir Path tmp) throws Exception {
        Instant t0 = Instant.now();
        List<String> report = new ArrayList<>();
        Path input = Files.createDirectories(tmp.resolve("input"));
        Path corpus = Path.of("src", "test", "resources", "poison");
        try (Stream<Path> files = Files.list(corpus.resolve("files"))) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName()));
            }
        }
        List<Case> cases = new ArrayList<>();
        String in = input.toAbsolutePath() + "/";
        // --- files, through `newsflow ingest` ---
        List<String> goodLines = Files.readAllLines(corpus.resolve("files/good.jsonl"));
        for (int i = 0; i < goodLines.size(); i++) {
            cases.add(Case.good("good article " + (i + 1), id(URL + "good-" + i)));
        }
        cases.add(Case.good("html: stored with markup removed", id(URL + "html")));
        cases.add(Case.good("invalid UTF-8: good line before", id(URL + "utf8-1")));
        cases.add(Case.bad("invalid UTF-8 line", "ingest", in + "mixed-utf8.jsonl:2", id(URL + "utf8-bad")));
        cases.add(Case.good("invalid UTF-8: good line after", id(URL + "utf8-3")));
        cases.add(Case.bad("null values", "ingest", in + "bad-lines.jsonl:1"));
        cases.add(Case.bad("wrong types", "ingest", in + "bad-lines.jsonl:2", id(URL + "types")));
        cases.add(Case.bad("deep nesting", "ingest", in + "bad-lines.jsonl:3", id(URL + "deep")));
        cases.add(Case.bad("far-future date", null, in + "bad-lines.jsonl:4", id(URL + "future")));
        cases.add(Case.bad("far-past date", null, in + "bad-lines.jsonl:5", id(URL + "past")));
        cases.add(Case.good("good line among bad ones", id(URL + "bad-company")));
        cases.add(Case.bad("binary file", "ingest", in + "binary.json"));
        // Generated: a 1.5 MB article, over Kafka's 1 MB record limit before enrichment.
        Files.writeString(input.resolve("big.json"), Json.MAPPER.writeValueAsString(Map.of(
                "url", URL + "big", "title", "Oversize before enrichment",
                "body", "The council met again on Tuesday to discuss the budget. ".repeat(27_000))));
        cases.add(Case.bad("oversize before enrichment (1.5 MB)", null, in + "big.json", id(URL + "big")));
        // Generated: ~300 KB dense with country names: fine as a raw record, over 1 MB once every mention is a tag with evidence.
        Files.writeString(input.resolve("dense.json"), Json.MAPPER.writeValueAsString(Map.of(
                "url", URL + "dense", "title", "Oversize after enrichment",
                "body", "France, Germany, Italy, Spain, Japan, Kenya, Peru and Chile signed. ".repeat(4_500))));
        // Ingest's article limit (150 KB) is set so that what passes it fits after enrichment: this one stops there;
        // enrich's own record limit and truncation are exercised with small limits in EnrichServiceReliabilityTest.
        cases.add(Case.bad("oversize after enrichment (~300 KB in, > 1 MB out)", null, in + "dense.json", id(URL + "dense")));

        // --- records straight onto the raw topic ---
        List<JsonNode> raw = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("raw-records.jsonl"))) {
            JsonNode r = Json.MAPPER.readTree(line);
            raw.add(r);
            String key = r.get("key").asText();
            // A dead letter from the sink is keyed by the article id enrich gave it, not by the raw record's key.
            String articleId = key;
            try {
                if (r.has("value")) {
                    articleId = Json.MAPPER.readTree(r.get("value").asText()).path("id").asText(key);
                }
            } catch (java.io.IOException notAnArticle) {
                // not JSON, or too deep for any JSON reader: only its key can identify it
            }
            String name = r.get("case").asText();
            cases.add(r.path("good").asBoolean() ? Case.good(name, key)
                    : Case.bad(name, name.contains("date") || name.contains("id") ? null : "enrich", key, articleId));
        }

        try (Pipeline p = new Pipeline(tmp.resolve("poison"), PARTITIONS)) {
            p.startBroker();
            p.startSink(Map.of());
            p.startEnrich("enrich-poison", Map.of("NEWSFLOW_ENRICH_THREADS", "2"));

            String ingestOutput = p.ingest(input);
            report.add("newsflow ingest: " + ingestOutput.replace('\n', ' ').strip());
            try (KafkaProducer<String, byte[]> producer = p.producer()) {
                for (JsonNode r : raw) {
                    byte[] value = r.has("base64") ? Base64.getDecoder().decode(r.get("base64").asText())
                            : r.get("value").asText().getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(Pipeline.TOPICS.raw(), r.get("key").asText(), value)).get();
                }
                // After all the poison: one good probe per partition. If one does not arrive, that partition is stalled.
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    String id = Articles.id("probe", partition);
                    producer.send(new ProducerRecord<>(Pipeline.TOPICS.raw(), partition, id, Articles.json(Articles.article(id, partition)))).get();
                    cases.add(Case.good("probe on partition " + partition + " after the corpus", id));
                }
            }

            Set<String> goodIds = new HashSet<>();
            cases.stream().filter(Case::good).forEach(c -> goodIds.addAll(c.keys()));
            long badCount = cases.stream().filter(c -> !c.good()).count();
            long deadline = System.nanoTime() + BOUND.toNanos();
            List<ConsumerRecord<String, byte[]>> dead = List.of();
            while (System.nanoTime() < deadline) {
                dead = p.readAll(Pipeline.TOPICS.dlq());
                if (p.allStored(goodIds) && dead.size() >= badCount) {
                    break;
                }
                ServiceProcess.sleep(2000);
            }
            ServiceProcess.sleep(3000); // anything that should not be there has a moment to show up
            dead = p.readAll(Pipeline.TOPICS.dlq());
            Map<String, Integer> stored = p.storedIds();
            report.add(String.format("after %d s: %d stored, %d dead letters", Duration.between(t0, Instant.now()).toSeconds(), stored.size(), dead.size()));

            SoftAssertions soft = new SoftAssertions();
            List<ConsumerRecord<String, byte[]>> unmatched = new ArrayList<>(dead);
            for (Case c : cases) {
                // Ingest keys rejected input by a hash of its bytes (never a local path) and names its origin in a header.
                List<ConsumerRecord<String, byte[]>> letters = dead.stream().filter(d -> c.keys().contains(d.key())
                        || DeadLetters.header(d.headers(), "newsflow.dlq.origin").map(c.keys()::contains).orElse(false)).toList();
                unmatched.removeAll(letters);
                boolean isStored = c.keys().stream().anyMatch(stored::containsKey);
                String observed;
                if (c.good()) {
                    observed = isStored ? "stored" : letters.isEmpty() ? "MISSING (not stored, not in DLQ)" : "DLQ: " + reason(letters.get(0));
                    soft.assertThat(isStored).as(c.name() + ": stored; observed " + observed).isTrue();
                } else {
                    observed = letters.isEmpty() ? (isStored ? "STORED (should be in the DLQ)" : "MISSING (neither DLQ nor store)")
                            : letters.size() + "x DLQ stage " + header(letters.get(0), DeadLetters.STAGE) + ": " + reason(letters.get(0));
                    soft.assertThat(letters).as(c.name() + ": exactly one dead letter; observed " + observed).hasSize(1);
                    soft.assertThat(isStored).as(c.name() + ": not stored").isFalse();
                    for (ConsumerRecord<String, byte[]> d : letters) {
                        soft.assertThat(DeadLetters.header(d.headers(), DeadLetters.REASON)).as(c.name() + ": reason").isPresent();
                        if (c.stage() != null) {
                            soft.assertThat(DeadLetters.header(d.headers(), DeadLetters.STAGE)).as(c.name() + ": stage").contains(c.stage());
                        }
                    }
                }
                report.add(String.format("%-55s %-5s %s", c.name(), c.good() ? "good" : "bad", observed));
            }
            unmatched.forEach(d -> report.add(String.format("%-55s %-5s %s", "UNEXPECTED dead letter " + d.key(), "-",
                    "stage " + header(d, DeadLetters.STAGE) + ": " + reason(d))));
            soft.assertThat(unmatched).as("dead letters that are no poison input: "
                    + unmatched.stream().map(d -> d.key() + " (" + reason(d) + ")").toList()).isEmpty();
            soft.assertThat(stored.keySet()).as("stored ids that are not good inputs").isSubsetOf(goodIds);

            // The HTML case: stored without markup or script.
            htmlBody(p, id(URL + "html")).ifPresent(body -> {
                report.add("html body stored as: " + body);
                soft.assertThat(body).as("html: no tags in the stored body").doesNotContain("<p>", "<script", "</div>", "<b>");
                soft.assertThat(body).as("html: no script content in the stored body").doesNotContain("tracker");
                soft.assertThat(body).as("html: entities decoded").doesNotContain("&amp;");
            });

            Map<TopicPartition, Long> enrichLag = p.lag(Pipeline.ENRICH_GROUP, Pipeline.TOPICS.raw());
            report.add("enrich lag per raw partition: " + enrichLag.values());
            if (enrichLag.values().stream().anyMatch(l -> l > 0)) {
                // A stalled partition: keep the enrich process's threads for the report (what are the workers doing?).
                report.add("enrich thread dump: " + p.processes.get("enrich-poison").threadDump());
            }
            soft.assertThat(enrichLag.values()).as("enrich lag per raw partition (a stalled partition keeps its lag)").allMatch(l -> l == 0);
            soft.assertAll();
        } finally {
            report.forEach(System.out::println);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "poison-report.txt"), report, StandardCharsets.UTF_8);
        }
    }

    private static String id(String url) {
        return ArticleIds.of(url, null, null);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return DeadLetters.header(r.headers(), name).orElse("?");
    }

    private static String reason(ConsumerRecord<String, byte[]> r) {
        String reason = header(r, DeadLetters.REASON);
        return reason.length() > 140 ? reason.substring(0, 140) + "..." : reason;
    }

    private static Optional<String> htmlBody(Pipeline p, String id) throws Exception {
        try (var c = p.db(); PreparedStatement ps = c.prepareStatement("SELECT record::text FROM " + p.schema + ".articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Json.MAPPER.readTree(rs.getString(1)).path("article").path("body").asText()) : Optional.empty();
            }
        }
    }
}
