package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NginxInheritanceTest {

    private static final String CONF = """
            http {
                proxy_read_timeout 120s;
                client_max_body_size 10m;
                add_header X-Frame-Options DENY;
                server {
                    listen 80;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    location /ws {
                        proxy_pass http://backend;
                    }
                    location /ws-foo {
                        proxy_pass http://backend;
                        proxy_set_header X-Foo bar;
                    }
                    location /app/ {
                        proxy_pass http://app;
                        proxy_read_timeout 3600s;
                        add_header X-App 1;
                        location /app/socket {
                            proxy_buffering off;
                        }
                        location /app/inner {
                            if ($http_upgrade) { set $x 1; }
                            return 204;
                        }
                    }
                }
            }
            """;

    private static Location location(NginxConfig c, String uri) {
        return c.selectLocation(c.servers().get(0), uri).orElseThrow();
    }

    @Test
    void locationWithoutProxySetHeader_inheritsTheServersUpgradeAndConnection() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.effectiveAll("proxy_set_header", location(c, "/ws"))).extracting(Directive::args)
                .containsExactly(java.util.List.of("Upgrade", "$http_upgrade"), java.util.List.of("Connection", "upgrade"));
    }

    @Test
    void locationWithItsOwnProxySetHeader_losesTheServersUpgradeAndConnection() throws Exception {
        NginxConfig c = parse(CONF);

        Location foo = location(c, "/ws-foo");

        assertThat(c.effectiveAll("proxy_set_header", foo)).extracting(Directive::text)
                .containsExactly("proxy_set_header X-Foo bar");
        assertThat(c.effectiveAll("proxy_set_header", foo)).singleElement()
                .extracting(Directive::where).isEqualTo(new SourceRef("test.conf", 15, 13));
    }

    @Test
    void simpleDirectives_areInheritedFromTheNearestLevelThatSetsThem() throws Exception {
        NginxConfig c = parse(CONF);

        Location ws = location(c, "/ws");
        Location socket = location(c, "/app/socket");

        assertThat(c.effective("proxy_read_timeout", ws).orElseThrow().args()).containsExactly("120s");
        assertThat(c.effective("proxy_read_timeout", socket).orElseThrow().args()).containsExactly("3600s");
        assertThat(c.effective("proxy_http_version", socket).orElseThrow().where().line()).isEqualTo(7);
        assertThat(c.effective("client_max_body_size", socket).orElseThrow().args()).containsExactly("10m");
        assertThat(c.effective("proxy_buffering", socket).orElseThrow().args()).containsExactly("off");
        assertThat(c.effective("proxy_buffering", ws)).isEmpty();
    }

    @Test
    void addHeader_followsTheArrayRuleToo() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.effectiveAll("add_header", location(c, "/ws"))).extracting(Directive::text)
                .containsExactly("add_header X-Frame-Options DENY");
        assertThat(c.effectiveAll("add_header", location(c, "/app/socket"))).extracting(Directive::text)
                .containsExactly("add_header X-App 1");
    }

    @Test
    void proxyPass_isNotInheritedByNestedLocations() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.effective("proxy_pass", location(c, "/app/"))).isPresent();
        assertThat(c.effective("proxy_pass", location(c, "/app/socket"))).isEmpty();
    }

    @Test
    void proxyPass_isInheritedIntoIfBlocksOfItsLocation() throws Exception {
        NginxConfig c = parse("http { server { location /ws { proxy_pass http://b; if ($http_upgrade = \"\") { return 426; } } } }");
        Location ws = c.servers().get(0).locations().get(0);
        Scope ifScope = ws.scope().enter(ws.directive().child("if").orElseThrow());

        assertThat(c.effective("proxy_pass", ifScope).orElseThrow().args()).containsExactly("http://b");
        assertThat(c.effective("return", ifScope).orElseThrow().args()).containsExactly("426");
        assertThat(c.effective("return", ws)).isEmpty();
    }

    @Test
    void rewriteModuleDirectives_areNotInherited() throws Exception {
        NginxConfig c = parse("http { server { return 301 https://$host$request_uri; location /ws { } } }");

        assertThat(c.effective("return", c.servers().get(0))).isPresent();
        assertThat(c.effective("return", c.servers().get(0).locations().get(0))).isEmpty();
    }

    @Test
    void ifBlocksInsideALocation_doNotChangeTheLocationsOwnSettings() throws Exception {
        NginxConfig c = parse("http { server { location /ws { if ($a) { proxy_read_timeout 5s; } } } }");

        assertThat(c.effective("proxy_read_timeout", c.servers().get(0).locations().get(0))).isEmpty();
    }

    @Test
    void serverContext_inheritsFromHttpOnly() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.effective("client_max_body_size", c.servers().get(0)).orElseThrow().args()).containsExactly("10m");
        assertThat(c.effectiveAll("proxy_set_header", c.servers().get(0))).hasSize(2);
    }

    @Test
    void allowAndDeny_shareOneArray() throws Exception {
        NginxConfig c = parse("http { allow 10.0.0.0/8; deny all; server { deny 10.0.0.66; location / { } } }");
        Location root = c.servers().get(0).locations().get(0);

        assertThat(c.effectiveAll("deny", root)).extracting(Directive::text).containsExactly("deny 10.0.0.66");
        assertThat(c.effectiveAll("allow", root)).isEmpty();
    }

    @Test
    void mainContextDirectives_areTheLastLevel() throws Exception {
        NginxConfig c = parse("error_log /var/log/nginx/error.log info; http { server { location / { } } }");

        assertThat(c.effective("error_log", c.servers().get(0).locations().get(0)).orElseThrow().args())
                .containsExactly("/var/log/nginx/error.log", "info");
    }

    @Test
    void includedDirectives_areInheritedWithTheirOwnFileAndLine() throws Exception {
        String dump = """
                # configuration file /etc/nginx/nginx.conf:
                http {
                    include /etc/nginx/ws-proxy.conf;
                    server { location /ws { proxy_pass http://b; } }
                }

                # configuration file /etc/nginx/ws-proxy.conf:
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection $connection_upgrade;

                """;
        NginxConfig c = NginxConfigReader.parse(dump, "-");

        assertThat(c.effectiveAll("proxy_set_header", c.servers().get(0).locations().get(0)))
                .extracting(d -> d.where().toString())
                .containsExactly("/etc/nginx/ws-proxy.conf:2", "/etc/nginx/ws-proxy.conf:3");
    }
}
