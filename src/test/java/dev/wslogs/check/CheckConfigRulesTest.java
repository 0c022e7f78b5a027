package dev.wslogs.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.nginxconf.NginxConfigReader;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each rule on a small configuration written for it, with the line it must cite. */
class CheckConfigRulesTest {
    private static final String MAP = """
            map $http_upgrade $connection_upgrade {
                default upgrade;
                ''      close;
            }
            """;

    private static List<Finding> check(String http, CheckOptions options) throws Exception {
        String text = "http {\n" + http + "}\n";
        return new ConfigChecker(NginxConfigReader.parse(text, "t.conf"), options).check().findings();
    }

    private static List<Finding> check(String http) throws Exception {
        return check(http, CheckOptions.DEFAULTS);
    }

    private static String server(String locations) {
        return MAP + "server {\n    listen 8080;\n" + locations + "}\n";
    }

    @Test
    void nestedProxySetHeader_dropsInheritedUpgradeHeaders() throws Exception {
        List<Finding> f = check(MAP + """
                server {
                    listen 8080;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_read_timeout 1h;
                    location /ws {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_set_header Host $host;
                    }
                }
                """);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("missing-upgrade-headers");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.where().line()).isEqualTo(14);
            assertThat(x.message()).contains("none of the enclosing level's are inherited").contains("t.conf:9");
        });
    }

    @Test
    void connectionVariableWithoutMap_isAnError() throws Exception {
        List<Finding> f = check("""
                server {
                    location /ws {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 1h;
                    }
                }
                """);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("missing-upgrade-headers");
            assertThat(x.where().line()).isEqualTo(7);
            assertThat(x.message()).contains("no map defines");
        });
    }

    @Test
    void mapWithoutEmptyEntry_sendsUpgradeOnPlainRequests() throws Exception {
        List<Finding> f = check("""
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                }
                server {
                    location /ws {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 1h;
                    }
                }
                """);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("connection-header");
            assertThat(x.where().line()).isEqualTo(2);
        });
    }

    @Test
    void hardcodedConnectionOnCatchAll_isAWarning_andOnAWsPathNothing() throws Exception {
        List<Finding> f = check(server("""
                    location / {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_read_timeout 1h;
                    }
                    location /ws {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_read_timeout 1h;
                    }
                """));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("connection-header");
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.context()).endsWith("location /");
        });
    }

    @Test
    void readTimeout_comparedWithTheExpectedIdleTime() throws Exception {
        String conf = server("""
                    location /ws {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 300s;
                        proxy_send_timeout 10s;
                    }
                """);
        assertThat(check(conf)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("proxy-read-timeout");
            assertThat(x.severity()).isEqualTo(Severity.NOTE);
            assertThat(x.message()).startsWith("proxy_send_timeout 10s");
        });
        List<Finding> longIdle = check(conf, new CheckOptions(600_000, List.of(), 1_000_000));
        assertThat(longIdle).filteredOn(x -> x.severity() == Severity.WARNING).singleElement()
                .satisfies(x -> assertThat(x.where().line()).isEqualTo(13));
    }

    @Test
    void knownWsPath_makesAnUnnamedLocationChecked() throws Exception {
        String conf = server("""
                    location /app/ {
                        proxy_pass http://127.0.0.1:3000;
                    }
                """);
        assertThat(check(conf)).isEmpty();
        List<Finding> f = check(conf, CheckOptions.DEFAULTS.withWsPaths(List.of("/app/cable")));
        assertThat(f).extracting(Finding::ruleId).contains("missing-upgrade-headers", "proxy-read-timeout");
    }

    @Test
    void httpsBackendWithVerifyOnButNoCa_isAnError() throws Exception {
        List<Finding> f = check(MAP + """
                upstream secure_ws { server 127.0.0.1:3443; }
                server {
                    location /ws {
                        proxy_pass https://secure_ws;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 1h;
                        proxy_ssl_verify on;
                    }
                }
                """);
        assertThat(f).extracting(Finding::ruleId, Finding::severity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("tls", Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("tls", Severity.WARNING));
    }

    @Test
    void longPollingBodyLimit_belowTheTransportDefault() throws Exception {
        List<Finding> f = check(server("""
                    location /socket.io/ {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 1h;
                        client_max_body_size 64k;
                    }
                """));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.ruleId()).isEqualTo("message-too-large"));
    }

    @Test
    void streamingPathWithBufferingOff_isClean() throws Exception {
        assertThat(check(server("""
                    location /events {
                        proxy_pass http://127.0.0.1:3000;
                        proxy_buffering off;
                    }
                """))).isEmpty();
    }

    @Test
    void plainProxyLocations_areNotChecked() throws Exception {
        assertThat(check(server("""
                    location /api/ {
                        proxy_pass http://127.0.0.1:3000;
                    }
                """))).isEmpty();
    }
}
