package dev.wslogs.parse;

import static dev.wslogs.parse.ErrorLogFeed.entry;
import static dev.wslogs.parse.ErrorLogFeed.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorLevel;
import org.junit.jupiter.api.Test;

/**
 * The message shapes of nginx-messages.md §4.D-J (bodies, client side, buffering, limits, accept,
 * resolver, lifecycle) and the stream module's trailer.
 */
class ErrorLogCatalogClientTest {

    private static final String WS_TRAILER = ", client: 203.0.113.7, server: ws.example.com, request: \"GET /ws HTTP/1.1\", "
            + "upstream: \"http://127.0.0.1:8080/ws\", host: \"ws.example.com\"";

    @Test
    void d1TooLargeBody_hasNoAction() {
        ErrorEntry e = entry(line("error", "*26 client intended to send too large body: 1048577 bytes, client: 10.0.0.1, "
                + "server: s, request: \"POST /upload HTTP/1.1\", host: \"s\""));

        assertThat(e.message()).isEqualTo("client intended to send too large body: 1048577 bytes");
        assertThat(e.action()).isEmpty();
        assertThat(e.request()).isEqualTo("POST /upload HTTP/1.1");
    }

    @Test
    void d2TooLargeChunkedBody_keepsPlus() {
        assertThat(entry(line("error", "*27 client intended to send too large chunked body: 1048000+8192 bytes, client: 10.0.0.1, "
                + "server: s, request: \"POST /u HTTP/1.1\"")).message())
                .isEqualTo("client intended to send too large chunked body: 1048000+8192 bytes");
    }

    @Test
    void e1EpollReportedClientClosed_keepsCommaInMessage() {
        ErrorEntry e = entry(line("info", "*28 epoll_wait() reported that client prematurely closed connection, so upstream "
                + "connection is closed too while reading response header from upstream" + WS_TRAILER));

        assertThat(e.level()).isEqualTo(ErrorLevel.INFO);
        assertThat(e.message()).isEqualTo(
                "epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too");
        assertThat(e.action()).isEqualTo("reading response header from upstream");
    }

    @Test
    void e9ClientTimedOutWaiting_noRequest() {
        ErrorEntry e = entry(line("info", "*29 client timed out (110: Connection timed out) while waiting for request, "
                + "client: 10.0.0.1, server: 0.0.0.0:80"));

        assertThat(e.action()).isEqualTo("waiting for request");
        assertThat(e.server()).isEqualTo("0.0.0.0:80");
    }

    @Test
    void e11ClosedKeepalive_hasNoTrailer() {
        ErrorEntry e = entry(line("info", "*12 client 10.0.0.5 closed keepalive connection"));

        assertThat(e.connection()).isEqualTo(12);
        assertThat(e.message()).isEqualTo("client 10.0.0.5 closed keepalive connection");
        assertThat(e.client()).isEmpty();
        assertThat(e.action()).isEmpty();
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
    }

    @Test
    void e17TooLongHeaderLine_keepsTruncatedQuote() {
        ErrorEntry e = entry(line("info", "*30 client sent too long header line: \"Cookie: a=b...\" while reading client request "
                + "headers, client: 10.0.0.1, server: s, request: \"GET /ws HTTP/1.1\", host: \"s\""));

        assertThat(e.message()).isEqualTo("client sent too long header line: \"Cookie: a=b...\"");
    }

    @Test
    void f1BufferedToTemporaryFile_keepsPath() {
        ErrorEntry e = entry(line("warn", "*31 an upstream response is buffered to a temporary file "
                + "/var/cache/nginx/proxy_temp/8/65/0000015658 while reading upstream, client: 10.0.0.1, server: s, "
                + "request: \"GET /big HTTP/1.1\", upstream: \"http://127.0.0.1:8080/big\", host: \"s\""));

        assertThat(e.message()).isEqualTo("an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/8/65/0000015658");
        assertThat(e.action()).isEqualTo("reading upstream");
    }

    @Test
    void g1LimitingRequests_hasNoAction() {
        ErrorEntry e = entry(line("error", "*32 limiting requests, excess: 1.852 by zone \"one\", client: 1.2.3.4, "
                + "server: example.com, request: \"POST /index.htm HTTP/1.0\", host: \"exmaple.com\""));

        assertThat(e.message()).isEqualTo("limiting requests, excess: 1.852 by zone \"one\"");
        assertThat(e.action()).isEmpty();
        assertThat(e.client()).isEqualTo("1.2.3.4");
    }

    @Test
    void g3DelayingRequest_keepsExtraComma() {
        assertThat(entry(line("warn", "*33 delaying request, excess: 0.841, by zone \"req_limit\", client: 206.189.215.97, "
                + "server: myserver.net, request: \"GET /ab2h HTTP/1.1\", host: \"22.18.134.49\"")).message())
                .isEqualTo("delaying request, excess: 0.841, by zone \"req_limit\"");
    }

