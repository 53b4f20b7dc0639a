package org.newsflow.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stable article ids: the same article re-ingested gets the same id, so it lands on the same partition
 * and the sink upserts it. The id is "url-" + a hash of the canonical URL when there is one, otherwise
 * "txt-" + a hash of the whitespace-normalised title and body.
 */
public final class ArticleIds {
    private ArticleIds() {}

    public static String of(String url, String title, String body) {
        return canonicalUrl(url)
                .map(u -> "url-" + sha256Hex(u))
                .orElseGet(() -> "txt-" + sha256Hex(normaliseText(title) + "\n" + normaliseText(body)));
    }

    /**
     * Lower-cases scheme and host, drops the fragment, default ports, tracking parameters (utm_*, fbclid, gclid)
     * and a trailing slash, so that links shared from different places name the same article.
     */
    public static Optional<String> canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !isTrackingParameter(p))
                    .sorted()
                    .collect(Collectors.joining("&"));
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
                    + (query == null || query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isTrackingParameter(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("ocid");
    }

    private static String normaliseText(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            // 128 bits: collision-free in practice for news volumes, and shorter keys.
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
