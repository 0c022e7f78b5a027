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
        long pattern = (c & 0xFF) * ONES;
        int i = from;
        for (; i <= to - 8; i += 8) {
            long y = (long) LONGS.get(b, i) ^ pattern;
            long hit = (y - ONES) & ~y & HIGHS;
            if (hit != 0) return i + (Long.numberOfTrailingZeros(hit) >>> 3);
        }
        for (; i < to; i++) if (b[i] == c) return i;
        return -1;
    }
}
