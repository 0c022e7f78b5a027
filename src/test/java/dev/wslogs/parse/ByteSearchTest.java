package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SWAR searches against the obvious byte loops, on seeded random arrays and ranges. */
class ByteSearchTest {
    /** Random bytes drawn mostly from a few values, so hits, misses and high bytes all occur at every offset. */
    private static byte[] randomBytes(SplittableRandom rnd, int n) {
        byte[] pool = {'\n', ' ', '"', 'a', '0', (byte) 0x80, (byte) 0xFF, (byte) 0xC3, 0x0B, 0x7F, 0};
        byte[] b = new byte[n];
        int sparse = rnd.nextInt(4); // 0: dense hits; higher: runs of 'x' between them
        for (int i = 0; i < n; i++) b[i] = sparse > 0 && rnd.nextInt(8 * sparse) != 0 ? (byte) 'x' : pool[rnd.nextInt(pool.length)];
        return b;
    }

    private static int naiveLineEnd(byte[] b, int from, int to) {
        boolean ascii = true;
        int i = from;
        while (i < to && b[i] != '\n') {
            if (b[i] < 0) ascii = false;
            i++;
        }
        return ascii ? i : ~i;
    }

    @Test
    void lineEnd_isAsciiAndIndexOf_matchTheByteLoops() {
        SplittableRandom rnd = new SplittableRandom(2024);
        for (int n = 0; n < 50_000; n++) {
            byte[] b = randomBytes(rnd, rnd.nextInt(70));
            int from = rnd.nextInt(b.length + 1);
            int to = from + rnd.nextInt(b.length - from + 1);
            assertThat(ByteSearch.lineEnd(b, from, to)).isEqualTo(naiveLineEnd(b, from, to));
            boolean ascii = true;
            for (int i = from; i < to; i++) ascii &= b[i] >= 0;
            assertThat(ByteSearch.isAscii(b, from, to)).isEqualTo(ascii);
            for (byte c : new byte[] {'\n', '"', 0, (byte) 0x80, (byte) 0xFF, 'x'}) {
                int expected = -1;
                for (int i = from; i < to; i++) {
                    if (b[i] == c) {
                        expected = i;
                        break;
                    }
                }
                assertThat(ByteSearch.indexOf(b, from, to, c)).isEqualTo(expected);
            }
        }
    }

    @Test
    void lineEnd_highByteOnlyAfterTheNewline_isAscii() {
        byte[] b = "abcdefg\n\u00ffhijklmnop".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(ByteSearch.lineEnd(b, 0, b.length)).isEqualTo(7);
        assertThat(ByteSearch.lineEnd(b, 8, b.length)).isEqualTo(~b.length);
        b[6] = (byte) 0x80;
        assertThat(ByteSearch.lineEnd(b, 0, b.length)).isEqualTo(~7);
        assertThat(ByteSearch.lineEnd(b, 0, 0)).isZero();
    }
}
