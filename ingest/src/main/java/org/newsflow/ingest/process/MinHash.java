package org.newsflow.ingest.process;

import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's word shingles, and the LSH band keys derived from them.
 *
 * <p>Text is normalised the way a sub-editor's changes should not matter: lower-cased (per code point, locale
 * independent), every character that is not a letter, digit or combining mark is a word break (so punctuation,
 * quotes of either style and dashes disappear), numbers are kept as words ("12 dead" and "13 dead" differ). Scripts
 * written without spaces (Chinese, Japanese) make one word per ideograph or kana, otherwise a whole sentence would be
 * one "word". A shingle is {@code k} consecutive words; each is hashed to 64 bits.
 *
 * <p>A signature is {@value #HASHES} minima of {@value #HASHES} independent hash functions over the shingles
 * (multiply-shift hashing of the already mixed 64-bit shingle hash). Two texts agree on one position with probability
 * equal to the Jaccard similarity of their shingle sets, so the fraction of agreeing positions estimates it (standard
 * error sqrt(J(1-J)/128), 0.035 at J = 0.8). Only the low 16 bits of each minimum are kept: that halves the memory
 * of the index and adds a chance collision of 1/65536 per position, far below the estimator's own error.
 *
 * <p>LSH: the signature is cut into {@value #BANDS} bands of {@value #ROWS} rows; two texts become candidates when
 * any band is identical, probability 1 - (1 - J^4)^32: 0.9999 at J = 0.8, 0.988 at 0.6, 0.23 at 0.3, 0.003 at 0.1.
 * So near-duplicates above any threshold from 0.6 up are found almost surely, and unrelated stories rarely need
 * a signature comparison at all. The hash functions come from a fixed seed: signatures computed after a restart
 * equal those computed before it.
 */
public final class MinHash {
    public static final int HASHES = 128;
    public static final int BANDS = 32;
    public static final int ROWS = HASHES / BANDS;

    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] ADDENDS = new long[HASHES];

    static {
        SplittableRandom random = new SplittableRandom(0x6E657773666C6F77L); // "newsflow": fixed, see class comment
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = random.nextLong() | 1L; // multiply-shift needs an odd multiplier
            ADDENDS[i] = random.nextLong();
        }
    }

    private final int shingleWords;

    /** @param shingleWords words per shingle (k) */
    public MinHash(int shingleWords) {
        if (shingleWords < 1) {
            throw new IllegalArgumentException("shingleWords must be at least 1");
        }
        this.shingleWords = shingleWords;
    }

    /** The 64-bit hashes of the normalised words of {@code text}, in order. */
    public static long[] wordHashes(String text) {
        long[] words = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        long h = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (separateGlyph(cp)) {
                if (inWord) {
                    words = push(words, n++, h);
                    inWord = false;
                }
                words = push(words, n++, fnv(FNV_OFFSET, Character.toLowerCase(cp)));
            } else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                h = fnv(inWord ? h : FNV_OFFSET, Character.toLowerCase(cp));
                inWord = true;
            } else if (inWord) {
                words = push(words, n++, h);
                inWord = false;
            }
        }
        if (inWord) {
            words = push(words, n++, h);
        }
        return java.util.Arrays.copyOf(words, n);
    }

    /** Number of shingles a text of {@code words} words has (0 for no words; 1 when shorter than k). */
    public int shingleCount(int words) {
        return words == 0 ? 0 : Math.max(1, words - shingleWords + 1);
    }

    /**
     * The signature of the shingles over {@code words} (from {@link #wordHashes}), or null when there are no words.
     * Repeated shingles do not matter: a minimum does not change.
     */
    public short[] signature(long[] words) {
        if (words.length == 0) {
            return null;
        }
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        int shingles = shingleCount(words.length);
        int k = Math.min(shingleWords, words.length);
        for (int s = 0; s < shingles; s++) {
            long x = 0;
            for (int j = 0; j < k; j++) {
                x = x * 0x9E3779B97F4A7C15L + words[s + j];
            }
            x = mix(x);
            for (int i = 0; i < HASHES; i++) {
                long v = (MULTIPLIERS[i] * x + ADDENDS[i]) >>> 32; // the top 32 bits are the well-mixed ones
                if (v < min[i]) {
                    min[i] = v;
                }
            }
        }
        short[] signature = new short[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = (short) min[i];
        }
        return signature;
    }

    /** Fraction of positions where two signatures agree: the Jaccard similarity estimate. */
    public static double similarity(short[] a, int aOffset, short[] b, int bOffset) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[aOffset + i] == b[bOffset + i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** The LSH key of band {@code band} (0..BANDS-1) of a signature stored at {@code offset}. */
    public static int bandKey(short[] signature, int offset, int band) {
        long packed = 0;
        int start = offset + band * ROWS;
        for (int r = 0; r < ROWS; r++) {
            packed = (packed << 16) | (signature[start + r] & 0xFFFFL);
        }
        // The band number is mixed in so that equal rows in different bands are different keys.
        return (int) mix(packed ^ ((long) band * 0xC2B2AE3D27D4EB4FL));
    }

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;

    private static long fnv(long h, int cp) {
        // FNV-1a over the code point's two UTF-16 halves' worth of bits; words are short, this is cheap.
        h = (h ^ (cp & 0xFFFF)) * 0x100000001B3L;
        return (h ^ (cp >>> 16)) * 0x100000001B3L;
    }

    /** The 64-bit finaliser of MurmurHash3: spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean separateGlyph(int cp) {
        if (Character.isIdeographic(cp)) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    private static long[] push(long[] words, int index, long value) {
        if (index == words.length) {
            words = java.util.Arrays.copyOf(words, words.length * 2);
        }
        words[index] = value;
        return words;
    }
}
