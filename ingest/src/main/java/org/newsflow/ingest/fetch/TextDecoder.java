package org.newsflow.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns fetched bytes into text, choosing the charset the way browsers roughly do, and surviving servers that lie.
 * Order: a byte-order mark; then the declared charset (for XML the {@code <?xml encoding?>} declaration, then the
 * Content-Type header; for HTML the header, then {@code <meta charset>}); then UTF-8. Two corrections for wrong
 * declarations, both common on news sites: bytes that are valid UTF-8 with multi-byte sequences are read as UTF-8
 * even when a Latin-1 family charset is declared (servers default to ISO-8859-1), and bytes declared UTF-8 that are
 * not valid UTF-8 are read as windows-1252 rather than filled with replacement characters.
 */
public final class TextDecoder {
    /** What was decoded and how; {@code corrected} is true when the declaration was overridden. */
    public record Decoded(String text, Charset charset, boolean corrected) {}

    public enum Kind { XML, HTML }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern XML_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private TextDecoder() {}

    public static Decoded decode(byte[] bytes, String contentType, Kind kind) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, false);
        }
        // Declarations are ASCII, so a Latin-1 view of the head is enough to find them.
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        String header = MediaTypes.charset(contentType);
        String inDocument = null;
        if (kind == Kind.XML) {
            Matcher m = XML_ENCODING.matcher(head.stripLeading());
            inDocument = m.find() ? m.group(1) : null;
        } else {
            Matcher m = META_CHARSET.matcher(head);
            inDocument = m.find() ? m.group(1) : null;
        }
        String declaredName = kind == Kind.XML ? first(inDocument, header) : first(header, inDocument);
        Charset declared = charset(declaredName);
        if (declared == null || declared.equals(StandardCharsets.UTF_8) || declared.equals(StandardCharsets.US_ASCII)) {
            String utf8 = strictUtf8(bytes);
            if (utf8 != null) {
                return new Decoded(utf8, StandardCharsets.UTF_8, false);
            }
            return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, declared != null);
        }
        if (latinFamily(declared) && hasMultiByte(bytes)) {
            String utf8 = strictUtf8(bytes);
            if (utf8 != null) {
                return new Decoded(utf8, StandardCharsets.UTF_8, true);
            }
        }
        // ISO-8859-1 is, on the web, windows-1252 (curly quotes in 0x80-0x9F): the HTML standard says so too.
        Charset use = declared.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : declared;
        return new Decoded(new String(bytes, use), use, false);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static Charset charset(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null; // an unknown or misspelt charset is treated as no declaration
        }
    }

    private static boolean latinFamily(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.equals("iso-8859-1") || n.equals("windows-1252") || n.equals("iso-8859-15");
    }

    private static boolean hasMultiByte(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
