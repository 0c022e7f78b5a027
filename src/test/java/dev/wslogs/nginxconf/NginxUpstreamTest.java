package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NginxUpstreamTest {

    private static final String CONF = """
            http {
                upstream plain { server backend1:8080; server backend2:8080; }
                upstream pinned {
                    ip_hash;
                    server 10.0.0.1:8080 weight=5 max_fails=3 fail_timeout=30s;
                    server 10.0.0.2:8080 down;
                    server unix:/run/app.sock;
                    keepalive 32;
                }
                upstream hashed { hash $remote_addr consistent; server a:1; server b:1 backup; }
                upstream by_uri { hash $request_uri; server a:1; }
                upstream least { least_conn; server a:1; }
                upstream rnd { random two least_conn; server a:1; }
                upstream plus { zone plus 64k; sticky cookie srv_id expires=1h; server a:1; }
                upstream redefined { ip_hash; least_conn; server a:1; }
                upstream Mixed_Case { server a:1; }
            }
            stream { upstream tcp { server 10.0.0.9:5432; } }
            """;

    @Test
    void upstreams_listHttpBlocksInOrder() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.upstreams()).extracting(Upstream::name).containsExactly(
                "plain", "pinned", "hashed", "by_uri", "least", "rnd", "plus", "redefined", "Mixed_Case");
    }

    @Test
    void defaultUpstream_isRoundRobinWithoutKeepalive() throws Exception {
        Upstream plain = parse(CONF).upstream("plain").orElseThrow();

        assertThat(plain.balancing()).isEqualTo(BalancingMethod.ROUND_ROBIN);
        assertThat(plain.balancingDirective()).isEmpty();
        assertThat(plain.sticky()).isEmpty();
        assertThat(plain.keepalive()).isEqualTo(OptionalInt.empty());
        assertThat(plain.servers()).extracting(UpstreamServer::address).containsExactly("backend1:8080", "backend2:8080");
        assertThat(plain.where()).isEqualTo(new SourceRef("test.conf", 2, 5));
    }

    @Test
    void serverParameters_areAvailableByKeyAndFlag() throws Exception {
        Upstream pinned = parse(CONF).upstream("pinned").orElseThrow();

        UpstreamServer first = pinned.servers().get(0);
        assertThat(first.param("weight")).hasValue("5");
        assertThat(first.param("max_fails")).hasValue("3");
        assertThat(first.param("fail_timeout")).hasValue("30s");
        assertThat(first.param("max_conns")).isEmpty();
        assertThat(first.isDown()).isFalse();
        assertThat(pinned.servers().get(1).isDown()).isTrue();
        assertThat(pinned.servers().get(2).address()).isEqualTo("unix:/run/app.sock");
        assertThat(pinned.servers().get(0).where().line()).isEqualTo(5);
        assertThat(pinned.balancing()).isEqualTo(BalancingMethod.IP_HASH);
        assertThat(pinned.keepalive()).hasValue(32);
    }

    @Test
    void hashConsistent_isDistinguishedFromPlainHash() throws Exception {
        NginxConfig c = parse(CONF);

        Upstream hashed = c.upstream("hashed").orElseThrow();
        assertThat(hashed.balancing()).isEqualTo(BalancingMethod.HASH);
        assertThat(hashed.consistentHash()).isTrue();
        assertThat(hashed.balancingDirective().orElseThrow().args()).containsExactly("$remote_addr", "consistent");
        assertThat(hashed.servers().get(1).isBackup()).isTrue();
        assertThat(c.upstream("by_uri").orElseThrow().consistentHash()).isFalse();
    }

    @Test
    void otherMethodsAndSticky_areRecognised() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.upstream("least").orElseThrow().balancing()).isEqualTo(BalancingMethod.LEAST_CONN);
        assertThat(c.upstream("rnd").orElseThrow().balancing()).isEqualTo(BalancingMethod.RANDOM);
        Upstream plus = c.upstream("plus").orElseThrow();
        assertThat(plus.balancing()).isEqualTo(BalancingMethod.ROUND_ROBIN);
        assertThat(plus.sticky().orElseThrow().args()).containsExactly("cookie", "srv_id", "expires=1h");
    }

    @Test
    void redefinedBalancingMethod_lastOneWinsAsInNginx() throws Exception {
        assertThat(parse(CONF).upstream("redefined").orElseThrow().balancing()).isEqualTo(BalancingMethod.LEAST_CONN);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://pinned, pinned",
            "http://pinned/ws/, pinned",
            "https://hashed, hashed",
            "http://PINNED, pinned",
            "http://mixed_case/x, Mixed_Case",
            "http://pinned$request_uri, pinned",
            "http://pinned${request_uri}, pinned",
            "grpc://least, least",
            "least, least",
            "http://pinned:8080, ''",
            "http://127.0.0.1:8080, ''",
            "http://unknown, ''",
            "http://$backend, ''",
            "http://pinned_$region, ''",
            "http://unix:/run/app.sock:/ws, ''",
            "http://tcp, ''",
    })
    void proxyPassUrl_resolvesToTheUpstreamItNames(String url, String expected) throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.resolveUpstream(url).map(Upstream::name).orElse("")).isEqualTo(expected);
    }

    @Test
    void proxyTarget_splitsSchemeHostPortAndUri() {
        ProxyTarget t = ProxyTarget.parse("https://[::1]:8443/ws?x=1");

        assertThat(t.scheme()).isEqualTo("https");
        assertThat(t.host()).isEqualTo("[::1]");
        assertThat(t.port()).hasValue(8443);
        assertThat(t.uri()).isEqualTo("/ws?x=1");
        assertThat(t.hasVariables()).isFalse();
        ProxyTarget unix = ProxyTarget.parse("http://unix:/run/app.sock:/ws");
        assertThat(unix.isUnixSocket()).isTrue();
        assertThat(unix.host()).isEqualTo("unix:/run/app.sock");
        assertThat(unix.uri()).isEqualTo("/ws");
        assertThat(ProxyTarget.parse("http://backend$request_uri").hasVariables()).isTrue();
    }
}
