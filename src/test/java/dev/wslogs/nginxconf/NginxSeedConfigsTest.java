package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket configurations of the troubleshooting guide (shared/SEED.md), each answering the
 * questions the diagnosis engine asks: which server and location a WebSocket request lands in and
 * what is in effect there.
 */
class NginxSeedConfigsTest {

    /** What the diagnosis engine reads for a request, with the location it landed in. */
    private record Effective(NginxConfig config, ServerBlock server, Location location) {

        static Effective of(String conf, int port, String host, String uri) throws NginxConfException {
            NginxConfig c = parse(conf);
            ServerBlock s = c.selectServer(port, host).orElseThrow();
            return new Effective(c, s, c.selectLocation(s, uri).orElseThrow());
        }

        Optional<String> value(String directive) {
            return config.effective(directive, location).map(d -> String.join(" ", d.args()));
        }

        List<String> headers() {
            return config.effectiveAll("proxy_set_header", location).stream().map(d -> String.join(" ", d.args())).toList();
        }

        Optional<Upstream> upstream() {
            return config.effective("proxy_pass", location).flatMap(d -> config.resolveUpstream(d.args().get(0)));
        }
    }

    private static String server(String body) {
        return "http {\n  server {\n    listen 80;\n    server_name example.com;\n" + body + "\n  }\n}\n";
    }

    @Test
    void cause1_missingUpgradeHeaders_hasNoHeadersAndHttp10() throws Exception {
        Effective e = Effective.of(server("""
                location /ws {
                proxy_pass http://backend:8080;
                }
                """), 80, "example.com", "/ws");

        assertThat(e.headers()).isEmpty();
        assertThat(e.value("proxy_http_version")).isEmpty();
        assertThat(e.value("proxy_pass")).hasValue("http://backend:8080");
        assertThat(e.upstream()).isEmpty();
    }

    @Test
    void cause1_fixed_sendsUpgradeAndConnectionOverHttp11() throws Exception {
        Effective e = Effective.of(server("""
                location /ws {
                proxy_pass http://backend:8080;
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                }
                """), 80, "example.com", "/ws/socket");

        assertThat(e.headers()).containsExactly("Upgrade $http_upgrade", "Connection upgrade");
        assertThat(e.value("proxy_http_version")).hasValue("1.1");
    }

    @Test
    void cause1_socketIo_keepsAllFourHeaders() throws Exception {
        Effective e = Effective.of(server("""
                location /socket.io/ {
                proxy_pass http://backend:8080;
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                proxy_set_header Host $host;
                proxy_set_header X-Real-IP $remote_addr;
                }
                """), 80, "example.com", RequestPath.normalize("/socket.io/?EIO=4&transport=websocket").orElseThrow());

        assertThat(e.headers()).containsExactly("Upgrade $http_upgrade", "Connection upgrade", "Host $host",
                "X-Real-IP $remote_addr");
        assertThat(e.config().matchLocation(e.server(), "/socket.io").kind()).isEqualTo(LocationMatch.Kind.AUTO_REDIRECT);
    }

    @Test
    void cause2_mapApproach_definesConnectionUpgradeAndUsesIt() throws Exception {
        String conf = """
                http {
                # In http block (outside server)
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                server { location /ws { proxy_pass http://backend:8080; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; } }
                }
                """;
        Effective e = Effective.of(conf, 80, "anything", "/ws");

        assertThat(e.headers()).contains("Connection $connection_upgrade");
        MapBlock m = e.config().map("$connection_upgrade").orElseThrow();
        assertThat(e.config().mapValue(m, "websocket")).isEqualTo("upgrade");
        assertThat(e.config().mapValue(m, "")).isEqualTo("close");
    }

    @Test
    void cause3_defaultTimeout_isAbsentSoNginxs60sApplies() throws Exception {
        Effective e = Effective.of(server("""
                location /ws {
                proxy_pass http://backend:8080;
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                # Default proxy_read_timeout is 60s - connection dies
                }
                """), 80, "example.com", "/ws");

        assertThat(e.value("proxy_read_timeout")).isEmpty();
    }

    @Test
    void cause3And5_fixed_hasLongTimeoutsAndNoBuffering() throws Exception {
        Effective e = Effective.of(server("""
                location /ws { proxy_pass http://backend:8080; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade";
                # Long timeout for persistent connections proxy_read_timeout 3600s; proxy_send_timeout 3600s;
                proxy_read_timeout 3600s; proxy_send_timeout 3600s;
                # Disable buffering for real-time
                proxy_buffering off; proxy_cache off; }
                """), 80, "example.com", "/ws");

        assertThat(e.value("proxy_read_timeout")).hasValue("3600s");
        assertThat(e.value("proxy_send_timeout")).hasValue("3600s");
        assertThat(e.value("proxy_buffering")).hasValue("off");
        assertThat(e.value("proxy_cache")).hasValue("off");
    }

