package org.newsflow.sink.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the API: an optional bearer token, and the Host names it answers to.
 *
 * <p>Why a Host allow-list: the API has no cookies, but a page on another site can make a browser resolve its own
 * host name to 127.0.0.1 (DNS rebinding) and then read the API as same-origin. Such a request still carries the
 * attacker's host name in {@code Host}, so answering only to known names closes that door.
 *
 * @param token the bearer token, or null for none
 * @param allowedHosts lower-cased host names without port; empty means any host
 */
public record ApiSecurity(String token, Set<String> allowedHosts) {
    /** Anything goes: no token, any Host. For tests of other things, and embedded use behind another server. */
    public static final ApiSecurity OPEN = new ApiSecurity(null, Set.of());

    public static final int MIN_TOKEN_LENGTH = 16;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public ApiSecurity {
        allowedHosts = Set.copyOf(allowedHosts);
    }

    /**
     * The security for an API bound to {@code bindHost}. The host list defaults to the loopback names plus the bind
     * address (unless that is a wildcard); {@code *} in the list allows any host. Bound beyond loopback without a
     * token, the API refuses to start unless {@code allowAnonymous}: the data is not secret, but an open API on a
     * network interface is rarely what anyone meant.
     */
    public static ApiSecurity of(String bindHost, String token, List<String> hosts, boolean allowAnonymous) {
        String bind = bindHost == null ? "" : bindHost.strip().toLowerCase(Locale.ROOT);
        if (token != null && (token.length() < MIN_TOKEN_LENGTH || token.toLowerCase(Locale.ROOT).contains("change-me"))) {
            // .env.example ships "change-me": a copied but unedited file must not give a guessable token
            throw new IllegalArgumentException("NEWSFLOW_API_TOKEN must be at least " + MIN_TOKEN_LENGTH
                    + " characters and not the example value (openssl rand -hex 24)");
        }
        if (token == null && !allowAnonymous && !isLoopback(bind)) {
            throw new IllegalArgumentException("the API is bound to " + bindHost + " (beyond loopback) without a token: set "
                    + "NEWSFLOW_API_TOKEN, or NEWSFLOW_SINK_HTTP_ALLOW_ANONYMOUS=true to serve it to anyone who can reach it");
        }
        Set<String> allowed = new LinkedHashSet<>();
        if (hosts.isEmpty()) {
            allowed.addAll(LOOPBACK);
            if (!bind.isEmpty() && !bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
                allowed.add(bind);
            }
        } else if (!hosts.contains("*")) {
            hosts.forEach(h -> allowed.add(h.strip().toLowerCase(Locale.ROOT)));
        }
        return new ApiSecurity(token, allowed);
    }

    static boolean isLoopback(String host) {
        return LOOPBACK.contains(host) || host.startsWith("127.");
    }

    /** True if the Host header (with or without port) names an allowed host. A missing Host is refused. */
    boolean hostAllowed(String hostHeader) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) { // [::1]:8083
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(0, end + 1);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) { // host:port (one colon)
            h = h.substring(0, h.indexOf(':'));
        }
        return allowedHosts.contains(h) || (h.startsWith("[") && allowedHosts.contains(h.substring(1, h.length() - 1)));
    }

    /** Constant-time comparison of an Authorization header with the token. */
    boolean authorized(String authorization) {
        if (token == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ApiSecurity[token=" + (token == null ? "none" : "set") + ", allowedHosts=" + (allowedHosts.isEmpty() ? "any" : allowedHosts) + "]";
    }
}
