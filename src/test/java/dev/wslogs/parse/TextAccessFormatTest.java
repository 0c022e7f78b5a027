package dev.wslogs.parse;

import static dev.wslogs.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TextAccessFormatTest {
    private static final String EXT_LINE = "127.0.0.1 - - [22/Nov/2026:10:00:05 +0100] \"GET /ws?x=1 HTTP/1.1\" 101 12 \"-\" \"Java-http-client/17\" "
            + "4.512 502, 101 127.0.0.1:9, 127.0.0.1:8081 0.000, 4.511 7 1 1234 \"websocket\" \"Upgrade\"";

    @Test
    void combinedLine_allFieldsAndTime() {
        AccessEntry e = KnownFormats.combined().newParser().parse(line(
                "10.0.0.1 - alice [28/Sep/1970:12:00:00 +0600] \"GET /ws HTTP/1.1\" 101 129 \"https://a/\" \"Mozilla/5.0 (X11)\""));
        assertThat(e).isNotNull();
        assertThat(e.get(Field.REMOTE_ADDR)).isEqualTo("10.0.0.1");
        assertThat(e.get(Field.REMOTE_USER)).isEqualTo("alice");
        assertThat(e.status()).isEqualTo(101);
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/ws");
        assertThat(e.get(Field.HTTP_USER_AGENT)).isEqualTo("Mozilla/5.0 (X11)");
        assertThat(e.time()).isEqualTo(OffsetDateTime.parse("1970-09-28T12:00:00+06:00"));
        assertThat(e.hasDuration()).isFalse();
        assertThat(e.logs(Field.REQUEST_TIME)).isFalse();
    }

    @Test
    void extendedLine_upstreamListsWithSpacesAreOneField() {
        AccessEntry e = TextAccessFormat.of("extended", KnownFormats.EXTENDED).newParser().parse(line(EXT_LINE));
        assertThat(e).isNotNull();
        assertThat(e.get(Field.UPSTREAM_STATUS)).isEqualTo("502, 101");
        assertThat(e.get(Field.UPSTREAM_ADDR)).isEqualTo("127.0.0.1:9, 127.0.0.1:8081");
        assertThat(e.get(Field.UPSTREAM_RESPONSE_TIME)).isEqualTo("0.000, 4.511");
        assertThat(e.get(Field.CONNECTION)).isEqualTo("7");
        assertThat(e.get(Field.PID)).isEqualTo("1234");
        assertThat(e.get(Field.HTTP_UPGRADE)).isEqualTo("websocket");
        assertThat(e.requestTimeMillis()).isEqualTo(4512);
        assertThat(e.startMillis()).isEqualTo(e.timeMillis() - 4512);
        assertThat(e.target()).isEqualTo("/ws?x=1");
    }

    @Test
    void upstreamGroups_colonSeparatorKept() {
        String l = EXT_LINE.replace("502, 101 127.0.0.1:9, 127.0.0.1:8081", "504 : 101 10.0.0.1:80 : [::1]:8081");
        AccessEntry e = TextAccessFormat.of("extended", KnownFormats.EXTENDED).newParser().parse(line(l));
        assertThat(e).isNotNull();
        assertThat(e.get(Field.UPSTREAM_STATUS)).isEqualTo("504 : 101");
        assertThat(e.get(Field.UPSTREAM_ADDR)).isEqualTo("10.0.0.1:80 : [::1]:8081");
    }

    @Test
    void dashMeansMissing_butTheFieldIsStillLogged() {
        String l = EXT_LINE.replace("502, 101 127.0.0.1:9, 127.0.0.1:8081 0.000, 4.511", "- - -");
        AccessEntry e = TextAccessFormat.of("extended", KnownFormats.EXTENDED).newParser().parse(line(l));
        assertThat(e).isNotNull();
        assertThat(e.get(Field.UPSTREAM_ADDR)).isEmpty();
        assertThat(e.logs(Field.UPSTREAM_ADDR)).isTrue();
    }

    @Test
    void bracedVariablesAndLiteralsAroundThem_compile() {
        TextAccessFormat f = TextAccessFormat.of("t", "${remote_addr}|[$time_local]|${status}x|$request_time");
        AccessEntry e = f.newParser().parse(line("::1|[01/Jan/2026:00:00:00 +0000]|404x|0.010"));
        assertThat(e).isNotNull();
        assertThat(e.get(Field.REMOTE_ADDR)).isEqualTo("::1");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.requestTimeMillis()).isEqualTo(10);
    }

    @Test
    void escapedQuoteAndBackslash_unescaped_otherBytesStayVisible() {
        AccessEntry e = KnownFormats.combined().newParser().parse(line(
                "1.2.3.4 - - [01/Jan/2026:00:00:00 +0000] \"GET /a\\x22b\\x5Cc\\x1B[31m HTTP/1.1\" 400 0 \"-\" \"-\""));
        assertThat(e).isNotNull();
        assertThat(e.requestLine()).isEqualTo("GET /a\"b\\c\\x1B[31m HTTP/1.1");
    }

    @Test
    void binaryRequestLine_parses() {
        AccessEntry e = KnownFormats.combined().newParser().parse(line(
                "1.2.3.4 - - [01/Jan/2026:00:00:00 +0000] \"\\x16\\x03\\x01\\x00t\\x01\" 400 157 \"-\" \"-\""));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.requestLine()).startsWith("\\x16\\x03");
    }

    @Test
    void escapeNone_quoteInsideValue_backtracksToTheRightQuote() {
        TextAccessFormat f = new TextAccessFormat("n", LogFormatTemplate.compile("\"$http_user_agent\" $status"), Escape.NONE, false);
        AccessEntry e = f.newParser().parse(line("\"say \"hi\" now\" 200"));
        // no time variable: the entry cannot be built, but the mismatch names why
        assertThat(e).isNull();
        assertThat(f.newParser().mismatch(line("\"say \"hi\" now\" 200"))).contains("no $time_local");
        TextAccessFormat g = new TextAccessFormat("n", LogFormatTemplate.compile("[$time_local] \"$http_user_agent\" $status"), Escape.NONE, false);
        AccessEntry ok = g.newParser().parse(line("[01/Jan/2026:00:00:00 +0000] \"say \"hi\" now\" 200"));
        assertThat(ok).isNotNull();
        assertThat(ok.get(Field.HTTP_USER_AGENT)).isEqualTo("say \"hi\" now");
    }

    @Test
    void mismatch_namesTheColumn() {
        AccessFormat.Parser p = KnownFormats.combined().newParser();
        assertThat(p.parse(line("not a log line"))).isNull();
        assertThat(p.mismatch(line("not a log line"))).contains("combined");
        assertThat(p.mismatch(line("1.2.3.4 - - [bad time] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\""))).contains("bad timestamp");
    }

    @Test
    void trailingFields_acceptedOnlyWhenAllowed() {
        String l = "1.2.3.4 - - [01/Jan/2026:00:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\" 0.003 extra";
        assertThat(KnownFormats.combined().newParser().parse(line(l))).isNull();
        assertThat(KnownFormats.combined().withTrailing().newParser().parse(line(l))).isNotNull();
    }

    @Test
    void templateCompile_badVariable_namesColumn() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogFormatTemplate.compile("$remote_addr ${oops"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 14");
    }

    @Test
    void timeIso8601AndMsec_parse() {
        TextAccessFormat f = TextAccessFormat.of("t", "$time_iso8601 $msec $status");
        AccessEntry e = f.newParser().parse(line("2026-11-22T10:00:00+01:00 1795338000.250 101"));
        assertThat(e).isNotNull();
        assertThat(e.timeMillis()).isEqualTo(1795338000250L);
        assertThat(e.offsetSeconds()).isEqualTo(3600);
    }
}
