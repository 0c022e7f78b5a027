package dev.wslogs.sink.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The journal remembers ids as 64-bit keys, read from the start of each entry without parsing it. */
class JournalSinkKeyTest {
    @Test
    void hexIds_areTheirOwnKeys_othersHashed() {
        assertThat(JournalSink.key("5f0c3d0a2b7e9f11")).isEqualTo(0x5f0c3d0a2b7e9f11L);
        assertThat(JournalSink.key("ffffffffffffffff")).isEqualTo(-1L);
        assertThat(JournalSink.key("not-a-hex-id-xyz")).isNotEqualTo(JournalSink.key("not-a-hex-id-xyw"));
        assertThat(JournalSink.key("short")).isEqualTo(JournalSink.key("short"));
    }

    @Test
    void idOf_fastPathAgreesWithTheParse() {
        String entry = "{\"id\":\"5f0c3d0a2b7e9f11\",\"cause\":\"backend-down\",\"confidence\":0.97}";
        assertThat(JournalSink.idOf(entry)).isEqualTo("5f0c3d0a2b7e9f11");
        assertThat(JournalSink.idOf("{\"cause\":\"x\",\"id\":\"abc\"}")).isEqualTo("abc"); // not first: parsed
        assertThat(JournalSink.idOf("{\"id\":\"5f0c\"}")).isEqualTo("5f0c");
        assertThat(JournalSink.idOf("not json")).isNull();
    }
}
