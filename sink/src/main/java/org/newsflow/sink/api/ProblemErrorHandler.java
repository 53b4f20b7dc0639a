package org.newsflow.sink.api;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.newsflow.contract.Json;

/**
 * Jetty's own error answers (a request it rejects before Javalin sees it: an illegal or ambiguous path such as
 * {@code /api/articles/%00}, a bad header, a request line too long) in the API's problem-details format and with
 * its security headers, instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private final String csp;

    ProblemErrorHandler(String csp) {
        this.csp = csp;
        setShowStacks(false);
    }

    /** Whatever the request accepts: the API answers problem details only (Jetty 12 core handler). */
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        response.setStatus(code);
        headers.put("Content-Type", SinkApi.PROBLEM_JSON);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", csp);
        headers.put("Cache-Control", "no-store");
        response.write(true, ByteBuffer.wrap(body(code, message, request.getHttpURI().getPath())), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put("Content-Type", SinkApi.PROBLEM_JSON);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("X-Frame-Options", "DENY");
        fields.put("Content-Security-Policy", csp);
        return ByteBuffer.wrap(body(status, reason, null));
    }

    static byte[] body(int status, String message, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        String title = HttpStatus.getMessage(status);
        body.put("type", "about:blank");
        body.put("title", title == null ? "Error" : title);
        body.put("status", status);
        body.put("detail", message == null || message.isBlank() ? (title == null ? "error" : title) : message);
        if (instance != null) {
            body.put("instance", instance);
        }
        return Json.toBytes(body);
    }
}
