package org.newsflow.ingest.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.RecordChecks;

/**
 * Reads article files into raw articles:
 * <ul>
 *   <li>{@code .txt}: first line is the title, the rest (after leading blank lines) is the body;</li>
 *   <li>{@code .json}: one object with {@code title, body} and optional {@code url, source, language, publishedAt};</li>
 *   <li>{@code .jsonl}: one such object per line.</li>
 * </ul>
 * Each item comes back as a {@link SourceItem}: either an article or the reason it was rejected, with the original
 * bytes, so that the caller can send it to the dead-letter topic. One bad line never stops a file, and no reader
 * throws for bad input.
 *
 * <p>Memory is bounded by the {@link InputLimits}: JSON Lines are streamed line by line (a line over the limit is
 * skipped, keeping its first bytes for the dead letter); a {@code .txt} or {@code .json} file over the file limit is
 * rejected from its size, reading only its first bytes. Each line is decoded on its own, strictly: invalid UTF-8
 * rejects that line (mojibake would silently corrupt every offset downstream).
 *
 * <p>Checks on every article: a non-empty body (after HTML to text, see {@link HtmlText}), title + body within
 * {@link InputLimits#maxArticleBytes()}, a {@code url} that is an absolute http(s) URL when given (the id is derived
 * from it: an unusable URL is rejected rather than silently replaced by a content hash, which would break
 * de-duplication), {@code language} an ISO 639-1 code (a region suffix such as {@code en-US} is dropped), and
 * {@code publishedAt} readable and within {@link RecordChecks}' range.
 */
public final class ArticleFiles {
    /** Reasons of rejections for input that is not JSON (or not UTF-8) at all start with this. */
    public static final String MALFORMED = "malformed input: ";
    private static final ObjectReader JSON = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern LANGUAGE = Pattern.compile("([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*");
    private static final int MAX_URL_CHARS = 4096;

    private final TextNormaliser normaliser = new TextNormaliser();
    private final InputLimits limits;

    public ArticleFiles() {
        this(InputLimits.defaults());
    }

    public ArticleFiles(InputLimits limits) {
        this.limits = limits;
    }

    public InputLimits limits() {
        return limits;
    }

