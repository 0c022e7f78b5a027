package dev.wslogs.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over a line, eight bytes at a time (SWAR: a little-endian {@code long} read, with a
 * byte loop for the tail). They are the per-byte work of the parallel stage — finding line ends,
 * literals, proving a line ASCII — so each byte should cost a fraction of a comparison.
 *
 * <p>The zero-byte test {@code (y - 0x01..01) & ~y & 0x80..80} is exact for the lowest zero byte of
 * {@code y} (bytes below it borrow nothing), and little-endian order makes the lowest byte the
 * first: its trailing-zero count gives the position. Bytes above it may be false hits, never read.
 */
public final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = '\n' * ONES;

    private ByteSearch() {}

    /**
     * End of the line starting at {@code from}: the index of the first {@code \n} in
     * {@code b[from, to)}, or {@code to} if there is none — complemented ({@code ~end}, negative)
     * when a byte ≥ 0x80 comes before it. One pass gives both the line and whether it is ASCII.
     */
    public static int lineEnd(byte[] b, int from, int to) {
        long high = 0;
        int i = from;
        for (; i <= to - 8; i += 8) {
            long x = (long) LONGS.get(b, i);
            long y = x ^ NEWLINES;
            long hit = (y - ONES) & ~y & HIGHS;
            if (hit != 0) {
                int bits = Long.numberOfTrailingZeros(hit) & ~7; // bit offset of the newline byte
                high |= x & ((1L << bits) - 1);
                return (high & HIGHS) == 0 ? i + (bits >>> 3) : ~(i + (bits >>> 3));
            }
            high |= x;
        }
        boolean ascii = (high & HIGHS) == 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n') break;
            if (c < 0) ascii = false;
        }
        return ascii ? i : ~i;
    }

    /** Whether every byte of {@code b[from, to)} is below 0x80. */
    public static boolean isAscii(byte[] b, int from, int to) {
        long high = 0;
        int i = from;
        for (; i <= to - 8; i += 8) high |= (long) LONGS.get(b, i);
        int tail = 0;
        for (; i < to; i++) tail |= b[i];
        return (high & HIGHS) == 0 && tail >= 0;
    }

    /** Index of the first {@code c} in {@code b[from, to)}, or -1. */
    public static int indexOf(byte[] b, int from, int to, byte c) {
        return indexOf(b, from, to, c, pattern(c));
    }

    /** {@code c} in every byte of a word: the {@code pattern} of {@link #indexOf(byte[], int, int, byte, long)}. */
    public static long pattern(byte c) {
        return (c & 0xFF) * ONES;
    }

    /** {@link #indexOf(byte[], int, int, byte)} with {@code c}'s {@link #pattern} computed once by the caller (a search per line). */
    public static int indexOf(byte[] b, int from, int to, byte c, long pattern) {
        int i = from;
        for (; i <= to - 8; i += 8) {
            long y = (long) LONGS.get(b, i) ^ pattern;
            long hit = (y - ONES) & ~y & HIGHS;
            if (hit != 0) return i + (Long.numberOfTrailingZeros(hit) >>> 3);
        }
        for (; i < to; i++) if (b[i] == c) return i;
        return -1;
    }

    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

    /**
     * How many of the eight bytes at {@code i} are {@code 0-9} or {@code .} before the first that is
     * not (8: all of them), or -1 when one of them is ≥ 0x80 (then classify byte by byte). Needs
     * {@code i + 8 <= b.length}.
     */
    public static int numberBytesAt(byte[] b, int i) {
        long x = (long) LONGS.get(b, i);
        if ((x & HIGHS) != 0) return -1; // ASCII only: no byte's sum below carries into the next
        long atLeast0 = x + 0x5050505050505050L; // high bit: byte >= '0'
        long pastDigits = x + 0x4646464646464646L; // high bit: byte > '9'
        long y = x ^ 0x2E2E2E2E2E2E2E2EL;
        long dot = ~(((y & LOWS) + LOWS) | y); // high bit: byte == '.' (exact per byte)
        long notNumber = ~((atLeast0 & ~pastDigits) | dot) & HIGHS;
        return notNumber == 0 ? 8 : Long.numberOfTrailingZeros(notNumber) >>> 3;
    }
}
