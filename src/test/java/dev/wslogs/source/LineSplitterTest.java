package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.RawLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    @Test
    void offsetsAndNumbers_trackBytesAcrossChunks() {
        List<RawLine> out = new ArrayList<>();
        LineSplitter s = new LineSplitter("f", out::add);
        byte[] data = "ab\r\ncdé\nlast".getBytes(StandardCharsets.UTF_8);
        s.feed(data, 0, 3);
        s.feed(data, 3, data.length - 3);
        assertThat(out).extracting(RawLine::text).containsExactly("ab", "cdé");
        assertThat(s.hasPartialLine()).isTrue();
        assertThat(s.committedOffset()).isEqualTo(9);
        s.finish();
        assertThat(out).extracting(l -> l.position().offset()).containsExactly(0L, 4L, 9L);
        assertThat(out).extracting(l -> l.position().line()).containsExactly(1L, 2L, 3L);
        assertThat(out.get(2).text()).isEqualTo("last");
    }

    @Test
    void overlongLine_cutAndRestSkipped() {
        List<RawLine> out = new ArrayList<>();
        LineSplitter s = new LineSplitter("f", 1, 0, 4, out::add);
        byte[] data = "abcdefgh\nok\n".getBytes(StandardCharsets.US_ASCII);
        s.feed(data, 0, data.length);
        assertThat(out).extracting(RawLine::text).containsExactly("abcd", "ok");
        assertThat(out.get(1).position().offset()).isEqualTo(9);
    }

    @Test
    void anyFeedBoundaries_giveTheLinesOfOneFeed() {
        java.util.Random r = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[r.nextInt(400)];
            for (int i = 0; i < data.length; i++) {
                int k = r.nextInt(10);
                data[i] = k == 0 ? (byte) '\n' : k == 1 ? (byte) '\r' : k == 2 ? (byte) (0xC3 + r.nextInt(2)) : (byte) ('a' + r.nextInt(26));
            }
            int max = 1 + r.nextInt(40);
            List<String> whole = new ArrayList<>();
            LineSplitter one = new LineSplitter("f", 1, 0, max, l -> whole.add(l.position().line() + "@" + l.position().offset() + ":" + l.text()));
            one.feed(data, 0, data.length);
            one.finish();
            List<String> pieces = new ArrayList<>();
            LineSplitter many = new LineSplitter("f", 1, 0, max, l -> pieces.add(l.position().line() + "@" + l.position().offset() + ":" + l.text()));
            for (int off = 0; off < data.length; ) {
                int n = Math.min(data.length - off, r.nextInt(30));
                many.feed(data, off, n);
                off += n;
            }
            many.finish();
            // a caller that finds the line ends (and knows which lines are ASCII) itself
            List<String> found = new ArrayList<>();
            LineSplitter lines = new LineSplitter("f", 1, 0, max, l -> found.add(l.position().line() + "@" + l.position().offset() + ":" + l.text()));
            for (int off = 0; off < data.length; ) {
                int n = Math.min(data.length - off, 1 + r.nextInt(30));
                int start = off;
                while (start < off + n) {
                    int end = start;
                    boolean ascii = true;
                    while (end < off + n && data[end] != '\n') ascii &= data[end++] >= 0;
                    lines.feedLine(data, start, end - start, end < off + n, ascii && r.nextBoolean());
                    start = end + 1;
                }
                off += n;
            }
            lines.finish();
            assertThat(pieces).isEqualTo(whole).isEqualTo(reference(data, max)).isEqualTo(found);
        }
    }

    /** What the splitter must emit: lines cut at {@code max} bytes, one trailing CR dropped, offsets of line starts. */
    private static List<String> reference(byte[] data, int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        long no = 0;
        while (start < data.length) {
            int nl = start;
            while (nl < data.length && data[nl] != '\n') nl++;
            int len = Math.min(nl - start, max);
            if (len > 0 && data[start + len - 1] == '\r') len--;
            out.add(++no + "@" + start + ":" + LineDecoder.decode(data, start, len));
            start = nl + 1;
        }
        return out;
    }

    @Test
    void invalidUtf8_becomesHexEscapes_validKept() {
        byte[] b = {'a', (byte) 0xE9, 'b', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF};
        assertThat(LineDecoder.decode(b, 0, b.length)).isEqualTo("a\\xE9bé\\xFF");
    }

    @Test
    void overlongEncodingAndSurrogates_rejected() {
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF};
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThat(LineDecoder.decode(overlong, 0, 2)).isEqualTo("\\xC0\\xAF");
        assertThat(LineDecoder.decode(surrogate, 0, 3)).isEqualTo("\\xED\\xA0\\x80");
    }
}
