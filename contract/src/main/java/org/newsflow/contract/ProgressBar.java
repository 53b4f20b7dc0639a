package org.newsflow.contract;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with rate and ETA on stderr, redrawn twice a second, for long runs (ingest of a folder,
 * eval, bench). Here in the contract module because the launcher, eval and bench commands all draw one. It reads progress from a counter the work already keeps (a meter, an index), so the work itself
 * knows nothing of it. Silent when the process is not attached to a terminal: logs and CI output get no carriage
 * returns.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.start("ingest", files, () -> published.get())) { ... }
 * }</pre>
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final String label;
    private final long total;
    private final LongSupplier done;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final Thread painter;

    private ProgressBar(String label, long total, LongSupplier done, PrintStream out, boolean draw) {
        this.label = label;
        this.total = total;
        this.done = done;
        this.out = out;
        this.painter = draw ? new Thread(this::paint, "progress-" + label) : null;
        if (painter != null) {
            painter.setDaemon(true);
        }
    }

    /**
     * @param total the count at completion, or 0 or less when unknown (then no bar and no ETA, just count and rate)
     * @param done the count so far; read from the painter thread, so it must be thread-safe
     */
    public static ProgressBar start(String label, long total, LongSupplier done) {
        ProgressBar bar = new ProgressBar(label, total, done, System.err, System.console() != null);
        if (bar.painter != null) {
            bar.painter.start();
        }
        return bar;
    }

    private void paint() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                out.print("\r" + line(done.getAsLong(), Duration.ofNanos(System.nanoTime() - startNanos)));
                out.flush();
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The text of the bar after {@code elapsed} with {@code count} done. */
    String line(long count, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        double rate = count / seconds;
        StringBuilder s = new StringBuilder(label).append(' ');
        if (total > 0) {
            long shown = Math.min(count, total);
            int filled = (int) (WIDTH * shown / total);
            s.append('[').append("=".repeat(filled)).append(filled < WIDTH ? ">" : "").append(" ".repeat(Math.max(0, WIDTH - filled - 1)))
                    .append("] ").append(shown).append('/').append(total);
        } else {
            s.append(count);
        }
        s.append(String.format(Locale.ROOT, "  %.1f/s", rate));
        if (total > 0 && count < total) {
            s.append("  ETA ").append(rate > 0 ? clock(Math.round((total - count) / rate)) : "?");
        }
        s.append("  ").append(clock(Math.round(seconds)));
        return s.toString();
    }

    private static String clock(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** Stops redrawing and leaves the final state on its own line. */
    @Override
    public void close() {
        if (painter == null) {
            return;
        }
        painter.interrupt();
        try {
            painter.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.print("\r" + line(done.getAsLong(), Duration.ofNanos(System.nanoTime() - startNanos)) + System.lineSeparator());
        out.flush();
    }

    /** For tests: a bar that never draws. */
    static ProgressBar silent(String label, long total) {
        return new ProgressBar(label, total, () -> 0, System.err, false);
    }
}
