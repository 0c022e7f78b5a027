package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LineDecoder} against the plain definition: the JDK's UTF-8 decoder for each well-formed sequence, {@code \xHH} for every other byte. */
class LineDecoderTest {
    /** The definition, written as directly as possible: a well-formed sequence is whatever decodes to one code point and encodes back to the same bytes. */
    private static String reference(byte[] b) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            }
            int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            String s = n > 0 && i + n <= b.length ? new String(b, i, n, StandardCharsets.UTF_8) : null;
            boolean ok = s != null && s.codePointCount(0, s.length()) == 1
                    && java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), java.util.Arrays.copyOfRange(b, i, i + n));
            if (ok) {
                sb.append(s);
                i += n;
            } else {
                sb.append(String.format("\\x%02X", c));
                i++;
            }
        }
        return sb.toString();
    }

    @Test
    void randomBytes_decodeAsTheDefinitionSays() {
        Random r = new Random(42);
        byte[][] pieces = {"é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8),
            "\uFFFD".getBytes(StandardCharsets.UTF_8), {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}};
        for (int round = 0; round < 20_000; round++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int parts = 1 + r.nextInt(12);
            for (int p = 0; p < parts; p++) {
                switch (r.nextInt(4)) {
                    case 0 -> out.write('a' + r.nextInt(26));
                    case 1 -> out.write(r.nextInt(256));
                    case 2 -> out.writeBytes(pieces[r.nextInt(pieces.length)]);
                    default -> { // a piece cut short, or a raw continuation byte
                        byte[] piece = pieces[r.nextInt(pieces.length)];
                        out.write(piece, 0, 1 + r.nextInt(piece.length));
                    }
                }
            }
            byte[] b = out.toByteArray();
            assertThat(LineDecoder.decode(b, 0, b.length)).as("bytes %s", java.util.HexFormat.of().formatHex(b)).isEqualTo(reference(b));
        }
    }

    @Test
    void aTlsHandshakeSentToAPlainPort_keepsEveryByte() {
        byte[] hello = java.util.HexFormat.of().parseHex("160301020001" + "0001fc0303e1cdd00b9e0486" + "9bc694647f02a893" + "7a8412c3a8fe3f88d0c5");
        String text = LineDecoder.decode(hello, 0, hello.length);
        assertThat(text).isEqualTo(reference(hello)).startsWith("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\\xFC\u0003\u0003\\xE1\\xCD\\xD0");
    }
}