    @Test
    void h1WorkerConnectionsAtAccept_hasNoConnection() {
        ErrorEntry e = entry(line("alert", "1024 worker_connections are not enough while accepting new connection on 0.0.0.0:80"));

        assertThat(e.connection()).isEqualTo(ErrorEntry.NO_CONNECTION);
        assertThat(e.message()).isEqualTo("1024 worker_connections are not enough");
        assertThat(e.action()).isEqualTo("accepting new connection on 0.0.0.0:80");
    }

    @Test
    void h3Accept4TooManyOpenFiles_actionCarriesListenAddress() {
        ErrorEntry e = entry(line("crit", "accept4() failed (24: Too many open files) while accepting new connection on 0.0.0.0:80"));

        assertThat(e.level()).isEqualTo(ErrorLevel.CRIT);
        assertThat(e.connection()).isEqualTo(ErrorEntry.NO_CONNECTION);
        assertThat(e.message()).isEqualTo("accept4() failed");
        assertThat(e.errno()).isEqualTo(24);
        assertThat(e.errnoText()).isEqualTo("Too many open files");
        assertThat(e.action()).isEqualTo("accepting new connection on 0.0.0.0:80");
        assertThat(e.client()).isEmpty();
    }

    @Test
    void i1CouldNotBeResolved_resolverCodeIsErrno() {
        ErrorEntry e = entry(line("error", "*34 backend could not be resolved (3: Host not found), client: 10.0.0.1, server: s, "
                + "request: \"GET /ws HTTP/1.1\", host: \"s\""));

        assertThat(e.message()).isEqualTo("backend could not be resolved");
        assertThat(e.errno()).isEqualTo(3);
        assertThat(e.errnoText()).isEqualTo("Host not found");
    }

    @Test
    void i3ResolverSendRefused_actionIncludesResolver() {
        ErrorEntry e = entry(line("error", "send() failed (111: Connection refused) while resolving, resolver: 127.0.0.11:53"));

        assertThat(e.connection()).isEqualTo(ErrorEntry.NO_CONNECTION);
        assertThat(e.message()).isEqualTo("send() failed");
        assertThat(e.errno()).isEqualTo(111);
        assertThat(e.action()).isEqualTo("resolving, resolver: 127.0.0.11:53");
        assertThat(e.client()).isEmpty();
    }

    @Test
    void i6HostNotFoundInUpstream_configMessage() {
        ErrorEntry e = entry(line("emerg", "host not found in upstream \"app:3000\" in /etc/nginx/conf.d/default.conf:7"));

        assertThat(e.level()).isEqualTo(ErrorLevel.EMERG);
        assertThat(e.message()).isEqualTo("host not found in upstream \"app:3000\" in /etc/nginx/conf.d/default.conf:7");
    }

    @Test
    void jSignalProcessStarted_hasNoConnection() {
        ErrorEntry e = entry("2024/05/14 10:11:12 [notice] 3021#3021: signal process started");

        assertThat(e.connection()).isEqualTo(ErrorEntry.NO_CONNECTION);
        assertThat(e.message()).isEqualTo("signal process started");
        assertThat(e.level()).isEqualTo(ErrorLevel.NOTICE);
    }

    @Test
    void jSignalReceived_keepsCommaInMessage() {
        assertThat(entry(line("notice", "signal 1 (SIGHUP) received from 3021, reconfiguring")).message())
                .isEqualTo("signal 1 (SIGHUP) received from 3021, reconfiguring");
    }

    @Test
    void jWorkerExitedOnSignal_isAlert() {
        ErrorEntry e = entry(line("alert", "worker process 3100 exited on signal 11 (core dumped)"));

        assertThat(e.level()).isEqualTo(ErrorLevel.ALERT);
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
    }

    @Test
    void jOpenSocketLeft_connectionIsTheStarredNumber() {
        ErrorEntry e = entry(line("alert", "*57 open socket #12 left in connection 8"));

        assertThat(e.connection()).isEqualTo(57);
        assertThat(e.message()).isEqualTo("open socket #12 left in connection 8");
    }

    @Test
    void streamProxyTrailer_unknownFieldsAreDroppedWithoutFailure() {
        ErrorEntry e = entry(line("error", "*35 connect() failed (111: Connection refused) while proxying connection, "
                + "client: 10.0.0.1, server: 0.0.0.0:443, upstream: \"10.0.0.1:8080\", bytes from/to client:123/456, "
                + "bytes from/to upstream:456/123"));

        assertThat(e.action()).isEqualTo("proxying connection");
        assertThat(e.client()).isEqualTo("10.0.0.1");
        assertThat(e.server()).isEqualTo("0.0.0.0:443");
        assertThat(e.upstream()).isEqualTo("10.0.0.1:8080");
        assertThat(e.errno()).isEqualTo(111);
    }

    @Test
    void streamProxyTrailerWithoutUpstream_keepsClientAndServer() {
        ErrorEntry e = entry(line("info", "*36 client 10.0.0.1:5555 connected to 0.0.0.0:443 while proxying connection, "
                + "client: 10.0.0.1, server: 0.0.0.0:443, bytes from/to client:0/0, bytes from/to upstream:0/0"));

        assertThat(e.client()).isEqualTo("10.0.0.1");
        assertThat(e.server()).isEqualTo("0.0.0.0:443");
        assertThat(e.upstream()).isEmpty();
    }
}
