package org.newsflow.ingest.fetch;

import java.util.Locale;

/** Content-Type header parsing: the media type and its charset parameter. */
public final class MediaTypes {
    private MediaTypes() {}

    /** The media type without parameters, lower-case; "" for a missing header. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter, unquoted, or null. */
    public static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String v = p.substring(8).strip();
                if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** HTML or XHTML, or no type at all (many servers send none; the content is sniffed later). */
    public static boolean htmlOrUnknown(String contentType) {
        String t = mediaType(contentType);
        return t.isEmpty() || t.equals("text/html") || t.equals("application/xhtml+xml") || t.equals("text/plain")
                || t.equals("application/octet-stream");
    }
}
