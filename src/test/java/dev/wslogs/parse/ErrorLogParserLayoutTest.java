package dev.wslogs.parse;

import static dev.wslogs.parse.ErrorLogFeed.entry;
import static dev.wslogs.parse.ErrorLogFeed.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorLevel;
import dev.wslogs.model.LinePosition;
import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** One test per piece of the layout in nginx-messages.md §1. */
class ErrorLogParserLayoutTest {

    private static final String CONNECT_REFUSED = "2024/05/14 10:11:12 [error] 4242#4242: *17 connect() failed "
            + "(111: Connection refused) while connecting to upstream, client: 203.0.113.7, server: ws.example.com, "
            + "request: \"GET /ws HTTP/1.1\", upstream: \"http://127.0.0.1:8080/ws\", host: \"ws.example.com\"";

    @Test
    void header_decodesTimeLevelPidTidAndConnection() {
        ErrorEntry e = entry(CONNECT_REFUSED);

        assertThat(e.time()).isEqualTo(LocalDateTime.of(2024, 5, 14, 10, 11, 12));
        assertThat(e.level()).isEqualTo(ErrorLevel.ERROR);
        assertThat(e.pid()).isEqualTo(4242);
        assertThat(e.tid()).isEqualTo(4242);
        assertThat(e.connection()).isEqualTo(17);
        assertThat(e.hasConnection()).isTrue();
    }

    @Test
    void fullLine_splitsEveryPiece() {
        ErrorEntry e = entry(CONNECT_REFUSED);

        assertThat(e.message()).isEqualTo("connect() failed");
        assertThat(e.errno()).isEqualTo(111);
        assertThat(e.errnoText()).isEqualTo("Connection refused");
        assertThat(e.action()).isEqualTo("connecting to upstream");
        assertThat(e.client()).isEqualTo("203.0.113.7");
        assertThat(e.server()).isEqualTo("ws.example.com");
        assertThat(e.request()).isEqualTo("GET /ws HTTP/1.1");
        assertThat(e.subrequest()).isEmpty();
        assertThat(e.upstream()).isEqualTo("http://127.0.0.1:8080/ws");
        assertThat(e.host()).isEqualTo("ws.example.com");
        assertThat(e.referrer()).isEmpty();
        assertThat(e.raw()).isEqualTo(CONNECT_REFUSED);
        assertThat(e.position()).isEqualTo(new LinePosition(ErrorLogFeed.FILE, 1, 0));
        assertThat(e.physicalLines()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(ErrorLevel.class)
    void everyLevel_isRecognised(ErrorLevel level) {
        ErrorEntry e = entry(line(level.label(), "*1 something happened"));

        assertThat(e.level()).isEqualTo(level);
        assertThat(e.message()).isEqualTo("something happened");
    }

    @Test
    void tidZero_isThreadlessBuild() {
        ErrorEntry e = entry("2016/10/25 14:49:34 [error] 54053#0: *1 open() \"/usr/share/nginx/html/favicon.ico\" failed "
                + "(2: No such file or directory), client: 127.0.0.1, server: localhost, request: \"GET /favicon.ico HTTP/1.1\"");

        assertThat(e.pid()).isEqualTo(54053);
        assertThat(e.tid()).isZero();
    }

    @Test
    void largeMacOsTid_isKept() {
        assertThat(entry(line("notice", "x").replace("4242#4242", "812#9007199254740993")).tid()).isEqualTo(9007199254740993L);
    }

    @Test
    void elevenDigitConnection_fitsInLong() {
        assertThat(entry(line("error", "*16670560058 limiting requests, excess: 5.459 by zone \"z\", client: 192.168.1.1, server: a"))
                .connection()).isEqualTo(16670560058L);
    }

    @Test
    void noConnectionNumber_isNoConnection() {
        ErrorEntry e = entry(line("notice", "signal process started"));

        assertThat(e.connection()).isEqualTo(ErrorEntry.NO_CONNECTION);
        assertThat(e.hasConnection()).isFalse();
        assertThat(e.message()).isEqualTo("signal process started");
    }

    @Test
    void starNotFollowedByNumber_staysInMessage() {
        ErrorEntry e = entry(line("warn", "*abc not a connection"));

        assertThat(e.connection()).isEqualTo(ErrorEntry.NO_CONNECTION);
        assertThat(e.message()).isEqualTo("*abc not a connection");
    }

    @Test
    void bareMessage_hasNoErrnoActionOrTrailer() {
        ErrorEntry e = entry(line("notice", "gracefully shutting down"));

        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.errnoText()).isEmpty();
        assertThat(e.action()).isEmpty();
        assertThat(e.client()).isEmpty();
        assertThat(e.server()).isEmpty();
        assertThat(e.request()).isEmpty();
    }

    @Test
    void errnoAtEndOfLine_isSplitOff() {
        ErrorEntry e = entry(line("info", "*8 client 10.0.0.5 closed keepalive connection (104: Connection reset by peer)"));

        assertThat(e.message()).isEqualTo("client 10.0.0.5 closed keepalive connection");
        assertThat(e.errno()).isEqualTo(104);
        assertThat(e.errnoText()).isEqualTo("Connection reset by peer");
    }

    @Test
    void errnoBeforeTrailerWithoutAction_isSplitOff() {
        ErrorEntry e = entry(line("error", "*3 open() \"/srv/www/ws\" failed (2: No such file or directory), client: 10.1.1.1, "
                + "server: _, request: \"GET /ws HTTP/1.1\", host: \"a\""));

        assertThat(e.message()).isEqualTo("open() \"/srv/www/ws\" failed");
        assertThat(e.errno()).isEqualTo(2);
        assertThat(e.errnoText()).isEqualTo("No such file or directory");
        assertThat(e.action()).isEmpty();
        assertThat(e.server()).isEqualTo("_");
    }

    @Test
    void onlyLastParenthesisedGroup_isErrno() {
        ErrorEntry e = entry(line("crit", "*5 pwrite() \"/var/cache/nginx/x (1)\" failed (28: No space left on device)"));

        assertThat(e.message()).isEqualTo("pwrite() \"/var/cache/nginx/x (1)\" failed");
        assertThat(e.errno()).isEqualTo(28);
    }

    @Test
    void sslGroupFollowedByErrno_keepsSslGroupInMessage() {
        ErrorEntry e = entry(line("info", "*9 SSL_write() failed (SSL:) (32: Broken pipe) while sending to client, "
                + "client: 10.0.0.9, server: a, request: \"GET / HTTP/1.1\""));

        assertThat(e.message()).isEqualTo("SSL_write() failed (SSL:)");
        assertThat(e.errno()).isEqualTo(32);
        assertThat(e.errnoText()).isEqualTo("Broken pipe");
        assertThat(e.action()).isEqualTo("sending to client");
    }

    @Test
    void parenthesisedTextThatIsNotAnErrno_staysInMessage() {
        ErrorEntry e = entry(line("notice", "worker process 77 exited on signal 9 (core dumped)"));

        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.message()).isEqualTo("worker process 77 exited on signal 9 (core dumped)");
    }

