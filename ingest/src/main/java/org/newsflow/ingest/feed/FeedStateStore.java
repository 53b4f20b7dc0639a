package org.newsflow.ingest.feed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.newsflow.contract.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed state on local disk: one small JSON file per feed, named by a hash of its URL, replaced atomically
 * (written to a temporary file, forced to disk, renamed over the old one), so a crash leaves either the old or the
 * new state, never half of one. Why local files and not a compacted Kafka topic: see docs/sources.md.
 */
public final class FeedStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(FeedStateStore.class);

    private final Path dir;

    public FeedStateStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    public FeedState load(String url) {
        Path file = file(url);
        if (!Files.exists(file)) {
            return new FeedState(url);
        }
        try {
            FeedState s = Json.MAPPER.readValue(Files.readAllBytes(file), FeedState.class);
            s.url = url;
            return s;
        } catch (IOException | RuntimeException e) {
            // Keep the unreadable file for a person to look at, and start the feed afresh (it may republish).
            LOG.error("feed state {} for {} is unreadable ({}); moved aside, starting fresh", file, url, e.getMessage());
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the next save replaces it anyway
            }
            return new FeedState(url);
        }
    }

    /** Every saved state (for the cross-feed duplicate index at start-up). */
    public List<FeedState> loadAll() throws IOException {
        List<FeedState> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    all.add(Json.MAPPER.readValue(Files.readAllBytes(f), FeedState.class));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("feed state {} unreadable: {}", f, e.getMessage());
                }
            }
        }
        return all;
    }

    public synchronized void save(FeedState state) throws IOException {
        Path file = file(state.url);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(state);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(String url) {
        return dir.resolve("feed-" + FeedParser.sha(url) + ".json");
    }
}
