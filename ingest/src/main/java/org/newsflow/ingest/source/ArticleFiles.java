package org.newsflow.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.newsflow.contract.ArticleIds;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;

/**
 * Reads article files into raw articles:
 * <ul>
 *   <li>{@code .txt}: first line is the title, the rest (after leading blank lines) is the body;</li>
 *   <li>{@code .json}: one object with {@code title, body} and optional {@code url, source, language, publishedAt};</li>
 *   <li>{@code .jsonl}: one such object per line.</li>
 * </ul>
 * Each item comes back as a {@link SourceItem}: either an article or the reason it was rejected, with the original
 * bytes, so that the caller can send it to the dead-letter topic. One bad line never stops a file.
 */
public final class ArticleFiles {
    private final TextNormaliser normaliser = new TextNormaliser();

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

    public List<SourceItem> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(new SourceItem(file.toString(), null, new byte[0], "cannot read file: " + e.getMessage()));
        }
        return read(file.getFileName().toString(), file.toString(), bytes);
    }

    /** Parses one input given its file name (which selects the format) and content. */
    public List<SourceItem> read(String fileName, String origin, byte[] bytes) {
        String name = fileName.toLowerCase(Locale.ROOT);
        try {
            String text = decodeUtf8(bytes);
            if (name.endsWith(".jsonl")) {
                return readJsonLines(origin, text);
            }
            RawArticle article = name.endsWith(".json")
                    ? fromJson(origin, Json.MAPPER.readTree(text))
                    : fromText(origin, text, null);
            return List.of(new SourceItem(origin, article, bytes, null));
        } catch (IOException | RuntimeException e) {
            return List.of(new SourceItem(origin, null, bytes, reason(e)));
        }
    }

    private List<SourceItem> readJsonLines(String origin, String text) {
        List<SourceItem> items = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String lineOrigin = origin + ":" + (i + 1);
            byte[] original = line.getBytes(StandardCharsets.UTF_8);
            try {
                items.add(new SourceItem(lineOrigin, fromJson(lineOrigin, Json.MAPPER.readTree(line)), original, null));
            } catch (IOException | RuntimeException e) {
                items.add(new SourceItem(lineOrigin, null, original, reason(e)));
            }
        }
        return items;
    }

    /** A plain-text article: the first non-blank line is the title. */
    public RawArticle fromText(String origin, String text, Instant publishedAt) {
        String content = normaliser.normalise(text);
        int nl = content.indexOf('\n');
        String title = (nl < 0 ? content : content.substring(0, nl)).strip();
        String body = nl < 0 ? "" : content.substring(nl + 1).strip();
        return build(origin, null, null, title, body, null, publishedAt);
    }

    /** A plain-text body without a title line (the tag command's stdin mode). */
    public RawArticle fromBody(String origin, String body, Instant publishedAt) {
        return build(origin, null, null, "", normaliser.normalise(body).strip(), null, publishedAt);
    }

    RawArticle fromJson(String origin, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRecordException("expected a JSON object with title and body, got " + node.getNodeType());
        }
        String body = text(node, "body");
        if (body == null) {
            throw new InvalidRecordException("missing required field 'body'");
        }
        return build(origin, text(node, "url"), text(node, "source"), normaliser.normalise(nonNull(text(node, "title"))).strip(),
                normaliser.normalise(body).strip(), text(node, "language"), Dates.parse(text(node, "publishedAt")));
    }

    private RawArticle build(String origin, String url, String source, String title, String body, String language, Instant publishedAt) {
        if (body.isBlank()) {
            throw new InvalidRecordException("article body is empty");
        }
        String canonical = ArticleIds.canonicalUrl(url).orElse(null);
        return new RawArticle(RawArticle.SCHEMA_VERSION, ArticleIds.of(url, title, body), canonical, source, title, body,
                language == null ? null : language.toLowerCase(Locale.ROOT), publishedAt, Instant.now(), origin);
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

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        // Strict decoding: mojibake would silently corrupt every offset downstream, so reject it instead.
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String reason(Exception e) {
        if (e instanceof CharacterCodingException) {
            return "input is not valid UTF-8";
        }
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
