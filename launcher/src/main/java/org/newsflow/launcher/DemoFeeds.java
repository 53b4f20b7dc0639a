package org.newsflow.launcher;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.newsflow.ingest.feed.DeliveryBarrier;
import org.newsflow.ingest.feed.Extractors;
import org.newsflow.ingest.feed.FeedConfig;
import org.newsflow.ingest.feed.FeedList;
import org.newsflow.ingest.feed.FeedSource;
import org.newsflow.ingest.feed.FeedSubscription;
import org.newsflow.ingest.fetch.FetchConfig;
import org.newsflow.ingest.fetch.Fetcher;

/**
 * The feed part of the demo: serves the fixture feeds and pages of {@code samples/feeds} on 127.0.0.1 (the JDK's
 * HTTP server, any free port) and builds a feed source that collects them once, exactly as it would collect feeds
 * on the web. {@code {{base}}} in a served file becomes this server's address, so feed links point at its pages.
 */
final class DemoFeeds implements AutoCloseable {
    private final Path dir;
    private final HttpServer server;

    private DemoFeeds(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-feeds-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", x -> {
            try (x) {
                Path file = this.dir.resolve(x.getRequestURI().getPath().substring(1)).normalize();
                if (!file.startsWith(this.dir) || !Files.isRegularFile(file)) {
                    x.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readString(file, StandardCharsets.UTF_8).replace("{{base}}", base()).getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", contentType(file));
                x.sendResponseHeaders(200, body.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    static DemoFeeds serve(Path dir) throws IOException {
        return new DemoFeeds(dir);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The feeds of {@code feeds.list}, polled once each, state in {@code stateDir}. */
    FeedSource source(Path stateDir, MeterRegistry registry) throws IOException {
        // The list names paths on this server: they become URLs here, then it is read like any feed list.
        String list = Files.readString(dir.resolve("feeds.list")).lines()
                .map(l -> l.startsWith("/") ? base() + l : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        List<FeedSubscription> feeds = FeedList.parseText(list, dir.resolve("feeds.list").toString());
        // All feeds share one local host: politeness at 1 request per second would only slow the demo down.
        Fetcher fetcher = new Fetcher(FetchConfig.defaults().withHostInterval(Duration.ofMillis(20)));
        return new FeedSource(feeds, FeedConfig.defaults(stateDir).withOnce(true), fetcher, Extractors.standard(), registry, DeliveryBarrier.NONE);
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".atom")) {
            return "application/atom+xml";
        }
        if (name.endsWith(".xml")) {
            return "application/rss+xml";
        }
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return "text/plain; charset=utf-8";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