    @Test
    void cause4_wss_terminatesTlsAndProxiesToPlainHttp() throws Exception {
        String conf = """
                http {
                server { listen 443 ssl; server_name example.com;
                ssl_certificate /etc/ssl/certs/fullchain.pem; ssl_certificate_key /etc/ssl/certs/privkey.pem;
                location /ws { proxy_pass http://backend:8080; # http, not https
                proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; proxy_set_header Host $host; proxy_set_header X-Real-IP $remote_addr; proxy_set_header X-Forwarded-Proto https; # Tell backend it's https
                } }
                server { listen 80; server_name example.com; location /ws { proxy_pass https://backend:8443; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade";
                # Trust backend's certificate (if self-signed)
                proxy_ssl_verify off; } }
                }
                """;
        Effective tls = Effective.of(conf, 443, "example.com", "/ws");
        Effective toTlsBackend = Effective.of(conf, 80, "example.com", "/ws");

        assertThat(tls.server().listensWithSsl()).isTrue();
        assertThat(tls.server().sslCertificate()).isPresent();
        assertThat(tls.value("proxy_pass")).hasValue("http://backend:8080");
        assertThat(tls.headers()).contains("X-Forwarded-Proto https");
        assertThat(toTlsBackend.server().listensWithSsl()).isFalse();
        assertThat(ProxyTarget.parse(toTlsBackend.value("proxy_pass").orElseThrow()).scheme()).isEqualTo("https");
        assertThat(toTlsBackend.value("proxy_ssl_verify")).hasValue("off");
    }

    @Test
    void cause6_largeMessages_raiseClientMaxBodySize() throws Exception {
        Effective e = Effective.of(server("""
                location /ws { proxy_pass http://backend:8080; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade";
                # Large message support client_max_body_size 100m; proxy_read_timeout 3600s;
                client_max_body_size 100m; proxy_read_timeout 3600s; }
                """), 80, "example.com", "/ws");

        assertThat(e.value("client_max_body_size")).hasValue("100m");
    }

    @Test
    void cause8_roundRobinUpstream_hasNoAffinityAndIpHashOrConsistentHashHave() throws Exception {
        String problem = "http { upstream backend { server backend1:8080; server backend2:8080; }\n"
                + "server { location /ws { proxy_pass http://backend; # Requests go to random backend - WebSocket state lost\n} } }";
        String ipHash = "http { upstream backend { ip_hash; server backend1:8080; server backend2:8080; }\n"
                + "server { location /ws { proxy_pass http://backend; proxy_http_version 1.1;"
                + " proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection \"upgrade\"; } } }";
        String consistent = "http { upstream backend {\nhash $remote_addr consistent;\nserver backend1:8080;\nserver backend2:8080;\n}\n"
                + "server { location /ws { proxy_pass http://backend; } } }";

        assertThat(Effective.of(problem, 80, "x", "/ws").upstream().orElseThrow().balancing()).isEqualTo(BalancingMethod.ROUND_ROBIN);
        assertThat(Effective.of(ipHash, 80, "x", "/ws").upstream().orElseThrow().balancing()).isEqualTo(BalancingMethod.IP_HASH);
        Upstream hashed = Effective.of(consistent, 80, "x", "/ws").upstream().orElseThrow();
        assertThat(hashed.balancing()).isEqualTo(BalancingMethod.HASH);
        assertThat(hashed.consistentHash()).isTrue();
        assertThat(hashed.servers()).hasSize(2);
    }

    @Test
    void completeWorkingConfiguration_isFullyWebSocketReady() throws Exception {
        String conf = """
                http {
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }

                upstream websocket_backend { ip_hash; server 127.0.0.1:8080; keepalive 32; }

                server { listen 80; server_name example.com;

                location /ws { proxy_pass http://websocket_backend; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; proxy_set_header Host $host; proxy_set_header X-Real-IP $remote_addr; proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto $scheme;

                proxy_read_timeout 3600s; proxy_send_timeout 3600s; proxy_buffering off; } }
                }
                """;
        Effective e = Effective.of(conf, 80, "example.com", "/ws");

        assertThat(e.headers()).hasSize(6).startsWith("Upgrade $http_upgrade", "Connection $connection_upgrade");
        assertThat(e.value("proxy_http_version")).hasValue("1.1");
        assertThat(e.value("proxy_read_timeout")).hasValue("3600s");
        assertThat(e.value("proxy_buffering")).hasValue("off");
        Upstream up = e.upstream().orElseThrow();
        assertThat(up.name()).isEqualTo("websocket_backend");
        assertThat(up.balancing()).isEqualTo(BalancingMethod.IP_HASH);
        assertThat(up.keepalive()).hasValue(32);
        assertThat(e.config().map("$connection_upgrade")).isPresent();
        assertThat(e.config().effective("proxy_read_timeout", e.location()).orElseThrow().where())
                .isEqualTo(new SourceRef("test.conf", 10, 1));
    }

    @Test
    void locationAddingItsOwnHeader_underServerLevelWebSocketHeaders_silentlyLosesThem() throws Exception {
        String conf = server("""
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection $connection_upgrade;
                location /ws { proxy_pass http://backend:8080; }
                location /ws/admin { proxy_pass http://backend:8080; proxy_set_header X-Admin 1; }
                """).replace("http {", "http {\nmap $http_upgrade $connection_upgrade { default upgrade; '' close; }");

        assertThat(Effective.of(conf, 80, "example.com", "/ws/chat").headers())
                .containsExactly("Upgrade $http_upgrade", "Connection $connection_upgrade");
        assertThat(Effective.of(conf, 80, "example.com", "/ws/admin/x").headers()).containsExactly("X-Admin 1");
        assertThat(Effective.of(conf, 80, "example.com", "/ws/admin/x").value("proxy_http_version")).hasValue("1.1");
    }
}