    /** Every supported file under the given files or directories, in a stable (sorted) order. */
    public static List<Path> list(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(ArticleFiles::supported).sorted().forEach(files::add);
                }
            } else {
                files.add(root);
            }
        }
        return files;
    }

    public static boolean supported(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".json") || name.endsWith(".jsonl");
    }

    private static boolean jsonLines(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /** Reads one file; all of its items in a list (use {@link #read(Path, Consumer)} for large JSON Lines files). */
    public List<SourceItem> read(Path file) {
        List<SourceItem> items = new ArrayList<>();
        read(file, items::add);
        return items;
    }

    /** Reads one file, handing each item to {@code out} as soon as it is read. */
    public void read(Path file, Consumer<SourceItem> out) {
        String origin = file.toString();
        String name = file.getFileName() == null ? origin : file.getFileName().toString();
        if (jsonLines(name)) {
            long[] lines = {0};
            try (InputStream in = Files.newInputStream(file)) {
                readJsonLines(origin, in, item -> {
                    lines[0]++;
                    out.accept(item);
                });
            } catch (IOException e) {
                out.accept(SourceItem.rejected(origin + (lines[0] > 0 ? ":" + (lines[0] + 1) : ""), new byte[0],
                        "cannot read file" + (lines[0] > 0 ? " after line " + lines[0] : "") + ": " + e));
            }
            return;
        }
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                out.accept(SourceItem.rejected(origin, head(file, limits.maxDeadLetterBytes()), size, "file is " + size
                        + " bytes, over the limit of " + limits.maxFileBytes() + " bytes (NEWSFLOW_INGEST_MAX_FILE_BYTES)"));
                return;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) limits.maxFileBytes() + 1); // the file may have grown since Files.size
            }
            if (bytes.length > limits.maxFileBytes()) {
                out.accept(SourceItem.rejected(origin, head(file, limits.maxDeadLetterBytes()), bytes.length, "file is over the limit of "
                        + limits.maxFileBytes() + " bytes (NEWSFLOW_INGEST_MAX_FILE_BYTES)"));
                return;
            }
            out.accept(readDocument(name, origin, bytes));
        } catch (IOException e) {
            out.accept(SourceItem.rejected(origin, new byte[0], "cannot read file: " + e));
        }
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    /** Parses one input given its file name (which selects the format) and content. */
    public List<SourceItem> read(String fileName, String origin, byte[] bytes) {
        if (jsonLines(fileName)) {
            List<SourceItem> items = new ArrayList<>();
            try {
                readJsonLines(origin, new ByteArrayInputStream(bytes), items::add);
            } catch (IOException e) {
                throw new IllegalStateException("reading from memory cannot fail", e);
            }
            return items;
        }
        if (bytes.length > limits.maxFileBytes()) {
            return List.of(SourceItem.rejected(origin, limits.deadLetterCopy(bytes), bytes.length, "input is " + bytes.length + " bytes, over the limit of "
                    + limits.maxFileBytes() + " bytes (NEWSFLOW_INGEST_MAX_FILE_BYTES)"));
        }
        return List.of(readDocument(fileName, origin, bytes));
    }

    /** One {@code .json} document (one article) or {@code .txt} text; never throws. */
    private SourceItem readDocument(String fileName, String origin, byte[] bytes) {
        try {
            String text = decodeUtf8(bytes, 0);
            RawArticle article = fileName.toLowerCase(Locale.ROOT).endsWith(".json")
                    ? fromJson(origin, parseJson(text))
                    : fromText(origin, text, null);
            return SourceItem.of(origin, article, bytes);
        } catch (RuntimeException e) {
            return SourceItem.rejected(origin, bytes, reason(e));
        }
    }

    /** One JSON object (the {@code .json} format, or one pushed article); never throws. */
    public SourceItem readJson(String origin, byte[] bytes) {
        return readDocument(".json", origin, bytes);
    }

    /**
     * JSON Lines from a stream, one item per non-blank line, origin {@code origin:LINE}. Throws only when the stream
     * itself fails.
     */
    public void readJsonLines(String origin, InputStream in, Consumer<SourceItem> out) throws IOException {
        BoundedLines lines = new BoundedLines(in, limits.maxLineBytes(), limits.maxDeadLetterBytes());
        for (BoundedLines.Line line; (line = lines.next()) != null; ) {
            String lineOrigin = origin + ":" + line.number();
            if (line.oversize()) {
                out.accept(SourceItem.rejected(lineOrigin, line.bytes(), line.length(), "line " + line.number() + " is "
                        + line.length() + " bytes, over the limit of " + limits.maxLineBytes() + " bytes (NEWSFLOW_INGEST_MAX_LINE_BYTES)"));
                continue;
            }
            byte[] bytes = line.bytes();
            int start = line.number() == 1 ? bomLength(bytes) : 0;
            if (blank(bytes, start)) {
                continue;
            }
            try {
                String text = decodeUtf8(bytes, start);
                out.accept(SourceItem.of(lineOrigin, fromJson(lineOrigin, parseJson(text)), bytes));
            } catch (RuntimeException e) {
                out.accept(SourceItem.rejected(lineOrigin, bytes, "line " + line.number() + ": " + reason(e)));
            }
        }
    }

    private static int bomLength(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private static boolean blank(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\f') {
                return false;
            }
        }
        return true;
    }

    private static JsonNode parseJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRecordException(MALFORMED + "no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (column " + at.getColumnNr() + (at.getLineNr() > 1 ? ", line " + at.getLineNr() : "") + ")";
            throw new InvalidRecordException(MALFORMED + "not JSON: " + firstLine(e.getOriginalMessage()) + where, e);
        } catch (IOException e) {
            throw new InvalidRecordException(MALFORMED + "not JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** A plain-text article: the first non-blank line is the title. */
    public RawArticle fromText(String origin, String text, Instant publishedAt) {
        String content = normaliser.normalise(text).strip();
        int nl = content.indexOf('\n');
        String title = (nl < 0 ? content : content.substring(0, nl)).strip();
        String body = nl < 0 ? "" : content.substring(nl + 1).strip();
        return build(origin, null, null, title, body, null, publishedAt);
    }

    /** A plain-text body without a title line (the tag command's stdin mode). */
    public RawArticle fromBody(String origin, String body, Instant publishedAt) {
        return build(origin, null, null, "", body, null, publishedAt);
    }

    RawArticle fromJson(String origin, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRecordException("expected a JSON object with title and body, got " + node.getNodeType());
        }
        String body = text(node, "body");
        if (body == null) {
            throw new InvalidRecordException("missing required field 'body'");
        }
        return build(origin, text(node, "url"), text(node, "source"), nonNull(text(node, "title")), body,
                text(node, "language"), Dates.parse(text(node, "publishedAt")));
    }

    private RawArticle build(String origin, String url, String source, String rawTitle, String rawBody, String language, Instant publishedAt) {
        String title = normaliser.normalise(HtmlText.inlineText(rawTitle)).strip().replaceAll("\\s*\n\\s*", " ");
        String body = normaliser.normalise(HtmlText.toText(rawBody)).strip();
        if (body.isBlank()) {
            throw new InvalidRecordException(HtmlText.looksLikeHtml(rawBody) ? "article body has no text outside HTML markup" : "article body is empty");
        }
        long bytes = utf8Length(title) + utf8Length(body);
        if (bytes > limits.maxArticleBytes()) {
            throw new InvalidRecordException("article text (title + body) is " + bytes + " bytes, over the limit of "
                    + limits.maxArticleBytes() + " bytes (NEWSFLOW_INGEST_MAX_ARTICLE_BYTES): its enriched record would not fit Kafka's 1 MB");
        }
        String canonical = null;
        if (url != null && !url.isBlank()) {
            canonical = canonicalHttpUrl(url);
        }
        Instant now = Instant.now();
        RecordChecks.requireSaneTime("publishedAt", publishedAt, now);
        String id = RecordChecks.requireValidId(ArticleIds.of(canonical, title, body));
        String src = source == null ? null : normaliser.normalise(source).strip();
        return new RawArticle(RawArticle.SCHEMA_VERSION, id, canonical, src == null || src.isEmpty() ? null : src, title, body,
                languageCode(language), publishedAt, now, origin);
    }

    /** The canonical form of an absolute http(s) URL; anything else is a rejection with the reason. */
    static String canonicalHttpUrl(String url) {
        String u = url.strip();
        String shown = (u.length() > 80 ? u.substring(0, 80) + "..." : u).replaceAll("\\p{Cntrl}", "?");
        String why = null;
        if (u.length() > MAX_URL_CHARS) {
            why = "longer than " + MAX_URL_CHARS + " characters";
        } else {
            try {
                URI uri = new URI(u);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    why = "not an http(s) URL";
                } else if (uri.getHost() == null) {
                    why = "no host";
                }
            } catch (URISyntaxException e) {
                why = e.getReason();
            }
        }
        String canonical = why == null ? ArticleIds.canonicalUrl(u).orElse(null) : null;
        if (canonical == null) {
            throw new InvalidRecordException("invalid url '" + shown + "': " + (why == null ? "not a URL" : why)
                    + " (the article id is derived from the url: fix it, or omit the field to get a content-hash id)");
        }
        return canonical;
    }

    private static String languageCode(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        var m = LANGUAGE.matcher(language.strip());
        if (!m.matches()) {
            String shown = language.length() > 20 ? language.substring(0, 20) + "..." : language;
            throw new InvalidRecordException("language '" + shown.replaceAll("\\p{Cntrl}", "?") + "' is not an ISO 639-1 code (e.g. en, fr, en-US)");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRecordException("field '" + field + "' must be a string, got " + value.getNodeType());
        }
        return value.asText();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Strict UTF-8 (a leading byte-order mark dropped); invalid input is an {@link InvalidRecordException} naming the
     * offset of the first bad byte.
     */
    public static String decodeUtf8(byte[] bytes, int from) {
        int start = from + (from == 0 ? bomLength(bytes) : 0);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            throw new InvalidRecordException(MALFORMED + "not valid UTF-8 (bad byte sequence at byte " + in.position() + ")");
        }
        return out.flip().toString();
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String reason(RuntimeException e) {
        if (e instanceof InvalidRecordException) {
            return e.getMessage();
        }
        // Not expected for any input; the reason still says what went wrong instead of losing the input.
        return "unreadable input (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + ")";
    }
}
