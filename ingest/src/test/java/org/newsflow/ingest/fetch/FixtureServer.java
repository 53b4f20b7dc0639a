package org.newsflow.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's), serving what each test puts at a path, and recording every request
 * (path, headers, time) so tests can check conditional headers, politeness and retries. Nothing leaves the host.
 */
public final class FixtureServer implements AutoCloseable {
    /** One recorded request. */
    public record Request(String path, Map<String, List<String>> headers, long nanos) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What to do for a path. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange x) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fixture-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", x -> {
            String path = x.getRequestURI().getPath();
            requests.add(new Request(x.getRequestURI().toString(), Map.copyOf(x.getRequestHeaders()), System.nanoTime()));
            Handler h = handlers.get(path);
            try {
                if (h == null) {
                    send(x, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    h.handle(x);
                }
            } catch (Exception e) {
                // the client may have hung up (timeouts, caps): nothing to do
            } finally {
                x.close();
            }
        });
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FixtureServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    public FixtureServer content(String path, String contentType, String body) {
        return content(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public FixtureServer content(String path, String contentType, byte[] body) {
        return on(path, x -> send(x, 200, contentType, body));
    }

    public FixtureServer status(String path, int status, String... headers) {
        return on(path, x -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                x.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            x.sendResponseHeaders(status, -1);
        });
    }

    public FixtureServer redirect(String path, int status, String location) {
        return status(path, status, "Location", location);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            x.getResponseHeaders().set("Content-Type", contentType);
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        }
        return b.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
