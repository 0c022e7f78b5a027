package dev.wslogs.parse;

import static dev.wslogs.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonAccessFormatTest {
    private static final String TEMPLATE = "{\"t\":\"$time_local\",\"ip\":\"$remote_addr\",\"req\":\"$request\",\"s\":\"$status\","
            + "\"rt\":\"$request_time\",\"us\":\"$upstream_status\",\"up\":\"$http_upgrade\"}";

    @Test
    void template_mapsKeysToVariables() {
        JsonAccessFormat f = JsonAccessFormat.fromTemplate("j", TEMPLATE);
        AccessEntry e = f.newParser().parse(line("{\"t\":\"22/Nov/2026:10:00:00 +0000\",\"ip\":\"::1\",\"req\":\"GET /ws HTTP/1.1\","
                + "\"s\":\"101\",\"rt\":\"60.004\",\"us\":\"101\",\"up\":\"websocket\"}"));
        assertThat(e).isNotNull();
        assertThat(e.get(Field.REMOTE_ADDR)).isEqualTo("::1");
        assertThat(e.status()).isEqualTo(101);
        assertThat(e.requestTimeMillis()).isEqualTo(60004);
        assertThat(e.get(Field.HTTP_UPGRADE)).isEqualTo("websocket");
        assertThat(f.fields()).contains(Field.UPSTREAM_STATUS).doesNotContain(Field.CONNECTION);
    }

    @Test
    void rawNonUtf8BytesAndEscapes_tolerated() {
        JsonAccessFormat f = JsonAccessFormat.fromTemplate("j", TEMPLATE);
        // \xE9 stands for a raw byte that was not valid UTF-8 (LineDecoder writes it so)
        AccessEntry e = f.newParser().parse(line("{\"t\":\"22/Nov/2026:10:00:00 +0000\",\"ip\":\"1.2.3.4\",\"req\":\"GET /caf\\xE9 \\\"q\\\"\\u0001 HTTP/1.1\","
                + "\"s\":\"400\",\"rt\":\"\",\"us\":\"\",\"up\":\"\"}"));
        assertThat(e).isNotNull();
        assertThat(e.requestLine()).isEqualTo("GET /caf\\xE9 \"q\"\\u0001 HTTP/1.1");
        assertThat(e.hasDuration()).isFalse();
        assertThat(e.get(Field.UPSTREAM_STATUS)).isEmpty();
    }

    @Test
    void notAnObject_isAMismatch() {
        JsonAccessFormat f = JsonAccessFormat.fromTemplate("j", TEMPLATE);
        assertThat(f.newParser().parse(line("{\"t\":\"22/Nov"))).isNull();
        assertThat(f.newParser().mismatch(line("[1,2]"))).isEqualTo("not a JSON object");
    }

    @Test
    void keysByName_withAliases() {
        JsonAccessFormat f = JsonAccessFormat.byKeyNames(Set.of("time", "remote_addr", "request", "status", "request_time"));
        AccessEntry e = f.newParser().parse(line("{\"time\":\"2026-11-22T10:00:00+00:00\",\"remote_addr\":\"1.1.1.1\","
                + "\"request\":\"GET / HTTP/1.1\",\"status\":200,\"request_time\":0.5}"));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.requestTimeMillis()).isEqualTo(500);
    }

    @Test
    void templateThatIsNotJson_rejectedWithName() {
        assertThatThrownBy(() -> JsonAccessFormat.fromTemplate("mine", "$remote_addr $status"))
                .hasMessageContaining("mine").hasMessageContaining("not a JSON object");
    }
}
