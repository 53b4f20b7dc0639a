package org.newsflow.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;

/**
 * Subcommands that modules outside the service jars contribute (eval, bench). Each such jar lists its command classes
 * in {@value #RESOURCE}, one fully qualified name a line ({@code #} starts a comment), the way
 * {@link java.util.ServiceLoader} lists providers; the launcher never compiles against them, so a launcher built
 * without those modules (the Docker image, {@code mvn -Dservice}) simply has fewer commands.
 */
final class OptionalCommands {
    static final String RESOURCE = "META-INF/newsflow/commands";

    private OptionalCommands() {}

    static void addTo(CommandLine cli, ClassLoader loader) {
        for (String name : classNames(loader)) {
            try {
                Object command = Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
                cli.addSubcommand(command);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(RESOURCE + " names " + name + ", which cannot be created: " + e, e);
            }
        }
    }

    static Set<String> classNames(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    in.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return names;
    }
}
