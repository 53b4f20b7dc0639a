package org.newsflow.launcher;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsflow.sink.api.SinkApi;

/** The live dashboard: one static page over the sink's query API, served by the sink at {@code /}. */
final class Dashboard {
    private static final String PAGE = "/dashboard/index.html";
    /** Inline elements without a src attribute (an external script is covered by 'self'). */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private Dashboard() {}

    /** The static files, with a Content-Security-Policy that allows exactly the page's own inline script and style. */
    static Consumer<JavalinConfig> staticFiles() {
        return new Files(contentSecurityPolicy(read(PAGE)));
    }

    private record Files(String csp) implements Consumer<JavalinConfig>, SinkApi.PagePolicy {
        @Override
        public void accept(JavalinConfig config) {
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
            });
        }

        @Override
        public String contentSecurityPolicy() {
            return csp;
        }
    }

    /**
     * Why hashes and not 'unsafe-inline': the page keeps its script inline (one file, no build step), and a hash
     * allows that script and nothing an injection could add. Computed from the page at start-up, so an edit to the
     * page never leaves a stale policy behind.
     */
    static String contentSecurityPolicy(String page) {
        // style-src-attr 'unsafe-inline': the page sizes its bars with style attributes (setAttribute("style", ...)),
        // which no hash can cover; style attributes cannot run script, the inline <script> stays hash-locked.
        return "default-src 'self'; script-src 'self'" + hashes(INLINE_SCRIPT, page) + "; style-src 'self'" + hashes(INLINE_STYLE, page)
                + "; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String hashes(Pattern inline, String page) {
        List<String> out = new ArrayList<>();
        Matcher m = inline.matcher(page);
        while (m.find()) {
            out.add(" 'sha256-" + sha256(m.group(1)) + "'");
        }
        return String.join("", out);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = Dashboard.class.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
