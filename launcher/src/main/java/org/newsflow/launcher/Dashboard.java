package org.newsflow.launcher;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.function.Consumer;

/** The live dashboard: one static page over the sink's query API, served by the sink at {@code /}. */
final class Dashboard {
    private Dashboard() {}

    static Consumer<JavalinConfig> staticFiles() {
        return config -> config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/dashboard";
            files.location = Location.CLASSPATH;
        });
    }
}
