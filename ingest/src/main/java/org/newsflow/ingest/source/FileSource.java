package org.newsflow.ingest.source;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Article files ({@code .txt}, {@code .json}, {@code .jsonl}) under the given files and directories, read once and
 * streamed: items are handed on as they are read, so a large JSON Lines file never sits in memory.
 */
public final class FileSource implements ArticleSource {
    private final List<Path> roots;
    private final ArticleFiles files;
    private int filesRead;

    public FileSource(List<Path> roots) {
        this(roots, InputLimits.defaults());
    }

    public FileSource(List<Path> roots, InputLimits limits) {
        this.roots = List.copyOf(roots);
        this.files = new ArticleFiles(limits);
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public void run(Consumer<SourceItem> out, BooleanSupplier stopped) throws Exception {
        for (Path path : ArticleFiles.list(roots)) {
            if (stopped.getAsBoolean()) {
                return;
            }
            filesRead++;
            files.read(path, item -> {
                if (!stopped.getAsBoolean()) {
                    out.accept(item);
                }
            });
        }
    }

    /** Files read so far. */
    public int filesRead() {
        return filesRead;
    }
}
