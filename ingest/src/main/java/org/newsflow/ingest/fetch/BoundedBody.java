package org.newsflow.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body without trusting the server: the wire bytes are capped as they arrive (the subscription is
 * cancelled at the cap, so a huge or endless body costs no more than the cap), and decompression is capped
 * separately, so a small gzip that inflates to gigabytes is cut off too. The total-time deadline is enforced by the
 * caller, which cancels the exchange.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The body exceeded a cap; carries what was read up to it. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final long cap;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    /** A subscriber that reads nothing: error and redirect bodies are never needed, and may trickle. */
    static BoundedBody discarding() {
        BoundedBody b = new BoundedBody(0, -1);
        b.result.complete(new byte[0]);
        return b;
    }

    BoundedBody(long cap, long declaredLength) {
        this.cap = cap;
        if (declaredLength > cap) {
            // Content-Length already says too much: don't read a byte of it.
            result.completeExceptionally(new TooLarge("Content-Length " + declaredLength + " exceeds the cap of " + cap + " bytes"));
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            if (bytes.size() + (long) b.remaining() > cap) {
                result.completeExceptionally(new TooLarge("body exceeds the cap of " + cap + " bytes on the wire"));
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    /** Stops reading (deadline passed). */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /**
     * Undoes Content-Encoding, reading at most {@code cap} decompressed bytes.
     *
     * @throws TooLarge when the decompressed body exceeds the cap (a gzip bomb)
     * @throws ZipException when the body is not valid gzip/deflate
     * @throws UnsupportedEncoding for encodings never asked for (we send Accept-Encoding: gzip, deflate)
     */
    static byte[] decode(byte[] wire, String contentEncoding, long cap) throws IOException {
        String enc = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        InputStream in;
        switch (enc) {
            case "", "identity" -> {
                return wire;
            }
            case "gzip", "x-gzip" -> in = new GZIPInputStream(new java.io.ByteArrayInputStream(wire), 8192);
            // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; the header byte tells.
            case "deflate" -> in = new InflaterInputStream(new java.io.ByteArrayInputStream(wire),
                    new Inflater(wire.length > 0 && (wire[0] & 0x0F) != 8));
            default -> throw new UnsupportedEncoding(enc);
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(wire.length * 4, 1 << 20));
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > cap) {
                    throw new TooLarge("decompressed body exceeds the cap of " + cap + " bytes (" + wire.length
                            + " bytes on the wire)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (java.io.EOFException e) {
            throw new ZipException("truncated " + enc + " body");
        }
    }

    static final class UnsupportedEncoding extends IOException {
        UnsupportedEncoding(String encoding) {
            super("unsupported Content-Encoding '" + encoding + "'");
        }
    }
}
