package org.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code redocly lint} with the recommended rules (the pinned CLI of {@code tools/openapi-lint}, installed there by
 * {@code npm ci}), as sink's OpenApiTest runs it on the sink's own description: here on the description of the
 * launcher's stack, with the dashboard's routes. Not installed: the lint is left out with a message, unless
 * NEWSFLOW_OPENAPI_LINT=required (CI), where that fails.
 */
final class OpenApiLint {
    private OpenApiLint() {}

    /** Writes the description to {@code out} and lints it: no errors, no warnings. */
    static void check(String description, Path out) throws Exception {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, description, StandardCharsets.UTF_8);
        Path tool = Path.of("..", "tools", "openapi-lint").toAbsolutePath().normalize();
        Path redocly = tool.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(redocly)) {
            assertThat(System.getenv("NEWSFLOW_OPENAPI_LINT")).as("NEWSFLOW_OPENAPI_LINT=required but " + redocly
                    + " is missing (npm ci in tools/openapi-lint)").isNotEqualTo("required");
            System.out.println("redocly is not installed (cd tools/openapi-lint && npm ci): " + out + " not linted");
            return;
        }
        Path report = Path.of(out + ".lint.txt").toAbsolutePath();
        Process p = new ProcessBuilder(redocly.toString(), "lint", "--config", tool.resolve("redocly.yaml").toString(),
                "--format", "stylish", out.toAbsolutePath().toString())
                .directory(tool.toFile()).redirectErrorStream(true).redirectOutput(new File(report.toString())).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(report);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).as(text).doesNotContainPattern("\\d+:\\d+\\s+(warning|error)").contains("is valid");
    }
}
