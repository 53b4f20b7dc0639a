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
            try {
                files.read(path, item -> {
                    if (stopped.getAsBoolean()) {
                        throw new Stop(); // ends a large JSON Lines file at once rather than reading it to the end
                    }
                    out.accept(item);
                });
            } catch (Stop e) {
                return;
            }
        }
    }

    /** Thrown through the reader to stop reading a file; never leaves {@link #run}. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Files read so far. */
    public int filesRead() {
        return filesRead;
    }
}
