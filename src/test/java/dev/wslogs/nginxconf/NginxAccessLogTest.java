package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.wslogs.model.ErrorLevel;
import org.junit.jupiter.api.Test;

class NginxAccessLogTest {

    private static final String CONF = """
            error_log /var/log/nginx/error.log warn;
            http {
                log_format ws '$remote_addr $connection $pid $status $request_time';
                access_log /var/log/nginx/access.log;
                server {
                    listen 80;
                    server_name app.example.com;
                    location / { }
                    location /ws {
                        access_log /var/log/nginx/ws.log ws buffer=32k if=$loggable;
                        access_log syslog:server=10.0.0.1 ws;
                    }
                    location /health {
                        access_log off;
                    }
                }
                server {
                    listen 80;
                    server_name api.example.com;
                    access_log /var/log/nginx/api.log ws;
                    error_log /var/log/nginx/api.error.log info;
                    location /ws {
                        if ($http_upgrade = "") { access_log /var/log/nginx/plain.log; }
                    }
                }
            }
            """;

    @Test
    void everyAccessLog_isListedWithItsFormatAndContext() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.accessLogs()).extracting(AccessLog::path, AccessLog::formatName, a -> a.context().toString())
                .containsExactly(
                        tuple("/var/log/nginx/access.log", "combined", "http"),
                        tuple("/var/log/nginx/ws.log", "ws", "http > server > location /ws"),
                        tuple("syslog:server=10.0.0.1", "ws", "http > server > location /ws"),
                        tuple("off", "combined", "http > server > location /health"),
                        tuple("/var/log/nginx/api.log", "ws", "http > server"),
                        tuple("/var/log/nginx/plain.log", "combined", "http > server > location /ws > if ($http_upgrade = \"\" )"));
        AccessLog ws = c.accessLogs().get(1);
        assertThat(ws.params()).containsExactly("buffer=32k", "if=$loggable");
        assertThat(ws.condition()).hasValue("$loggable");
        assertThat(ws.where()).isEqualTo(new SourceRef("test.conf", 10, 13));
        assertThat(c.accessLogs().get(3).isOff()).isTrue();
        assertThat(c.accessLogs().get(4).context().server()).contains(c.servers().get(1).directive());
    }

    @Test
    void serverWithoutItsOwnAccessLog_inheritsHttpsAndItsCombinedFormat() throws Exception {
        NginxConfig c = parse(CONF);
        ServerBlock app = c.selectServer(80, "app.example.com").orElseThrow();

        assertThat(c.accessLogsFor(app)).extracting(AccessLog::path, AccessLog::formatName)
                .containsExactly(tuple("/var/log/nginx/access.log", "combined"));
        assertThat(c.accessLogsFor(c.selectLocation(app, "/").orElseThrow()))
                .extracting(AccessLog::path).containsExactly("/var/log/nginx/access.log");
    }

    @Test
    void locationWithAccessLogs_usesOnlyItsOwn() throws Exception {
        NginxConfig c = parse(CONF);
        ServerBlock app = c.selectServer(80, "app.example.com").orElseThrow();

        assertThat(c.accessLogsFor(c.selectLocation(app, "/ws/chat").orElseThrow()))
                .extracting(AccessLog::path, AccessLog::formatName)
                .containsExactly(tuple("/var/log/nginx/ws.log", "ws"), tuple("syslog:server=10.0.0.1", "ws"));
    }

    @Test
    void accessLogOff_isReturnedAlone() throws Exception {
        NginxConfig c = parse(CONF);
        ServerBlock app = c.selectServer(80, "app.example.com").orElseThrow();

        assertThat(c.accessLogsFor(c.selectLocation(app, "/health").orElseThrow()))
                .singleElement().satisfies(a -> assertThat(a.isOff()).isTrue());
    }

    @Test
    void serverLevelAccessLog_appliesToItsLocationsPerServer() throws Exception {
        NginxConfig c = parse(CONF);
        ServerBlock api = c.selectServer(80, "api.example.com").orElseThrow();

        assertThat(c.accessLogsFor(c.selectLocation(api, "/ws").orElseThrow()))
                .extracting(AccessLog::formatName).containsExactly("ws");
    }

    @Test
    void noAccessLogAnywhere_meansNginxsCompiledInDefault() throws Exception {
        NginxConfig c = parse("http { server { listen 80; } }");

        assertThat(c.accessLogsFor(c.servers().get(0))).isEmpty();
    }

    @Test
    void accessLogNamingAnUndefinedFormat_isAnError() {
        NginxConfException e = catchThrowableOfType(NginxConfException.class,
                () -> parse("http {\n  server {\n    access_log /x.log main;\n  }\n}"));

        assertThat(e).hasMessage("test.conf:3:5: unknown log format \"main\"");
        assertThat(e.token()).isEqualTo("main");
    }

    @Test
    void errorLogs_haveLevelsDefaultingToError() throws Exception {
        NginxConfig c = parse(CONF + "stream { error_log /var/log/nginx/stream.log; }\n"
                + "events { } error_log stderr debug_http debug_core;");

        assertThat(c.errorLogs()).extracting(ErrorLog::path, ErrorLog::level, e -> e.context().toString()).containsExactly(
                tuple("/var/log/nginx/error.log", ErrorLevel.WARN, "main"),
                tuple("/var/log/nginx/api.error.log", ErrorLevel.INFO, "http > server"),
                tuple("/var/log/nginx/stream.log", ErrorLevel.ERROR, "stream"),
                tuple("stderr", ErrorLevel.DEBUG, "main"));
    }

    @Test
    void errorLogLevel_tellsWhetherInfoLinesAreWritten() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.errorLogs().get(0).records(ErrorLevel.INFO)).isFalse();
        assertThat(c.errorLogs().get(0).records(ErrorLevel.ERROR)).isTrue();
        assertThat(c.errorLogs().get(1).records(ErrorLevel.INFO)).isTrue();
    }

    @Test
    void effectiveErrorLog_fallsBackToTheMainContext() throws Exception {
        NginxConfig c = parse(CONF);
        ServerBlock app = c.selectServer(80, "app.example.com").orElseThrow();
        ServerBlock api = c.selectServer(80, "api.example.com").orElseThrow();

        assertThat(c.effective("error_log", c.selectLocation(app, "/ws").orElseThrow()).orElseThrow().args())
                .containsExactly("/var/log/nginx/error.log", "warn");
        assertThat(c.effective("error_log", api).orElseThrow().args()).containsExactly("/var/log/nginx/api.error.log", "info");
    }

    @Test
    void invalidErrorLogLevel_isAnError() {
        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> parse("error_log /x verbose;"));

        assertThat(e).hasMessage("test.conf:1:1: invalid log level \"verbose\"");
    }
}
