package dev.wslogs.parse;

import static dev.wslogs.parse.ErrorLogFeed.entry;
import static dev.wslogs.parse.ErrorLogFeed.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorLevel;
import org.junit.jupiter.api.Test;

/**
 * The message shapes of nginx-messages.md §4.A-C (upstream, WebSocket tunnel, TLS), with the
 * trailers nginx puts on them.
 */
class ErrorLogCatalogUpstreamTest {

    private static final String WS_TRAILER = ", client: 203.0.113.7, server: ws.example.com, request: \"GET /ws HTTP/1.1\", "
            + "upstream: \"http://127.0.0.1:8080/ws\", host: \"ws.example.com\"";

    @Test
    void a1ConnectRefused_splitsErrnoActionAndUpstream() {
        ErrorEntry e = entry(line("error", "*17 connect() failed (111: Connection refused) while connecting to upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("connect() failed");
        assertThat(e.errno()).isEqualTo(111);
        assertThat(e.action()).isEqualTo("connecting to upstream");
        assertThat(e.upstream()).isEqualTo("http://127.0.0.1:8080/ws");
    }

    @Test
    void a2KeventConnectFailed_keepsBsdErrno() {
        ErrorEntry e = entry(line("error", "*2 kevent() reported that connect() failed (61: Connection refused) while connecting "
                + "to upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("kevent() reported that connect() failed");
        assertThat(e.errno()).isEqualTo(61);
    }

    @Test
    void a3ConnectToUnixSocket_keepsPeerInMessage() {
        ErrorEntry e = entry(line("crit", "*4 connect() to unix:/run/php/php-fpm.sock failed (2: No such file or directory) while "
                + "connecting to upstream, client: 10.0.0.1, server: s, request: \"GET /ws HTTP/1.1\", "
                + "upstream: \"http://unix:/run/app.sock:/ws\", host: \"s\""));

        assertThat(e.level()).isEqualTo(ErrorLevel.CRIT);
        assertThat(e.message()).isEqualTo("connect() to unix:/run/php/php-fpm.sock failed");
        assertThat(e.errno()).isEqualTo(2);
        assertThat(e.upstream()).isEqualTo("http://unix:/run/app.sock:/ws");
    }

    @Test
    void a4UpstreamTimedOutConnecting_usesMuslText() {
        ErrorEntry e = entry(line("error", "*5 upstream timed out (110: Operation timed out) while connecting to upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream timed out");
        assertThat(e.errnoText()).isEqualTo("Operation timed out");
    }

    @Test
    void a9RecvResetReadingHeader_isUpstreamSide() {
        ErrorEntry e = entry(line("error", "*6 recv() failed (104: Connection reset by peer) while reading response header from "
                + "upstream" + WS_TRAILER));

        assertThat(e.errno()).isEqualTo(104);
        assertThat(e.action()).isEqualTo("reading response header from upstream");
    }

    @Test
    void a12UpstreamPrematurelyClosed_hasNoErrno() {
        ErrorEntry e = entry(line("error", "*7 upstream prematurely closed connection while reading response header from upstream"
                + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream prematurely closed connection");
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.action()).isEqualTo("reading response header from upstream");
    }

    @Test
    void a15NoLiveUpstreams_upstreamIsBlockName() {
        ErrorEntry e = entry(line("error", "*8 no live upstreams while connecting to upstream, client: 203.0.113.7, "
                + "server: ws.example.com, request: \"GET /ws HTTP/1.1\", upstream: \"http://backend/ws\", host: \"ws.example.com\""));

        assertThat(e.message()).isEqualTo("no live upstreams");
        assertThat(e.upstream()).isEqualTo("http://backend/ws");
    }

    @Test
    void a16ServerTemporarilyDisabled_isWarn() {
        ErrorEntry e = entry(line("warn", "*9 upstream server temporarily disabled while reading response header from upstream"
                + WS_TRAILER));

        assertThat(e.level()).isEqualTo(ErrorLevel.WARN);
        assertThat(e.message()).isEqualTo("upstream server temporarily disabled");
    }

    @Test
    void a18InvalidHeaderWithEscapes_keepsQuotedDetail() {
        ErrorEntry e = entry(line("error", "*10 upstream sent invalid header: \"X-Bad\\x00...\" while reading response header from "
                + "upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream sent invalid header: \"X-Bad\\x00...\"");
        assertThat(e.action()).isEqualTo("reading response header from upstream");
    }

    @Test
    void a19NoValidHttp10Header_isWholeMessage() {
        ErrorEntry e = entry(line("error", "*11 upstream sent no valid HTTP/1.0 header while reading response header from upstream"
                + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream sent no valid HTTP/1.0 header");
        assertThat(e.client()).isEqualTo("203.0.113.7");
    }

    @Test
    void a20DuplicateHeaderLine_keepsCommasInMessage() {
        ErrorEntry e = entry(line("error", "*12 upstream sent duplicate header line: \"Content-Length: 5\", previous value: "
                + "\"Content-Length: 7\" while reading response header from upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream sent duplicate header line: \"Content-Length: 5\", previous value: "
                + "\"Content-Length: 7\"");
        assertThat(e.client()).isEqualTo("203.0.113.7");
    }

    @Test
    void a24AuthRequestStatus_hasSubrequest() {
        ErrorEntry e = entry(line("error", "*13 auth request unexpected status: 401 while sending to client, client: 10.0.0.1, "
                + "server: s, request: \"GET /ws HTTP/1.1\", subrequest: \"/auth\", host: \"s\""));

        assertThat(e.message()).isEqualTo("auth request unexpected status: 401");
        assertThat(e.subrequest()).isEqualTo("/auth");
        assertThat(e.host()).isEqualTo("s");
    }

    @Test
    void b1UpstreamTimedOutInTunnel_isInfo() {
        ErrorEntry e = entry(line("info", "*14 upstream timed out (110: Connection timed out) while proxying upgraded connection"
                + WS_TRAILER));

        assertThat(e.level()).isEqualTo(ErrorLevel.INFO);
        assertThat(e.message()).isEqualTo("upstream timed out");
        assertThat(e.errno()).isEqualTo(110);
        assertThat(e.errnoText()).isEqualTo("Connection timed out");
        assertThat(e.action()).isEqualTo("proxying upgraded connection");
    }

    @Test
    void b2ClientTimedOutInTunnel_isInfo() {
        ErrorEntry e = entry(line("info", "*15 client timed out (110: Connection timed out) while proxying upgraded connection"
                + WS_TRAILER));

        assertThat(e.message()).isEqualTo("client timed out");
        assertThat(e.action()).isEqualTo("proxying upgraded connection");
    }

    @Test
    void b3RecvResetInTunnelAtError_isUpstreamReset() {
        ErrorEntry e = entry(line("error", "*16 recv() failed (104: Connection reset by peer) while proxying upgraded connection"
                + WS_TRAILER));

        assertThat(e.level()).isEqualTo(ErrorLevel.ERROR);
        assertThat(e.message()).isEqualTo("recv() failed");
        assertThat(e.errno()).isEqualTo(104);
        assertThat(e.errnoText()).isEqualTo("Connection reset by peer");
        assertThat(e.action()).isEqualTo("proxying upgraded connection");
        assertThat(e.upstream()).isEqualTo("http://127.0.0.1:8080/ws");
    }

    @Test
    void b4SendBrokenPipeInTunnel_splits() {
        ErrorEntry e = entry(line("info", "*17 send() failed (32: Broken pipe) while proxying upgraded connection" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("send() failed");
        assertThat(e.errnoText()).isEqualTo("Broken pipe");
    }

    @Test
    void b8UpgradeHeaderOnHttp2_hasNoAction() {
        ErrorEntry e = entry(line("info", "*18 client sent \"Upgrade\" header while reading client request headers, "
                + "client: 10.0.0.1, server: s, request: \"GET /ws HTTP/2.0\", host: \"s\""));

        assertThat(e.message()).isEqualTo("client sent \"Upgrade\" header");
        assertThat(e.request()).isEqualTo("GET /ws HTTP/2.0");
    }

    @Test
    void c1WrongVersionNumber_sslGroupStaysInMessage() {
        ErrorEntry e = entry(line("error", "*19 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) "
                + "while SSL handshaking to upstream, client: 10.0.0.1, server: s, request: \"GET /ws HTTP/1.1\", "
                + "upstream: \"https://10.0.0.2:8080/ws\", host: \"s\""));

        assertThat(e.message()).isEqualTo("SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number)");
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.errnoText()).isEmpty();
        assertThat(e.action()).isEqualTo("SSL handshaking to upstream");
        assertThat(e.upstream()).isEqualTo("https://10.0.0.2:8080/ws");
    }

    @Test
    void c2AlertNumber_sslGroupStaysInMessage() {
        ErrorEntry e = entry(line("error", "*20 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake "
                + "failure:SSL alert number 40) while SSL handshaking to upstream" + WS_TRAILER));

        assertThat(e.message()).endsWith("SSL alert number 40)");
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
    }

    @Test
    void c3PeerClosedInHandshakeWithErrno_splitsErrno() {
        ErrorEntry e = entry(line("error", "*21 peer closed connection in SSL handshake (104: Connection reset by peer) while SSL "
                + "handshaking to upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("peer closed connection in SSL handshake");
        assertThat(e.errno()).isEqualTo(104);
    }

    @Test
    void c4CertificateVerifyError_isNotAnErrno() {
        ErrorEntry e = entry(line("error", "*22 upstream SSL certificate verify error: (18:self-signed certificate) while SSL "
                + "handshaking to upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream SSL certificate verify error: (18:self-signed certificate)");
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.action()).isEqualTo("SSL handshaking to upstream");
    }

    @Test
    void c4UnableToGetIssuer_isNotAnErrno() {
        ErrorEntry e = entry(line("error", "*22 upstream SSL certificate verify error: (20:unable to get local issuer certificate) "
                + "while SSL handshaking to upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream SSL certificate verify error: (20:unable to get local issuer certificate)");
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
    }

    @Test
    void c5CertificateDoesNotMatch_keepsName() {
        ErrorEntry e = entry(line("error", "*23 upstream SSL certificate does not match \"backend.internal\" while SSL handshaking "
                + "to upstream" + WS_TRAILER));

        assertThat(e.message()).isEqualTo("upstream SSL certificate does not match \"backend.internal\"");
    }

    @Test
    void c6ClientHandshakeFailure_serverIsListenAddress() {
        ErrorEntry e = entry(line("crit", "*24 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while "
                + "SSL handshaking, client: 192.0.2.23, server: 0.0.0.0:443"));

        assertThat(e.action()).isEqualTo("SSL handshaking");
        assertThat(e.server()).isEqualTo("0.0.0.0:443");
        assertThat(e.request()).isEmpty();
    }

    @Test
    void c9PlainHttpToHttpsPort_isInfo() {
        ErrorEntry e = entry(line("info", "*25 client sent plain HTTP request to HTTPS port while reading client request headers, "
                + "client: 10.0.0.1, server: ws.example.com, request: \"GET /ws HTTP/1.1\", host: \"ws.example.com:443\""));

        assertThat(e.message()).isEqualTo("client sent plain HTTP request to HTTPS port");
        assertThat(e.action()).isEqualTo("reading client request headers");
        assertThat(e.host()).isEqualTo("ws.example.com:443");
    }

    @Test
    void c11SslReadAlert121_serverIsListenAddress() {
        ErrorEntry e = entry("2025/07/09 22:27:36 [crit] 60993#60993: *16700609 SSL_read() failed (SSL: error:0A000461:SSL "
                + "routines::reason(1121):SSL alert number 121) while waiting for request, client: 192.0.2.17, server: 0.0.0.0:443");

        assertThat(e.message()).isEqualTo("SSL_read() failed (SSL: error:0A000461:SSL routines::reason(1121):SSL alert number 121)");
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.action()).isEqualTo("waiting for request");
        assertThat(e.client()).isEqualTo("192.0.2.17");
        assertThat(e.server()).isEqualTo("0.0.0.0:443");
    }
}
