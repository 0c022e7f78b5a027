package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class NginxMapTest {

    private static final String CONF = """
            http {
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }
                map $request_uri $loggable {
                    ~^/health 0;
                    ~*\\.(PNG|css)$ 0;
                    \\default literal;
                    default 1;
                }
                map $http_host $backend_pool {
                    hostnames;
                    .example.com  main;
                    *.ws.example.com ws;
                }
                map $uri $no_default { /a 1; }
            }
            """;

    @Test
    void websocketConnectionMap_isFoundByItsTargetVariable() throws Exception {
        NginxConfig c = parse(CONF);

        MapBlock m = c.map("$connection_upgrade").orElseThrow();
        assertThat(c.map("connection_upgrade")).contains(m);
        assertThat(m.source()).isEqualTo("$http_upgrade");
        assertThat(m.defaultValue()).isEqualTo("upgrade");
        assertThat(m.entries()).extracting(MapEntry::key, MapEntry::value).containsExactly(tuple("", "close"));
        assertThat(m.entry("")).map(MapEntry::where).contains(new SourceRef("test.conf", 4, 9));
        assertThat(m.where()).isEqualTo(new SourceRef("test.conf", 2, 5));
    }

    @Test
    void connectionMap_givesUpgradeForWebSocketAndCloseWithoutUpgradeHeader() throws Exception {
        NginxConfig c = parse(CONF);
        MapBlock m = c.map("$connection_upgrade").orElseThrow();

        assertThat(c.mapValue(m, "websocket")).isEqualTo("upgrade");
        assertThat(c.mapValue(m, "")).isEqualTo("close");
    }

    @Test
    void mapValue_triesStringsIgnoringCaseThenRegexesInOrderThenDefault() throws Exception {
        NginxConfig c = parse(CONF);
        MapBlock m = c.map("$loggable").orElseThrow();

        assertThat(c.mapValue(m, "/health/live")).isEqualTo("0");
        assertThat(c.mapValue(m, "/img/a.png")).isEqualTo("0");
        assertThat(c.mapValue(m, "/ws")).isEqualTo("1");
        assertThat(c.mapValue(m, "DEFAULT")).isEqualTo("literal");
        assertThat(m.entries()).extracting(MapEntry::isRegex).containsExactly(true, true, false);
        assertThat(m.entries().get(2).literal()).isEqualTo("default");
    }

    @Test
    void hostnamesFlagAndMissingDefault_areReported() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.map("$backend_pool").orElseThrow().hostnames()).isTrue();
        assertThat(c.map("$loggable").orElseThrow().hostnames()).isFalse();
        MapBlock noDefault = c.map("$no_default").orElseThrow();
        assertThat(noDefault.defaultValue()).isEmpty();
        assertThat(c.mapValue(noDefault, "/b")).isEmpty();
    }

    @Test
    void undefinedVariable_hasNoMap() throws Exception {
        assertThat(parse(CONF).map("$http_connection")).isEmpty();
    }

    @Test
    void mapEntryWithTwoValues_isAnError() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(NginxConfException.class,
                () -> parse("http { map $a $b {\n  x 1 2;\n} }")))
                .hasMessage("test.conf:2:3: invalid number of the map parameters");
    }
}
