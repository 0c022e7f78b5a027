package dev.wslogs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.probe.ProbeRequest.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeHandshakeValidatorTest {
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private static ResponseHead head(Header... headers) {
        return new ResponseHead("HTTP/1.1 101 Switching Protocols", 101, List.of(headers));
    }

    @Test
    void rfc6455Example_givesItsAcceptValue() {
        assertThat(HandshakeValidator.expectedAccept(RFC_KEY)).isEqualTo(RFC_ACCEPT);
    }

    @Test
    void newKey_isSixteenBytesBase64() {
        assertThat(java.util.Base64.getDecoder().decode(HandshakeValidator.newKey())).hasSize(16);
    }

    @Test
    void validUpgrade_hasNoProblem_caseAndTokenListsTolerated() {
        assertThat(HandshakeValidator.problems(head(new Header("upgrade", "WebSocket"), new Header("connection", "keep-alive, Upgrade"),
                new Header("Sec-WebSocket-Accept", RFC_ACCEPT)), RFC_KEY, List.of())).isEmpty();
    }

    @Test
    void wrongAccept_missingUpgradeAndConnection_areEachNamed() {
        List<String> p = HandshakeValidator.problems(head(new Header("Sec-WebSocket-Accept", "bogus")), RFC_KEY, List.of());
        assertThat(p).hasSize(3);
        assertThat(p).anyMatch(s -> s.contains("no Upgrade header")).anyMatch(s -> s.contains("no Connection header"))
                .anyMatch(s -> s.contains("expected \"" + RFC_ACCEPT + "\""));
    }

    @Test
    void subprotocolNotOffered_orNoneSelected_areProblems() {
        Header[] ok = {new Header("Upgrade", "websocket"), new Header("Connection", "Upgrade"), new Header("Sec-WebSocket-Accept", RFC_ACCEPT)};
        assertThat(HandshakeValidator.problems(head(ok), RFC_KEY, List.of("chat"))).singleElement()
                .satisfies(s -> assertThat(s).contains("none of the offered subprotocols"));
        Header[] other = {ok[0], ok[1], ok[2], new Header("Sec-WebSocket-Protocol", "mqtt")};
        assertThat(HandshakeValidator.problems(head(other), RFC_KEY, List.of("chat"))).singleElement()
                .satisfies(s -> assertThat(s).contains("\"mqtt\", which was not offered"));
        Header[] chosen = {ok[0], ok[1], ok[2], new Header("Sec-WebSocket-Protocol", "chat")};
        assertThat(HandshakeValidator.problems(head(chosen), RFC_KEY, List.of("v2", "chat"))).isEmpty();
    }

    @Test
    void responseHead_parsesStatusAndHeaders_andStopsAtTheBlankLine() throws Exception {
        byte[] bytes = "HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nX: a:b\r\n\r\n\u0081\u0002hi".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(bytes);
        ResponseHead h = ResponseHead.read(in);
        assertThat(h.status()).isEqualTo(400);
        assertThat(h.header("server")).contains("nginx");
        assertThat(h.header("X")).contains("a:b");
        assertThat(in.available()).isEqualTo(4);
    }

    @Test
    void responseHead_notHttp_isAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResponseHead.read(
                        new java.io.ByteArrayInputStream("\u0015\u0003\u0003\u0000\u0002\u0002\u0046\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))))
                .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("not an HTTP response");
    }
}
