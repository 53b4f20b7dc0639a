package org.newsflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.contract.RecordChecks;

/**
 * The readers' promise, for any input: they never throw, and every input gives either a valid article or a
 * rejection with a reason. Small limits so that the generated inputs cross them often.
 */
class ReaderPropertiesTest {
    private static final InputLimits LIMITS = new InputLimits(400, 2_000, 300, 10_000, 100);
    private final ArticleFiles files = new ArticleFiles(LIMITS);

    @Property(tries = 300)
    void anyBytesInAnyFormatGiveArticlesOrReasons(@ForAll @Size(max = 3_000) byte[] bytes,
            @ForAll("formats") String format) {
        List<SourceItem> items = files.read("input" + format, "test", bytes);
        if (!format.equals(".jsonl")) {
            assertThat(items).hasSize(1);
        }
        items.forEach(ReaderPropertiesTest::validItem);
    }

    @Property(tries = 300)
    void everyNonBlankLineGivesExactlyOneItemNamingItsLine(@ForAll("lines") List<String> lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        List<SourceItem> items = new ArrayList<>();
        files.readJsonLines("f", new ByteArrayInputStream(out.toByteArray()), items::add);
        List<String> expectedOrigins = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() || lines.get(i).getBytes(StandardCharsets.UTF_8).length > LIMITS.maxLineBytes()) {
                expectedOrigins.add("f:" + (i + 1));
            }
        }
        assertThat(items).extracting(SourceItem::origin).containsExactlyElementsOf(expectedOrigins);
        items.forEach(ReaderPropertiesTest::validItem);
    }

    @Property(tries = 300)
    void anyJsonShapeGivesAnArticleOrAReason(@ForAll("jsonValues") Object value) {
        byte[] json = Json.toBytes(value);
        items(files.read("x.json", "t", json));
        items(files.read("x.jsonl", "t", json));
    }

    @Property(tries = 300)
    void boundedLinesGiveBackTheInputLineByLine(@ForAll @Size(max = 2_000) byte[] bytes, @ForAll @IntRange(min = 1, max = 200) int max) throws IOException {
        BoundedLines lines = new BoundedLines(new ByteArrayInputStream(bytes), max, 50);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        long total = 0;
        int count = 0;
        for (BoundedLines.Line l; (l = lines.next()) != null; ) {
            count++;
            assertThat(l.number()).isEqualTo(count);
            assertThat(l.oversize()).isEqualTo(l.length() > max);
            assertThat(l.bytes().length).isLessThanOrEqualTo(Math.max(max, 50));
            total += l.length() + 1;
            if (!l.oversize()) {
                back.write(l.bytes());
            }
        }
        // Every byte is accounted for: the lengths (plus their line ends, and any dropped '\r') add up to the input.
        long newlines = count(bytes, (byte) '\n');
        assertThat(count).isEqualTo(newlines + (bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? 1 : 0));
        assertThat(total).isLessThanOrEqualTo(bytes.length + 1L);
        assertThat(back.size()).isLessThanOrEqualTo(bytes.length);
    }

    @Property(tries = 500)
    void datesParseOrGiveAReasonNeverAnotherException(@ForAll String value) {
        try {
            Dates.parseSane(value, Instant.now());
        } catch (InvalidRecordException e) {
            assertThat(e.getMessage()).contains("publishedAt");
        }
    }

    @Property(tries = 500)
    void isoAndRfc1123DatesRoundTrip(@ForAll @net.jqwik.api.constraints.LongRange(min = -5_364_662_400L, max = 1_900_000_000L) long epochSecond) {
        Instant t = Instant.ofEpochSecond(epochSecond);
        assertThat(Dates.parse(t.toString())).isEqualTo(t);
        assertThat(Dates.parse(t.atOffset(ZoneOffset.ofHours(5)).toString())).isEqualTo(t);
        if (t.atZone(ZoneOffset.UTC).getYear() >= 1000) {
            assertThat(Dates.parse(DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC)))).isEqualTo(t);
        }
        boolean sane = RecordChecks.saneTime(t, Instant.now());
        try {
            assertThat(Dates.parseSane(t.toString(), Instant.now())).isEqualTo(t);
            assertThat(sane).isTrue();
        } catch (InvalidRecordException e) {
            assertThat(sane).isFalse();
        }
    }

    @Property(tries = 300)
    void htmlToTextNeverThrowsAndNeverKeepsScriptText(@ForAll @Size(max = 300) String text,
            @ForAll @net.jqwik.api.constraints.AlphaChars @net.jqwik.api.constraints.StringLength(min = 8, max = 20) String secret) {
        String html = "<div><p>" + text + "</p><script>var who = '" + secret + "';</script><style>." + secret + "{}</style>" + text + "</div>";
        String out = HtmlText.toText(html);
        if (!text.contains("&") && !text.contains("<")) { // else the text itself may spell markup, or an entity for it
            assertThat(out).doesNotContain("<script", "<p>");
        }
        if (!text.contains(secret)) {
            assertThat(out).doesNotContain(secret);
        }
        HtmlText.toText(text); // any text at all, markup or not
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of(".txt", ".json", ".jsonl");
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> good = Arbitraries.strings().ofMaxLength(60).map(s -> "{\"title\": " + Json.toString(s) + ", \"body\": " + Json.toString("b " + s) + "}");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(80).map(s -> s.replace('\n', ' ').replace('\r', ' '));
        Arbitrary<String> huge = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(301).ofMaxLength(600);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, good), net.jqwik.api.Tuple.of(3, noise), net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "   ", "{}", "[]", "null", "{\"body\": 3}", "{\"body\": \"<p></p>\"}")))
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of("2022-11-07", "not a date", "https://example.com/a", "javascript:x", "en", "<p>Hi</p>", "").map(s -> (Object) s));
        Arbitrary<String> keys = Arbitraries.of("title", "body", "url", "source", "language", "publishedAt", "extra");
        Arbitrary<Object> object = Arbitraries.maps(keys, scalar).ofMaxSize(7).map(m -> (Object) m);
        Arbitrary<Object> nested = Arbitraries.maps(keys, Arbitraries.oneOf(scalar, object, scalar.list().ofMaxSize(3).map(l -> (Object) l)))
                .ofMaxSize(7).map(m -> (Object) m);
        return Arbitraries.oneOf(scalar, object, nested, object.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.just((Object) Map.of("title", "t", "body", "a body")));
    }

    private static void items(List<SourceItem> items) {
        assertThat(items).isNotEmpty();
        items.forEach(ReaderPropertiesTest::validItem);
    }

    private static void validItem(SourceItem item) {
        if (item.ok()) {
            assertThat(item.error()).isNull();
            assertThat(item.article().body()).isNotBlank();
            assertThat(RecordChecks.validId(item.article().id())).isTrue();
            assertThat(ArticleFiles.utf8Length(item.article().title()) + ArticleFiles.utf8Length(item.article().body()))
                    .isLessThanOrEqualTo(LIMITS.maxArticleBytes());
        } else {
            assertThat(item.error()).isNotBlank();
            assertThat(item.key()).startsWith("rejected-");
            assertThat(item.original().length).isLessThanOrEqualTo((int) Math.max(LIMITS.maxFileBytes(), LIMITS.maxLineBytes()));
        }
    }

    private static long count(byte[] b, byte v) {
        long n = 0;
        for (byte x : b) {
            if (x == v) {
                n++;
            }
        }
        return n;
    }
}
