package org.newsflow.sink.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Swagger UI at {@code /api/docs}, from the WebJar {@code org.webjars:swagger-ui} on the class path (no CDN: it works
 * offline). The page and its start script are ours (no inline script, so the page's Content-Security-Policy needs
 * no hashes); the bundle and stylesheet are the WebJar's files.
 */
final class ApiDocs {
    static final String PATH = "/api/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/5.34.1/";
    /** Scripts, styles and images from this server only; the UI fetches /api/openapi.json from it. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final byte[] PAGE = ("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>newsflow API</title>
            <link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
            <body><div id="swagger-ui"></div>
            <script src="/api/docs/swagger-ui-bundle.js"></script>
            <script src="/api/docs/start.js"></script>
            </body>
            </html>
            """).getBytes(StandardCharsets.UTF_8);
    private static final byte[] START = """
            window.ui = SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
            """.getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> FILES = Map.of(
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui.css", "text/css; charset=utf-8");

    private ApiDocs() {}

    static void register(BiConsumer<String, Handler> get) {
        get.accept(PATH, ctx -> page(ctx, "text/html; charset=utf-8", PAGE));
        get.accept(PATH + "/start.js", ctx -> page(ctx, "text/javascript; charset=utf-8", START));
        FILES.forEach((file, type) -> {
            byte[] bytes = webjar(file);
            get.accept(PATH + "/" + file, ctx -> page(ctx, type, bytes));
        });
    }

    /** Whether a path is one of the documentation pages (the page policy applies, not the JSON one). */
    static boolean isDocs(String path) {
        return path.equals(PATH) || path.startsWith(PATH + "/");
    }

    private static void page(Context ctx, String type, byte[] body) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Cache-Control", "max-age=3600");
        ctx.contentType(type).result(body);
    }

    private static byte[] webjar(String file) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(WEBJAR + file)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is not on the class path: " + WEBJAR + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
