package dev.wslogs.nginxconf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NginxRequestPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/ws, /ws",
            "/ws/, /ws/",
            "/ws?token=a/b, /ws",
            "/, /",
            "//ws//chat, /ws/chat",
            "/ws/./chat, /ws/chat",
            "/ws/room/../chat, /ws/chat",
            "/ws/room/.., /ws/",
            "/ws/., /ws/",
            "/a/b/../../c, /c",
            "/%77s/chat, /ws/chat",
            "/ws%2Fchat, /ws/chat",
            "/caf%C3%A9, /café",
            "/100%25, /100%",
            "/bad%zz, /bad%zz",
            "http://example.com/ws?x, /ws",
            "http://example.com, /",
    })
    void requestTarget_normalizesToNginxsUri(String target, String expected) {
        assertThat(RequestPath.normalize(target)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/ws/../..", "*", "ws"})
    void targetNginxRejects_hasNoPath(String target) {
        assertThat(RequestPath.normalize(target)).isEmpty();
    }
}
