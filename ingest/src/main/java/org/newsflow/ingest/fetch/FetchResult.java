package org.newsflow.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One fetch, after redirects.
 *
 * @param outcome what happened
 * @param status the last HTTP status, or 0 when no response came
 * @param requested the URI asked for
 * @param uri the URI the final response came from (after redirects)
 * @param redirects the hops followed, in order, excluding {@code requested}
 * @param permanentRedirect true when every hop was a permanent redirect (301/308): the caller may update its URL
 * @param body the decompressed body (empty unless OK; capped when TOO_LARGE)
 * @param contentType the Content-Type header, or null
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 * @param retryAfter the server's Retry-After, or null
 * @param maxAge the {@code Cache-Control: max-age} of the response, or null (none, {@code no-cache}, {@code no-store})
 * @param detail a human-readable explanation for logs and dead letters
 */
public record FetchResult(
        Outcome outcome,
        int status,
        URI requested,
        URI uri,
        List<URI> redirects,
        boolean permanentRedirect,
        byte[] body,
        String contentType,
        String etag,
        String lastModified,
        Duration retryAfter,
        Duration maxAge,
        String detail) {

    public FetchResult {
        redirects = List.copyOf(redirects);
        body = body == null ? new byte[0] : body;
    }

    static FetchResult failure(Outcome outcome, int status, URI requested, URI uri, List<URI> redirects, String detail) {
        return new FetchResult(outcome, status, requested, uri, redirects, false, null, null, null, null, null, null, detail);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    /** The media type without parameters, lower-case, or "" when the server sent none. */
    public String mediaType() {
        return MediaTypes.mediaType(contentType);
    }

    @Override
    public String toString() {
        return outcome + (status > 0 ? " (HTTP " + status + ")" : "") + " " + uri + (detail == null ? "" : ": " + detail);
    }
}
