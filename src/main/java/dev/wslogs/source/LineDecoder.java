package dev.wslogs.source;

import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one line into text without losing a byte: valid UTF-8 is decoded, every
 * other byte becomes the four characters {@code \xHH} (the escape nginx itself uses), so raw bytes
 * in error.log request lines or {@code escape=json} logs stay visible and never become U+FFFD.
 */
public final class LineDecoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LineDecoder() {}

    public static String decode(byte[] buf, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (buf[i] < 0) return decodeSlow(buf, off, end);
        }
        return new String(buf, off, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * The line has a byte ≥ 0x80: each well-formed UTF-8 sequence becomes its code point, appended
     * as it is (no String decoded per sequence: a TLS handshake sent to a plain port is hundreds of
     * such bytes in one error.log line), every other byte {@code \xHH}.
     */
    private static String decodeSlow(byte[] b, int off, int end) {
        StringBuilder sb = new StringBuilder(end - off + 16);
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            }
            int seq = sequence(b, i, end);
            if (seq == 0) {
                sb.append('\\').append('x').append(HEX[c >> 4]).append(HEX[c & 0xF]);
                i++;
            } else {
                sb.appendCodePoint(seq & 0x1FFFFF);
                i += seq >>> 24;
            }
        }
        return sb.toString();
    }

    /**
     * The well-formed UTF-8 sequence at {@code i} as {@code length << 24 | codePoint}, or 0 if it is
     * not one (no overlong form, no surrogate, nothing above U+10FFFF).
     */
    private static int sequence(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        int n;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + n > end) return 0;
        int cp = c & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        return n << 24 | cp;
    }
}
