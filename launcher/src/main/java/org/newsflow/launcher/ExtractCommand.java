package org.newsflow.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsflow.contract.Json;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.extract.Extraction;
import org.newsflow.ingest.extract.HtmlPages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow extract}: the article extraction ingest runs on fetched pages ({@link ArticleExtractor}), on files or
 * URLs, one JSON record per page. A page without an article still gets its record, with {@code error} saying why (the
 * reason ingest puts on the dead letter), and the exit code is then 1.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract the article (title, body, published time, author, language, canonical URL) from web pages: "
                + ".html and .html.gz files, directories of them, or http(s) URLs; one JSON record per page (JSON Lines).")
final class ExtractCommand implements Callable<Integer> {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR_OR_URL", description = ".html or .html.gz files, directories (searched for them), or http(s) URLs")
    List<String> inputs;

    @Option(names = "--pretty", description = "indent the JSON")
    boolean pretty;

    @Option(names = "--timeout", defaultValue = "20", paramLabel = "SECONDS", description = "per-URL fetch timeout (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ArticleExtractor extractor = new ArticleExtractor();
        HttpClient http = null;
        int failures = 0;
        for (String input : inputs) {
            if (input.startsWith("http://") || input.startsWith("https://")) {
                if (http == null) {
                    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
                }
                Map<String, Object> record;
                try {
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(input)).timeout(Duration.ofSeconds(timeoutSeconds))
                            .header("User-Agent", "newsflow/0.1 (article extraction)").header("Accept", "text/html,application/xhtml+xml").GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() >= 400) {
                        record = failed("url", input, "HTTP " + response.statusCode());
                    } else {
                        String charset = response.headers().firstValue("Content-Type").map(ExtractCommand::charsetOf).orElse(null);
                        record = record("url", response.uri().toString(), extractor.extract(response.body(), charset, response.uri().toString()));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    record = failed("url", input, "fetch failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 2;
                }
                failures += print(out, record);
                continue;
            }
            for (Path file : HtmlPages.list(Path.of(input))) {
                Map<String, Object> record;
                try {
                    record = record("file", file.toString(), extractor.extract(Files.readAllBytes(file), null, null));
                } catch (IOException e) {
                    record = failed("file", file.toString(), "unreadable: " + e.getMessage());
                }
                failures += print(out, record);
            }
        }
        return failures == 0 ? 0 : 1;
    }

    static Map<String, Object> record(String originKey, String origin, Extraction e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(originKey, origin);
        r.put("title", e.title());
        r.put("articleBody", e.body());
        r.put("publishedAt", e.publishedAt() == null ? null : e.publishedAt().toString());
        r.put("author", e.author());
        r.put("language", e.language());
        r.put("canonicalUrl", e.canonicalUrl());
        if (!e.ok()) {
            r.put("error", e.failure());
        }
        return r;
    }

    private static Map<String, Object> failed(String originKey, String origin, String reason) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(originKey, origin);
        r.put("error", reason);
        return r;
    }

    private int print(PrintStream out, Map<String, Object> record) throws IOException {
        out.println(pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record) : Json.MAPPER.writeValueAsString(record));
        if (record.containsKey("error")) {
            System.err.println("newsflow extract: no article in " + record.values().iterator().next() + ": " + record.get("error"));
            return 1;
        }
        return 0;
    }

    static String charsetOf(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }
}
