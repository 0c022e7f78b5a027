package dev.wslogs.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte stream of a synthetic log: line {@code n} is {@code "%07d "} plus a padding whose length
 * is a function of {@code n}, so a line's text can be checked from its number alone. Handed out in
 * chunks of any size, cutting lines anywhere.
 */
final class NumberedLines {
    private final int total;
    private int next;
    private byte[] current = new byte[0];
    private int pos;

    NumberedLines(int total) {
        this.total = total;
    }

    static String text(int n) {
        int pad = (int) ((n * 2654435761L >>> 7) % 97);
        return String.format("%07d ", n) + "x".repeat(pad);
    }

    static int number(String text) {
        return Integer.parseInt(text.substring(0, 7));
    }

    boolean done() {
        return next >= total && pos >= current.length;
    }

    boolean atLineBoundary() {
        return pos >= current.length;
    }

    long linesStarted() {
        return next;
    }

    /** Up to {@code max} bytes of the stream. */
    byte[] chunk(int max) {
        byte[] out = new byte[max];
        int len = 0;
        while (len < max) {
            if (pos >= current.length) {
                if (next >= total) break;
                current = (text(next++) + "\n").getBytes(StandardCharsets.US_ASCII);
                pos = 0;
            }
            int n = Math.min(max - len, current.length - pos);
            System.arraycopy(current, pos, out, len, n);
            pos += n;
            len += n;
        }
        return Arrays.copyOf(out, len);
    }

    /** The rest of the line being written, so a writer can switch files at a line boundary (as nginx does). */
    byte[] restOfLine() {
        byte[] rest = Arrays.copyOfRange(current, Math.min(pos, current.length), current.length);
        pos = current.length;
        return rest;
    }
}
