package org.newsflow.ingest.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Saved web pages on disk: {@code .html}/{@code .htm} files, gzipped or not, singly or in directories. */
public final class HtmlPages {
    private HtmlPages() {}

    /** The file itself, or the pages under a directory (recursively, sorted by path). */
    public static List<Path> list(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            if (!Files.isRegularFile(input)) {
                throw new java.nio.file.NoSuchFileException(input.toString());
            }
            return List.of(input);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
            walk.filter(Files::isRegularFile).filter(HtmlPages::isPage).sorted().forEach(files::add);
        }
        return files;
    }

    public static boolean isPage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".html.gz") || name.endsWith(".htm.gz");
    }

    /** The page's bytes, gunzipped when they are gzip (recognised by content, not by name). */
    public static byte[] read(Path file) throws IOException {
        return ArticleExtractor.gunzipIfNeeded(Files.readAllBytes(file));
    }
}
