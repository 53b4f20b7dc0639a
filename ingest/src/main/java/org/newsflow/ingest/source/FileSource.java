package org.newsflow.ingest.source;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Article files ({@code .txt}, {@code .json}, {@code .jsonl}) under the given files and directories, read once. */
public final class FileSource implements ArticleSource {
    private final List<Path> roots;
    private final ArticleFiles files = new ArticleFiles();
    private int filesRead;

    public FileSource(List<Path> roots) {
        this.roots = List.copyOf(roots);
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
            files.read(path).forEach(out);
        }
    }

    /** Files read so far. */
    public int filesRead() {
        return filesRead;
    }
}
