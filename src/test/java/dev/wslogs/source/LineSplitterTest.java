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
