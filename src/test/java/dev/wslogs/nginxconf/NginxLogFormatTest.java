package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class NginxLogFormatTest {

    @Test
    void predefinedCombined_isAlwaysPresentWithNginxsTemplate() throws Exception {
        NginxConfig c = parse("http { }");

        LogFormat combined = c.logFormat("combined").orElseThrow();
        assertThat(combined.template()).isEqualTo("$remote_addr - $remote_user [$time_local] \"$request\" $status"
                + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\"");
        assertThat(combined.escape()).isEqualTo(LogEscape.DEFAULT);
        assertThat(combined.isBuiltin()).isTrue();
        assertThat(c.logFormats()).containsExactly(LogFormat.COMBINED);
    }

    @Test
    void multiPartFormat_isConcatenatedWithoutSeparators() throws Exception {
        NginxConfig c = parse("""
                http {
                    log_format main '$remote_addr - $remote_user [$time_local] "$request" '
                                    '$status $body_bytes_sent "$http_referer" '
                                    '"$http_user_agent" rt=$request_time uct="$upstream_connect_time"';
                }
                """);

        LogFormat main = c.logFormat("main").orElseThrow();
        assertThat(main.template()).isEqualTo("$remote_addr - $remote_user [$time_local] \"$request\" $status"
                + " $body_bytes_sent \"$http_referer\" \"$http_user_agent\" rt=$request_time"
                + " uct=\"$upstream_connect_time\"");
        assertThat(main.where()).isEqualTo(new SourceRef("test.conf", 2, 5));
        assertThat(c.http().orElseThrow().children().get(0).args()).hasSize(4);
    }

    @Test
    void escapeJson_isReadAndNotPartOfTheTemplate() throws Exception {
        NginxConfig c = parse("""
                http {
                    log_format ws escape=json
                        '{"ts":"$time_iso8601","conn":"$connection","pid":"$pid",'
                        '"upgrade":"$http_upgrade","rt":$request_time}';
                }
                """);

        LogFormat ws = c.logFormat("ws").orElseThrow();
        assertThat(ws.escape()).isEqualTo(LogEscape.JSON);
        assertThat(ws.template()).isEqualTo("{\"ts\":\"$time_iso8601\",\"conn\":\"$connection\",\"pid\":\"$pid\","
                + "\"upgrade\":\"$http_upgrade\",\"rt\":$request_time}");
    }

    @Test
    void escapeNoneAndDefault_areRead() throws Exception {
        NginxConfig c = parse("http { log_format a escape=none '$request'; log_format b escape=default \"$status\"; }");

        assertThat(c.logFormat("a").orElseThrow().escape()).isEqualTo(LogEscape.NONE);
        assertThat(c.logFormat("b").orElseThrow().escape()).isEqualTo(LogEscape.DEFAULT);
        assertThat(c.logFormat("b").orElseThrow().template()).isEqualTo("$status");
    }

    @Test
    void singleArgumentStartingWithEscape_isTheTemplateItself() throws Exception {
        NginxConfig c = parse("http { log_format odd escape=json; }");

        assertThat(c.logFormat("odd").orElseThrow().template()).isEqualTo("escape=json");
        assertThat(c.logFormat("odd").orElseThrow().escape()).isEqualTo(LogEscape.DEFAULT);
    }

    @Test
    void bracedVariablesAndEscapedQuotes_areKept() throws Exception {
        NginxConfig c = parse("http { log_format b '${remote_addr}x \\'$status\\' \"$host\"'; }");

        assertThat(c.logFormat("b").orElseThrow().template()).isEqualTo("${remote_addr}x '$status' \"$host\"");
    }

    @Test
    void formatsListedInConfigurationOrderAfterCombined() throws Exception {
        NginxConfig c = parse("http { log_format z '1'; log_format a '2'; }");

        assertThat(c.logFormats()).extracting(LogFormat::name).containsExactly("combined", "z", "a");
    }

    @Test
    void unknownEscape_isAnError() {
        NginxConfException e = catchThrowableOfType(NginxConfException.class,
                () -> parse("http {\n  log_format a escape=xml '$status';\n}"));

        assertThat(e).hasMessage("test.conf:2:3: unknown log format escaping \"xml\"");
        assertThat(e.token()).isEqualTo("escape=xml");
    }

    @Test
    void redefiningAFormat_isAnErrorAsInNginx() {
        NginxConfException e = catchThrowableOfType(NginxConfException.class,
                () -> parse("http { log_format combined '$status'; }"));

        assertThat(e).hasMessage("test.conf:1:8: duplicate \"log_format\" name \"combined\"");
    }

    @Test
    void streamLogFormat_isNotAnHttpFormat() throws Exception {
        NginxConfig c = parse("stream { log_format tcp '$remote_addr'; }");

        assertThat(c.logFormat("tcp")).isEmpty();
    }
}