    @Test
    void errnoWithTooManyDigits_staysInMessage() {
        ErrorEntry e = entry(line("error", "*1 weird (12345678901: text)"));

        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.message()).isEqualTo("weird (12345678901: text)");
    }

    @Test
    void whileInsideQuotedMessageText_isNotTheAction() {
        ErrorEntry e = entry(line("error", "*3 open() \"/srv/a while b\" failed (2: No such file or directory), "
                + "client: 10.1.1.1, server: s, request: \"GET /a%20while%20b HTTP/1.1\""));

        assertThat(e.action()).isEmpty();
        assertThat(e.message()).isEqualTo("open() \"/srv/a while b\" failed");
        assertThat(e.errno()).isEqualTo(2);
    }

    @Test
    void whileInsideMessageAndRealAction_takesLastWhile() {
        ErrorEntry e = entry(line("error", "*4 FastCGI sent in stderr: \"died while booting\" while reading response header "
                + "from upstream, client: 10.0.0.1, server: s, request: \"GET / HTTP/1.1\", "
                + "upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\""));

        assertThat(e.message()).isEqualTo("FastCGI sent in stderr: \"died while booting\"");
        assertThat(e.action()).isEqualTo("reading response header from upstream");
        assertThat(e.upstream()).isEqualTo("fastcgi://unix:/run/php/php8.2-fpm.sock:");
    }

    @Test
    void allTrailerFields_inOrder() {
        ErrorEntry e = entry(line("error", "*31 auth request unexpected status: 502 while sending to client, client: 198.51.100.4, "
                + "server: chat.example.com, request: \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\", "
                + "subrequest: \"/auth\", upstream: \"http://10.0.0.3:9000/verify\", host: \"chat.example.com\", "
                + "referrer: \"https://chat.example.com/room/1\""));

        assertThat(e.message()).isEqualTo("auth request unexpected status: 502");
        assertThat(e.client()).isEqualTo("198.51.100.4");
        assertThat(e.server()).isEqualTo("chat.example.com");
        assertThat(e.request()).isEqualTo("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1");
        assertThat(e.subrequest()).isEqualTo("/auth");
        assertThat(e.upstream()).isEqualTo("http://10.0.0.3:9000/verify");
        assertThat(e.host()).isEqualTo("chat.example.com");
        assertThat(e.referrer()).isEqualTo("https://chat.example.com/room/1");
    }

    @Test
    void emptyServerName_isEmptyString() {
        ErrorEntry e = entry(line("error", "*2 limiting requests, excess: 5.428 by zone \"default_root_zone\", client: ::1, "
                + "server: , request: \"GET / HTTP/1.1\", host: \"la03.d.sb\""));

        assertThat(e.server()).isEmpty();
        assertThat(e.client()).isEqualTo("::1");
        assertThat(e.request()).isEqualTo("GET / HTTP/1.1");
    }

    @Test
    void ipv6ClientAndListenAddress_areKept() {
        ErrorEntry e = entry(line("info", "*12 client closed connection while waiting for request, "
                + "client: 2001:db8::80da:af6b:8b2c, server: [::]:443"));

        assertThat(e.client()).isEqualTo("2001:db8::80da:af6b:8b2c");
        assertThat(e.server()).isEqualTo("[::]:443");
    }

    @Test
    void ipv6Upstream_isKept() {
        ErrorEntry e = entry(line("error", "*12 connect() failed (101: Network is unreachable) while connecting to upstream, "
                + "client: 10.0.0.1, server: s, request: \"GET /ws HTTP/1.1\", upstream: \"http://[2001:db8::5]:8080/ws\""));

        assertThat(e.upstream()).isEqualTo("http://[2001:db8::5]:8080/ws");
        assertThat(e.errnoText()).isEqualTo("Network is unreachable");
    }

    @Test
    void requestContainingQuote_endsAtQuoteBeforeNextKey() {
        ErrorEntry e = entry(line("info", "*6 client sent invalid request while reading client request line, client: 10.0.0.1, "
                + "server: s, request: \"GET /?q=\"x\" HTTP/1.1\", host: \"s\""));

        assertThat(e.request()).isEqualTo("GET /?q=\"x\" HTTP/1.1");
        assertThat(e.host()).isEqualTo("s");
    }

    @Test
    void requestContainingFakeTrailer_keepsRealClient() {
        ErrorEntry e = entry(line("error", "*7 open() \"/srv/x\" failed (2: No such file or directory), client: 10.0.0.1, "
                + "server: s, request: \"GET /x, client: 6.6.6.6, server: evil HTTP/1.1\", host: \"s\""));

        assertThat(e.client()).isEqualTo("10.0.0.1");
        assertThat(e.server()).isEqualTo("s");
        assertThat(e.request()).isEqualTo("GET /x, client: 6.6.6.6, server: evil HTTP/1.1");
    }

    @Test
    void messageContainingFakeTrailer_takesRightmostTrailer() {
        ErrorEntry e = entry("2014/04/03 22:20:40 [error] 30708#0: *3 user \"test\": password mismatch, client: 127.0.0.1, "
                + "server: test, request: \"GET / HTTP/1.1\", host: \"localhost:8443\"\": was not found in "
                + "\"/etc/nginx/.htpasswd\", client: 192.0.2.2, server: , request: \"GET / HTTP/1.1\", host: \"localhost:8443\"");

        assertThat(e.client()).isEqualTo("192.0.2.2");
        assertThat(e.server()).isEmpty();
        assertThat(e.host()).isEqualTo("localhost:8443");
        assertThat(e.message()).startsWith("user \"test\": password mismatch, client: 127.0.0.1").endsWith("\"/etc/nginx/.htpasswd\"");
    }

    @Test
    void rawBytesEscapedByReader_areKeptVerbatim() {
        ErrorEntry e = entry(line("info", "*1 client sent invalid method while reading client request line, client: 10.0.0.1, "
                + "server: s, request: \"\\x16\\x03\\x01\\x00\\xF4\\x01\""));

        assertThat(e.request()).isEqualTo("\\x16\\x03\\x01\\x00\\xF4\\x01");
    }

    @Test
    void requestCutAtBufferEnd_keepsWhatIsThere() {
        String longUri = "/very/long/" + "a".repeat(1900);
        ErrorEntry e = entry(line("error", "*2 upstream timed out (110: Connection timed out) while reading response header from "
                + "upstream, client: 10.0.0.1, server: s, request: \"GET " + longUri));

        assertThat(e.request()).isEqualTo("GET " + longUri);
        assertThat(e.host()).isEmpty();
        assertThat(e.action()).isEqualTo("reading response header from upstream");
    }

    @Test
    void lineCutInsideTrailerKey_keepsEarlierFields() {
        ErrorEntry e = entry(line("error", "*2 upstream prematurely closed connection while reading response header from "
                + "upstream, client: 10.0.0.1, server: example.com, requ"));

        assertThat(e.client()).isEqualTo("10.0.0.1");
        assertThat(e.server()).isEqualTo("example.com");
        assertThat(e.request()).isEmpty();
        assertThat(e.message()).isEqualTo("upstream prematurely closed connection");
    }

    @Test
    void lineCutInsideClient_keepsPartialClient() {
        ErrorEntry e = entry(line("error", "*2 upstream prematurely closed connection while reading upstream, client: 10.0."));

        assertThat(e.client()).isEqualTo("10.0.");
        assertThat(e.action()).isEqualTo("reading upstream");
    }

    @Test
    void filledBufferEllipsis_isJustText() {
        String body = "*5 upstream sent too big header: \"" + "x".repeat(1900) + "...";
        ErrorEntry e = entry(line("error", body + " while reading response header from upstream, client: 10.0.0.1, server: s"));

        assertThat(e.message()).endsWith("...");
        assertThat(e.client()).isEqualTo("10.0.0.1");
    }

    @Test
    void carriageReturnAtEnd_isIgnored() {
        ErrorEntry e = entry(line("error", "*1 no live upstreams while connecting to upstream, client: 10.0.0.1, server: s, "
                + "request: \"GET /ws HTTP/1.1\", upstream: \"http://backend/ws\"\r"));

        assertThat(e.upstream()).isEqualTo("http://backend/ws");
    }

    @Test
    void leapDay_isAValidTime() {
        assertThat(entry("2024/02/29 23:59:59 [warn] 1#1: x").time()).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
    }

    @Test
    void consecutiveLines_getTheirOwnTimes() {
        ErrorLogFeed feed = ErrorLogFeed.of(
                "2024/05/14 10:11:12 [warn] 1#1: a",
                "2024/05/14 10:11:12 [warn] 1#1: b",
                "2024/05/14 10:11:13 [warn] 1#1: c");

        assertThat(feed.entries).extracting(ErrorEntry::time).containsExactly(
                LocalDateTime.of(2024, 5, 14, 10, 11, 12),
                LocalDateTime.of(2024, 5, 14, 10, 11, 12),
                LocalDateTime.of(2024, 5, 14, 10, 11, 13));
    }

    @Test
    void sameSecondBehindDifferentPrefixes_reusesTimeOnlyWhenEqual() {
        ErrorLogFeed feed = ErrorLogFeed.of(
                "host nginx[1]: 2024/05/14 10:11:12 [warn] 1#1: a",
                "2024/05/14 10:11:12 [warn] 1#1: b",
                "2024/05/14 10:11:12 [fatal] 1#1: not an entry",
                "Dec  9 10:00:00 host nginx[1]: 2024/05/15 10:11:12 [warn] 1#1: c",
                "2024/05/15 10:11:12 [warn] 1#1: d");

        assertThat(feed.entries).extracting(ErrorEntry::time).containsExactly(
                LocalDateTime.of(2024, 5, 14, 10, 11, 12),
                LocalDateTime.of(2024, 5, 14, 10, 11, 12),
                LocalDateTime.of(2024, 5, 15, 10, 11, 12),
                LocalDateTime.of(2024, 5, 15, 10, 11, 12));
        assertThat(feed.failures).hasSize(1);
    }

    @Test
    void emptyMessage_isAnEntry() {
        ErrorEntry e = entry("2024/05/14 10:11:12 [warn] 1#1:");

        assertThat(e.message()).isEmpty();
    }
}
