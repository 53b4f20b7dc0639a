package org.newsflow.launcher;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsflow.contract.Json;
import org.newsflow.contract.Settings;
import org.newsflow.launcher.dashboard.LiveStream;
import org.newsflow.launcher.dashboard.PipelineHealth;
import org.newsflow.launcher.dashboard.PipelineRoutes;
import org.newsflow.sink.api.ApiExtension;
import org.newsflow.sink.api.ApiOperation;
import org.newsflow.sink.api.SinkApi;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkSettings;
import org.newsflow.sink.store.ArticleWriter;

/**
 * The live dashboard: a one-page app ({@code /dashboard/index.html}, {@code app.js}, {@code app.css}, the world map
 * {@code world.geo.json}) over the sink's query API, served by the sink at {@code /}, with ECharts from its WebJar
 * at {@code /webjars/} (no CDN: it works offline), and the pipeline-health routes ({@link PipelineRoutes}).
 */
final class Dashboard {
    private static final String PAGE = "/dashboard/index.html";
    /** Inline elements without a src attribute (an external script is covered by 'self'). */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The answer schemas of the dashboard's routes, for the OpenAPI description. */
    private static final Map<String, Object> SCHEMAS = readSchemas();

    private Dashboard() {}

    /** The page without the pipeline panel's routes (no broker to ask). */
    static Consumer<JavalinConfig> staticFiles() {
        return staticFiles(null);
    }

    /**
     * The static files and WebJars, with a Content-Security-Policy that allows same-origin scripts and exactly the
     * page's own inline script and style if it has any; plus {@code /api/pipeline} when {@code health} is given.
     */
    static Consumer<JavalinConfig> staticFiles(PipelineHealth health) {
        return new Files(contentSecurityPolicy(read(PAGE)), health, null);
    }

    /** As {@link #staticFiles(PipelineHealth)}, plus {@code /api/events/stream}, told by the store about each article. */
    static Consumer<JavalinConfig> staticFiles(PipelineHealth health, ArticleWriter store) {
        LiveStream live = new LiveStream();
        store.addListener(live);
        return new Files(contentSecurityPolicy(read(PAGE)), health, live);
    }

    /**
     * The health panel's sampler for a sink's broker, topics and group; {@code NEWSFLOW_DASHBOARD_STALL_SECONDS}
     * (default 60) is how long records may wait for a group that does not move before the panel warns.
     */
    static PipelineHealth pipelineHealth(SinkConfig sink, Settings settings) {
        return new PipelineHealth(sink.bootstrapServers(), sink.topics(), sink.groupId(), Duration.ofSeconds(2),
                Duration.ofSeconds(settings.getLong(SinkSettings.DASHBOARD_STALL_SECONDS)));
    }

    /**
     * The page's files for Javalin, its policy, and its API routes as an {@link ApiExtension}: the sink registers
     * them like its own and documents them in {@code /api/openapi.json}.
     */
    private record Files(String csp, PipelineHealth health, LiveStream live) implements Consumer<JavalinConfig>, SinkApi.PagePolicy, ApiExtension {
        @Override
        public List<ApiOperation> operations() {
            List<ApiOperation> ops = new ArrayList<>();
            if (health != null) {
                ops.addAll(PipelineRoutes.operations(health));
            }
            if (live != null) {
                ops.add(live.operation());
            }
            return ops;
        }

        @Override
        public Map<String, Object> schemas() {
            return SCHEMAS;
        }

        @Override
        public Map<String, String> tags() {
            return Map.of(PipelineRoutes.TAG, "The dashboard's pipeline health and live article events");
        }

        @Override
        public void accept(JavalinConfig config) {
            config.staticFiles.enableWebjars();
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
        // style-src-attr 'unsafe-inline': ECharts and the page's bars size elements with style attributes, which no
        // hash can cover; style attributes cannot run script, and scripts stay same-origin or hash-locked.
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

    private static Map<String, Object> readSchemas() {
        try {
            return Json.MAPPER.readValue(read("/org/newsflow/launcher/dashboard/openapi-schemas.json"),
                    new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
