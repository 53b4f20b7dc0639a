package org.newsflow.sink.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
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

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setStatus(code);
        response.setContentType(SinkApi.PROBLEM_JSON);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", csp);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body(code, message, request.getRequestURI()));
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
