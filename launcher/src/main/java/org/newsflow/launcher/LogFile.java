package org.newsflow.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the process's logs to a file ({@code logback-file.xml}) instead of the console, for commands whose console
 * output is a report for a person (the demo's summary): broker warnings and service start-up lines would bury it.
 * Errors still go to stderr as well.
 */
final class LogFile {
    private LogFile() {}

    /** Reconfigures logging to write to {@code file}; returns false (and leaves logging alone) when it cannot. */
    static boolean redirect(Path file) {
        URL config = LogFile.class.getResource("/logback-file.xml");
        if (config == null || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return false;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the log file " + file, e);
        }
        context.reset();
        context.putProperty("newsflow.log.file", file.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
            return true;
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging to " + file, e);
        }
    }
}
