package org.newsflow.sink.api;

import io.javalin.http.Handler;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One GET route: what registers it with Javalin and what documents it in OpenAPI, declared once: in {@link ApiRoutes}
 * for the sink's own routes, in an {@link ApiExtension} for routes another module adds (the dashboard's).
 *
 * @param response the name of the answer's schema under {@code components/schemas}
 * @param mediaType of the 200 answer
 * @param notFound whether a 404 (unknown id or key) is one of its answers
 * @param open true for the probes and documentation: no token, no Host check
 */
public record ApiOperation(String path, String operationId, String tag, String summary, String description,
                    List<ApiParameter> parameters, String response, String mediaType, boolean notFound, boolean open,
                    Handler handler) {

    /** The query parameter names {@link Params} accepts here: exactly the documented ones. */
    Set<String> queryNames() {
        return parameters.stream().filter(p -> p.in().equals("query")).map(ApiParameter::name).collect(Collectors.toSet());
    }
}
