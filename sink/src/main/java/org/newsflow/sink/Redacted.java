package org.newsflow.sink;

import org.newsflow.contract.Secrets;

/**
 * A copy of an exception fit for a log line: the same classes (named in the message), the same stack traces, and
 * every message passed through {@link Secrets#redact}. Logging the original would print, for example, a JDBC URL
 * with its password from a driver's message.
 */
public final class Redacted extends RuntimeException {
    private Redacted(Throwable original, Throwable cause) {
        super(original.getClass().getName() + (original.getMessage() == null ? "" : ": " + Secrets.redact(original.getMessage())),
                cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The redacted copy (with its causes, at most 10 deep), or null for null. */
    public static Throwable copy(Throwable e) {
        return copy(e, 0);
    }

    private static Throwable copy(Throwable e, int depth) {
        if (e == null || depth > 10) {
            return null;
        }
        return new Redacted(e, e.getCause() == e ? null : copy(e.getCause(), depth + 1));
    }

    @Override
    public String toString() { // the message already names the original class
        return getMessage();
    }
}
