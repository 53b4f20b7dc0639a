package org.newsflow.sink.api;

import java.util.List;
import java.util.Map;

/**
 * Routes another module adds to the API, registered and documented exactly like the sink's own: the customizer given
 * to {@link SinkApi} implements this (as it may implement {@link SinkApi.PagePolicy}), and the API registers each
 * operation (Host check, token, security headers, problem details) and puts it into {@code /api/openapi.json}.
 *
 * <p>Why not let the module call {@code config.routes.get(...)} itself: a route registered that way works but is
 * missing from the description, which is how the dashboard's {@code /api/pipeline} once went undocumented. For
 * example the launcher's dashboard contributes
 * {@code new ApiOperation("/api/pipeline", "getPipeline", "dashboard", "Pipeline health", "...", List.of(), "Pipeline",
 * "application/json", false, false, handler)} with a {@code Pipeline} schema.
 */
public interface ApiExtension {
    /** The GET routes to add; their paths must not clash with the sink's. */
    List<ApiOperation> operations();

    /** JSON Schemas for {@code components/schemas}, by the names the operations' {@code response} uses. */
    Map<String, Object> schemas();

    /** Descriptions of the tags the operations use that the sink does not define (name to description). */
    Map<String, String> tags();
}
