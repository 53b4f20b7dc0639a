package org.newsflow.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a byte stream line by line ('\n', with a trailing '\r' dropped) without ever holding more than
 * {@code maxLineBytes} of one line: the rest of an oversize line is skipped, and the line comes back flagged with
 * its full length and only its first {@code keepBytes} bytes. Works on bytes, so that each line is decoded (and
 * rejected for invalid UTF-8) on its own.
 */
public final class BoundedLines {
    /**
     * One line.
     *
     * @param number 1-based line number
     * @param bytes the line without its end, or for an oversize line its first bytes
     * @param length the full length of the line in bytes
     * @param oversize true when the line was longer than the limit
     */
    public record Line(long number, byte[] bytes, long length, boolean oversize) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final int keepBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    /**
     * @param maxLineBytes longest line returned whole
     * @param keepBytes how much of an oversize line is kept (for the dead letter)
     */
    public BoundedLines(InputStream in, int maxLineBytes, int keepBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.keepBytes = Math.min(keepBytes, maxLineBytes);
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        if (eof && pos >= limit) {
            return null;
        }
        byte[] line = new byte[Math.min(maxLineBytes, 8192)];
        int kept = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                limit = in.read(buffer);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    eof = true;
                    if (!any) {
                        return null; // a final '\n' ends the last line, it does not start an empty one
                    }
                    break;
                }
            }
            any = true;
            int nl = indexOf(buffer, (byte) '\n', pos, limit);
            int end = nl < 0 ? limit : nl;
            int n = end - pos;
            long room = (length <= maxLineBytes ? maxLineBytes + 1L - length : 0); // keep one byte past the limit to tell
            int copy = (int) Math.min(n, room);
            if (copy > 0) {
                if (kept + copy > line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(Math.max((long) line.length * 2, kept + copy), maxLineBytes + 1L));
                }
                System.arraycopy(buffer, pos, line, kept, copy);
                kept += copy;
            }
            length += n;
            pos = end;
            if (nl >= 0) {
                pos++; // past '\n'
                break;
            }
        }
        number++;
        boolean oversize = length > maxLineBytes;
        if (!oversize && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
        byte[] bytes = Arrays.copyOf(line, oversize ? Math.min(kept, keepBytes) : kept);
        return new Line(number, bytes, length, oversize);
    }

    private static int indexOf(byte[] b, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
