package org.newsflow.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP fetcher of feeds, pages and robots.txt. It follows redirects itself (the JDK client is told not
 * to) so that every hop is checked against robots.txt and the per-host politeness limit and a loop is caught;
 * it reads bodies with caps on wire and decompressed size and a deadline on the whole fetch; it sends conditional
 * headers and asks for gzip. It never throws for what a server does: every failure is a {@link FetchResult} with an
 * {@link Outcome} and a reason. Thread-safe; one instance is shared by all feeds.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    /** What a fetch is for: feed polls carry conditional headers; page fetches obey robots.txt. */
    public enum Purpose { FEED, PAGE, ROBOTS }

    /** Validators from the previous response, for a conditional GET. */
    public record Conditional(String etag, String lastModified) {
        public static final Conditional NONE = new Conditional(null, null);
    }

    private final FetchConfig config;
    private final HttpClient client;
    private final HostLimiter limiter;
    private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
    private final Map<String, CachedRules> robots = new ConcurrentHashMap<>();
    private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();

    private record CachedRules(BaseRobotRules rules, long expiresNanos) {}

    public Fetcher(FetchConfig config) {
        this.config = config;
        this.limiter = new HostLimiter(config.hostInterval());
        // HTTP/1.1: no h2c upgrade dance on plain http, and TLS sites serve news as well over it.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    public FetchConfig config() {
        return config;
    }

    public FetchResult fetch(URI uri, Purpose purpose, Conditional conditional, BooleanSupplier stopped) {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        List<URI> hops = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        visited.add(uri.normalize().toString());
        URI current = uri;
        boolean permanent = true;
        try {
            for (int hop = 0; ; hop++) {
                String scheme = current.getScheme() == null ? "" : current.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || current.getHost() == null) {
                    return FetchResult.failure(hop == 0 ? Outcome.CLIENT_ERROR : Outcome.BAD_REDIRECT, 0, uri, current, hops,
                            "not an http(s) URL: " + current);
                }
                if (purpose == Purpose.PAGE && !robotsAllow(current, stopped)) {
                    return FetchResult.failure(Outcome.ROBOTS_DISALLOWED, 0, uri, current, hops,
                            "robots.txt of " + current.getHost() + " disallows " + current.getRawPath() + " for " + config.robotsAgent());
                }
                if (!limiter.acquire(host(current), stopped, deadline)) {
                    return FetchResult.failure(stopped.getAsBoolean() ? Outcome.STOPPED : Outcome.TIMEOUT, 0, uri, current, hops,
                            stopped.getAsBoolean() ? "stopped while waiting for the host" : "politeness wait would pass the deadline");
                }
                Exchange x = exchange(current, purpose, conditional, deadline);
                if (x.failure != null) {
                    return FetchResult.failure(x.failure, x.status, uri, current, hops, x.detail);
                }
                int status = x.response.statusCode();
                if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                    String location = x.response.headers().firstValue("Location").orElse(null);
                    if (location == null || location.isBlank()) {
                        return FetchResult.failure(Outcome.BAD_REDIRECT, status, uri, current, hops, "redirect without a Location header");
                    }
                    URI next;
                    try {
                        next = current.resolve(new URI(location.strip().replace(" ", "%20")));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        return FetchResult.failure(Outcome.BAD_REDIRECT, status, uri, current, hops, "bad Location '" + location + "'");
                    }
                    if (!visited.add(next.normalize().toString())) {
                        hops.add(next);
                        return FetchResult.failure(Outcome.REDIRECT_LOOP, status, uri, current, hops, "redirect loop back to " + next);
                    }
                    if (hop >= config.maxRedirects()) {
                        return FetchResult.failure(Outcome.TOO_MANY_REDIRECTS, status, uri, current, hops,
                                "more than " + config.maxRedirects() + " redirects");
                    }
                    permanent &= status == 301 || status == 308;
                    hops.add(next);
                    current = next;
                    continue;
                }
                return finish(uri, current, hops, permanent && !hops.isEmpty(), x);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.failure(Outcome.STOPPED, 0, uri, current, hops, "interrupted");
        }
    }

    private FetchResult finish(URI requested, URI current, List<URI> hops, boolean permanent, Exchange x) {
        HttpResponse<byte[]> r = x.response;
        int status = r.statusCode();
        String etag = r.headers().firstValue("ETag").orElse(null);
        String lastModified = r.headers().firstValue("Last-Modified").orElse(null);
        String contentType = r.headers().firstValue("Content-Type").orElse(null);
        Duration retryAfter = retryAfter(r.headers().firstValue("Retry-After").orElse(null));
        Duration maxAge = maxAge(r.headers().allValues("Cache-Control"));
        Outcome outcome;
        if (status >= 200 && status < 300) {
            outcome = Outcome.OK;
        } else if (status == 304) {
            outcome = Outcome.NOT_MODIFIED;
        } else if (status == 404) {
            outcome = Outcome.NOT_FOUND;
        } else if (status == 410) {
            outcome = Outcome.GONE;
        } else if (status == 429) {
            outcome = Outcome.RATE_LIMITED;
        } else if (status >= 500) {
            outcome = Outcome.SERVER_ERROR;
        } else {
            outcome = Outcome.CLIENT_ERROR;
        }
        if (outcome != Outcome.OK) {
            return new FetchResult(outcome, status, requested, current, hops, permanent, null, contentType, etag, lastModified,
                    retryAfter, maxAge, outcome.success() ? null : "HTTP " + status);
        }
        byte[] body;
        try {
            body = BoundedBody.decode(r.body(), r.headers().firstValue("Content-Encoding").orElse(null), config.maxBytes());
        } catch (BoundedBody.TooLarge e) {
            return FetchResult.failure(Outcome.TOO_LARGE, status, requested, current, hops, e.getMessage());
        } catch (ZipException | BoundedBody.UnsupportedEncoding e) {
            return FetchResult.failure(Outcome.BAD_ENCODING, status, requested, current, hops, e.getMessage());
        } catch (IOException e) {
            return FetchResult.failure(Outcome.BAD_ENCODING, status, requested, current, hops, "cannot decode body: " + e.getMessage());
        }
        return new FetchResult(Outcome.OK, status, requested, current, hops, permanent, body, contentType, etag, lastModified, retryAfter, maxAge, null);
    }

    private static final class Exchange {
        HttpResponse<byte[]> response;
        Outcome failure;
        int status;
        String detail;
    }

    private Exchange exchange(URI uri, Purpose purpose, Conditional conditional, long deadline) throws InterruptedException {
        Exchange x = new Exchange();
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            x.failure = Outcome.TIMEOUT;
            x.detail = "deadline of " + config.totalTimeout().toMillis() + " ms passed";
            return x;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", config.userAgent())
                .header("Accept-Encoding", "gzip, deflate")
                .header("Accept", switch (purpose) {
                    case FEED -> "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5";
                    case PAGE -> "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
                    case ROBOTS -> "text/plain, */*;q=0.5";
                });
        if (conditional.etag() != null) {
            b.header("If-None-Match", conditional.etag());
        }
        if (conditional.lastModified() != null) {
            b.header("If-Modified-Since", conditional.lastModified());
        }
        AtomicReference<BoundedBody> body = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
            boolean encoded = info.headers().firstValue("Content-Encoding").map(e -> !e.isBlank() && !e.equalsIgnoreCase("identity")).orElse(false);
            long cap = encoded ? config.maxCompressedBytes() : Math.min(config.maxCompressedBytes(), config.maxBytes());
            BoundedBody s = success ? new BoundedBody(cap, info.headers().firstValueAsLong("Content-Length").orElse(-1)) : BoundedBody.discarding();
            body.set(s);
            return s;
        };
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(b.build(), handler);
        try {
            x.response = future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return x;
        } catch (TimeoutException e) {
            // The server is silent or trickling: cancel the exchange so that the connection is closed.
            future.cancel(true);
            BoundedBody s = body.get();
            if (s != null) {
                s.cancel();
            }
            x.failure = Outcome.TIMEOUT;
            x.detail = "no complete response within " + config.totalTimeout().toMillis() + " ms";
            return x;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof BoundedBody.TooLarge) {
                    x.failure = Outcome.TOO_LARGE;
                    x.detail = t.getMessage();
                    return x;
                }
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
                x.failure = Outcome.TIMEOUT;
            } else if (cause instanceof IllegalArgumentException) {
                x.failure = Outcome.CLIENT_ERROR;
            } else {
                x.failure = Outcome.NETWORK;
            }
            x.detail = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return x;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** Whether robots.txt lets the robots agent fetch the URI; the host's rules are fetched once per TTL. */
    boolean robotsAllow(URI uri, BooleanSupplier stopped) {
        String key = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host(uri) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        CachedRules cached = robots.get(key);
        if (cached == null || cached.expiresNanos - System.nanoTime() < 0) {
            synchronized (robotsLocks.computeIfAbsent(key, k -> new Object())) {
                cached = robots.get(key);
                if (cached == null || cached.expiresNanos - System.nanoTime() < 0) {
                    cached = loadRobots(key, stopped);
                    robots.put(key, cached);
                }
            }
        }
        return cached.rules.isAllowed(uri.toString());
    }

    private CachedRules loadRobots(String key, BooleanSupplier stopped) {
        URI robotsUri = URI.create(key + "/robots.txt");
        FetchResult r = fetch(robotsUri, Purpose.ROBOTS, Conditional.NONE, stopped);
        long ttl = config.robotsTtl().toNanos();
        BaseRobotRules rules;
        if (r.ok()) {
            rules = robotsParser.parseContent(robotsUri.toString(), r.body(), r.contentType() == null ? "text/plain" : r.contentType(),
                    List.of(config.robotsAgent()));
        } else if (r.status() >= 400 && r.status() < 500 && r.status() != 429) {
            // RFC 9309: robots.txt "unavailable" (4xx) means no restrictions.
            rules = robotsParser.failedFetch(r.status());
        } else {
            // Unreachable (5xx, 429, network, timeout): assume complete disallow for now and ask again soon.
            LOG.warn("robots.txt of {} unreachable ({}): page fetches from it wait", key, r);
            rules = robotsParser.failedFetch(503);
            ttl = Math.min(ttl, Duration.ofMinutes(5).toNanos());
        }
        long delayMs = rules.getCrawlDelay();
        if (delayMs != BaseRobotRules.UNSET_CRAWL_DELAY && delayMs > 0) {
            limiter.slowDown(host(robotsUri), Duration.ofMillis(Math.min(delayMs, config.maxCrawlDelay().toMillis())));
        }
        return new CachedRules(rules, System.nanoTime() + ttl);
    }

    private static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code max-age} (or {@code s-maxage}, which is meant for shared caches such as a collector) from Cache-Control;
     * null when absent or unreadable, and when {@code no-cache} or {@code no-store} asks to revalidate every time.
     */
    static Duration maxAge(List<String> cacheControl) {
        Duration age = null;
        for (String header : cacheControl) {
            for (String directive : header.split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.equals("no-cache") || d.equals("no-store")) {
                    return null;
                }
                int eq = d.indexOf('=');
                String name = eq < 0 ? d : d.substring(0, eq).strip();
                if (eq > 0 && (name.equals("max-age") || name.equals("s-maxage"))) {
                    try {
                        long seconds = Long.parseLong(d.substring(eq + 1).strip().replace("\"", ""));
                        age = seconds > 0 && (age == null || name.equals("s-maxage")) ? Duration.ofSeconds(seconds) : age;
                    } catch (NumberFormatException unreadable) {
                        // ignored: no hint
                    }
                }
            }
        }
        return age;
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
