package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NginxServerSelectionTest {

    /** Each server says who it is in an {@code set $id} directive. */
    static final String NAMES = """
            http {
                server { listen 80; server_name first;                      set $id first; }
                server { listen 80; server_name example.com www.example.com; set $id exact; }
                server { listen 80; server_name *.example.com;              set $id star-short; }
                server { listen 80; server_name *.api.example.com;          set $id star-long; }
                server { listen 80; server_name .example.org;               set $id dot-org; }
                server { listen 80; server_name mail.*;                     set $id tail-short; }
                server { listen 80; server_name mail.example.*;             set $id tail-long; }
                server { listen 80; server_name ~^ws\\d+\\.example\\.net$;   set $id regex-1; }
                server { listen 80; server_name ~^(?<sub>[a-z_]+)\\.example\\.net$; set $id regex-2; }
                server { listen 80; server_name ~^CASE\\.example\\.io$;      set $id regex-caseless; }
                server { listen 80; server_name ~^lower\\.example\\.io$;     set $id regex-cased; }
                server { listen 80 default_server; server_name _;           set $id default; }
                server { listen 8080;                                        set $id other-port; }
            }
            """;

    private static String id(ServerBlock s) {
        return s.directive().child("set").orElseThrow().args().get(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "example.com, exact",
            "WWW.Example.COM, exact",
            "example.com:8443, exact",
            "example.com., exact",
            "a.example.com, star-short",
            "a.b.example.com, star-short",
            "x.api.example.com, star-long",
            "api.example.com, star-short",
            "example.org, dot-org",
            "deep.sub.example.org, dot-org",
            "mail.example.com, star-short",
            "mail.example.net, tail-long",
            "mail.example.co.uk, tail-long",
            "mail.other.net, tail-short",
            "ws12.example.net, regex-1",
            "ws12.example.net:80, regex-1",
            "chat_room.example.net, regex-2",
            "case.example.io, regex-caseless",
            "lower.example.io, regex-cased",
            "nothing.invalid, default",
            "mail, default",
            "'', default",
    })
    void host_selectsTheServerNginxWould(String host, String expected) throws Exception {
        NginxConfig c = parse(NAMES);

        assertThat(id(c.selectServer(80, host).orElseThrow())).isEqualTo(expected);
    }

    @Test
    void regexNames_areTriedInConfigurationOrder() throws Exception {
        NginxConfig c = parse("""
                http {
                    server { listen 80; server_name ~^ws; set $id a; }
                    server { listen 80; server_name ~\\.example\\.com$; set $id b; }
                }
                """);

        assertThat(id(c.selectServer(80, "ws.example.com").orElseThrow())).isEqualTo("a");
        assertThat(id(c.selectServer(80, "api.example.com").orElseThrow())).isEqualTo("b");
    }

    @Test
    void regexName_isUnanchored() throws Exception {
        NginxConfig c = parse("http { server { listen 80; set $id d; } server { listen 80; server_name ~example; set $id r; } }");

        assertThat(id(c.selectServer(80, "www.example.com.au").orElseThrow())).isEqualTo("r");
    }

    @Test
    void withoutDefaultServer_theFirstServerOnThePortIsTheDefault() throws Exception {
        NginxConfig c = parse("""
                http {
                    server { listen 8080; server_name a; set $id a; }
                    server { listen 80; server_name b; set $id b; }
                    server { listen 80; server_name c; set $id c; }
                }
                """);

        assertThat(id(c.selectServer(80, "unknown").orElseThrow())).isEqualTo("b");
    }

    @Test
    void duplicateName_belongsToTheFirstServer() throws Exception {
        NginxConfig c = parse("http { server { server_name dup; set $id 1; } server { server_name dup; set $id 2; } }");

        assertThat(id(c.selectServer(80, "dup").orElseThrow())).isEqualTo("1");
    }

    @Test
    void emptyHost_matchesAServerWithoutServerNameBeforeTheDefault() throws Exception {
        NginxConfig c = parse("""
                http {
                    server { listen 80 default_server; server_name a; set $id a; }
                    server { listen 80; set $id noname; }
                }
                """);

        assertThat(id(c.selectServer(80, "").orElseThrow())).isEqualTo("noname");
        assertThat(id(c.selectServer(80, "zzz").orElseThrow())).isEqualTo("a");
    }

    @Test
    void serverWithoutListen_listensOnPort80() throws Exception {
        NginxConfig c = parse("http { server { server_name implicit; } }");

        ServerBlock s = c.selectServer(80, "implicit").orElseThrow();
        assertThat(s.listens()).isEmpty();
        assertThat(s.effectiveListens()).singleElement().satisfies(l -> {
            assertThat(l.address()).isEqualTo("*");
            assertThat(l.port()).isEqualTo(80);
        });
    }

    @Test
    void portWithoutServers_selectsNothing() throws Exception {
        assertThat(parse(NAMES).selectServer(9999, "example.com")).isEmpty();
    }

    @Test
    void otherPort_hasItsOwnCandidates() throws Exception {
        NginxConfig c = parse(NAMES);

        assertThat(id(c.selectServer(8080, "example.com").orElseThrow())).isEqualTo("other-port");
    }

    @Test
    void specificAddressListen_hidesWildcardServersForThatAddress() throws Exception {
        NginxConfig c = parse("""
                http {
                    server { listen 80; server_name ws.example.com; set $id wildcard; }
                    server { listen 127.0.0.1:80; server_name local; set $id local; }
                    server { listen 10.0.0.5:80 default_server; server_name other; set $id ten; }
                }
                """);

        assertThat(id(c.selectServer("127.0.0.1", 80, "ws.example.com").orElseThrow())).isEqualTo("local");
        assertThat(id(c.selectServer("192.168.1.9", 80, "ws.example.com").orElseThrow())).isEqualTo("wildcard");
        assertThat(id(c.selectServer("10.0.0.5", 80, "local").orElseThrow())).isEqualTo("ten");
        assertThat(id(c.selectServer(80, "ws.example.com").orElseThrow())).isEqualTo("wildcard");
        assertThat(id(c.selectServer(80, "nomatch").orElseThrow())).isEqualTo("ten");
    }

    @Test
    void ipv6Connections_useTheIpv6Wildcard() throws Exception {
        NginxConfig c = parse("""
                http {
                    server { listen 80; set $id v4; }
                    server { listen [::]:80; set $id v6; }
                    server { listen [::1]:80; set $id v6-local; }
                }
                """);

        assertThat(id(c.selectServer("2001:db8::1", 80, "x").orElseThrow())).isEqualTo("v6");
        assertThat(id(c.selectServer("::1", 80, "x").orElseThrow())).isEqualTo("v6-local");
        assertThat(id(c.selectServer("192.0.2.1", 80, "x").orElseThrow())).isEqualTo("v4");
    }

    @Test
    void listenDirectives_areParsedIntoAddressPortAndFlags() throws Exception {
        NginxConfig c = parse("""
                http { server {
                    listen 443 ssl http2 default_server;
                    listen [::]:443 ssl;
                    listen 127.0.0.1;
                    listen 0.0.0.0:8080 default backlog=511;
                    listen localhost:8443;
                    listen unix:/run/nginx.sock;
                    ssl_certificate /etc/ssl/certs/fullchain.pem;
                } }
                """);

        ServerBlock s = c.servers().get(0);
        assertThat(s.listens()).extracting(Listen::toString).containsExactly(
                "*:443 ssl http2 default_server", "[::]:443 ssl", "127.0.0.1:80", "*:8080 default backlog=511",
                "localhost:8443", "unix:/run/nginx.sock");
        Listen first = s.listens().get(0);
        assertThat(first.ssl()).isTrue();
        assertThat(first.http2()).isTrue();
        assertThat(first.defaultServer()).isTrue();
        assertThat(s.listens().get(3).defaultServer()).isTrue();
        assertThat(s.listens().get(5).isUnixSocket()).isTrue();
        assertThat(s.listensWithSsl()).isTrue();
        assertThat(s.sslCertificate().orElseThrow().args()).containsExactly("/etc/ssl/certs/fullchain.pem");
    }

    @Test
    void sslCertificateAtHttpLevel_countsForTheServer() throws Exception {
        NginxConfig c = parse("http { ssl_certificate /c.pem; server { listen 443 ssl; } server { listen 80; ssl_certificate /s.pem; } }");

        assertThat(c.servers().get(0).sslCertificate().orElseThrow().args()).containsExactly("/c.pem");
        assertThat(c.servers().get(1).sslCertificate().orElseThrow().args()).containsExactly("/s.pem");
        assertThat(parse("http { server { listen 443 ssl; } }").servers().get(0).sslCertificate()).isEmpty();
    }

    @Test
    void invalidListenPort_isAnError() {
        NginxConfException e = org.assertj.core.api.Assertions.catchThrowableOfType(NginxConfException.class,
                () -> parse("http { server { listen 127.0.0.1:http; } }"));

        assertThat(e).hasMessage("test.conf:1:17: invalid port in \"127.0.0.1:http\" of the \"listen\" directive");
    }

    @Test
    void serverNames_areClassified() throws Exception {
        NginxConfig c = parse("http { server { server_name a.com *.b.com .c.com d.* ~^e$ \"\" _; } }");

        assertThat(c.servers().get(0).names()).extracting(ServerName::kind).containsExactly(
                ServerName.Kind.EXACT, ServerName.Kind.WILDCARD_START, ServerName.Kind.WILDCARD_START,
                ServerName.Kind.WILDCARD_END, ServerName.Kind.REGEX, ServerName.Kind.EXACT, ServerName.Kind.EXACT);
        assertThat(c.servers().get(0).primaryName()).isEqualTo("a.com");
    }
}
