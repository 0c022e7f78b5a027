package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NginxLocationSelectionTest {

    /** Each location names itself with {@code set $id}. */
    static final String CONF = """
            http { server {
                listen 80;
                location = / { set $id exact-root; }
                location / { set $id root; }
                location /ws { set $id ws-prefix; }
                location /ws/chat { set $id chat-prefix; }
                location ^~ /static/ { set $id static-noregex; }
                location ~ \\.(png|css)$ { set $id regex-assets; }
                location ~* \\.PHP$ { set $id regex-php; }
                location ~ ^/ws/ { set $id regex-ws; }
                location = /ws/exact { set $id ws-exact; }
                location /api/ {
                    set $id api;
                    location ~ /v[0-9]+/ { set $id api-nested-regex; }
                    location /api/admin/ {
                        set $id api-admin;
                        location ~ \\.json$ { set $id admin-json; }
                    }
                    location ^~ /api/raw/ { set $id api-raw; }
                }
                location ~ ^/api/ { set $id regex-api; }
                location ~ \\.json$ { set $id regex-json; }
                location @fallback { set $id named; }
            } }
            """;

    private static String id(LocationMatch m) {
        return m.location().map(l -> l.directive().child("set").orElseThrow().args().get(1)).orElse("(none)");
    }

    private static LocationMatch match(String uri) throws Exception {
        NginxConfig c = parse(CONF);
        return c.matchLocation(c.servers().get(0), uri);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "/, exact-root, EXACT",
            "/index.html, root, PREFIX",
            "/ws, ws-prefix, PREFIX",
            "/wsx, ws-prefix, PREFIX",
            "/ws/, regex-ws, REGEX",
            "/ws/chat, regex-ws, REGEX",
            "/ws/exact, ws-exact, EXACT",
            "/ws/exact/more, regex-ws, REGEX",
            "/static/a.png, static-noregex, PREFIX",
            "/img/a.png, regex-assets, REGEX",
            "/img/a.PNG, root, PREFIX",
            "/x/index.php, regex-php, REGEX",
            "/x/index.Php, regex-php, REGEX",
            "/ws/a.css, regex-assets, REGEX",
            "/api/, regex-api, REGEX",
            "/api/admin/, regex-api, REGEX",
            "/api/v2/users, api-nested-regex, REGEX",
            "/api/x.json, regex-api, REGEX",
            "/api/admin/users, regex-api, REGEX",
            "/api/admin/v1/users, api-nested-regex, REGEX",
            "/api/admin/x.json, admin-json, REGEX",
            "/api/raw/x.json, regex-api, REGEX",
            "/API/x, root, PREFIX",
            "/fallback, root, PREFIX",
    })
    void uri_selectsTheLocationNginxWould(String uri, String expected, LocationMatch.Kind kind) throws Exception {
        LocationMatch m = match(uri);

        assertThat(id(m)).isEqualTo(expected);
        assertThat(m.kind()).isEqualTo(kind);
    }

    @Test
    void noMatchingLocation_leavesTheServerConfiguration() throws Exception {
        NginxConfig c = parse("http { server { location /ws { } location ~ \\.php$ { } } }");

        LocationMatch m = c.matchLocation(c.servers().get(0), "/other");

        assertThat(m).isEqualTo(LocationMatch.NONE);
        assertThat(c.selectLocation(c.servers().get(0), "/other")).isEmpty();
    }

    @Test
    void regexLocations_areTriedInConfigurationOrderNotByLength() throws Exception {
        NginxConfig c = parse("http { server { location ~ ws { set $id short; } location ~ ^/ws/chat$ { set $id long; } } }");

        assertThat(id(c.matchLocation(c.servers().get(0), "/ws/chat"))).isEqualTo("short");
    }

    @Test
    void longestPrefix_winsRegardlessOfOrder() throws Exception {
        NginxConfig c = parse("http { server { location /a/b/ { set $id long; } location /a/ { set $id short; } } }");

        assertThat(id(c.matchLocation(c.servers().get(0), "/a/b/c"))).isEqualTo("long");
        assertThat(id(c.matchLocation(c.servers().get(0), "/a/c"))).isEqualTo("short");
    }

    @Test
    void caretTildeOnANestedPrefix_stopsOnlyItsOwnLevelsRegexes() throws Exception {
        NginxConfig c = parse("""
                http { server {
                    location /a/ {
                        set $id a;
                        location ^~ /a/b/ { set $id ab; }
                        location ~ \\.txt$ { set $id nested-txt; }
                    }
                    location ~ \\.txt$ { set $id outer-txt; }
                } }
                """);

        assertThat(id(c.matchLocation(c.servers().get(0), "/a/b/x.txt"))).isEqualTo("outer-txt");
        assertThat(id(c.matchLocation(c.servers().get(0), "/a/x.txt"))).isEqualTo("nested-txt");
    }

    @Test
    void locationsNestedInARegexLocation_areSearchedAfterItMatches() throws Exception {
        NginxConfig c = parse("""
                http { server {
                    location ~ ^/ws {
                        set $id ws;
                        location ~ /chat$ { set $id chat; }
                    }
                } }
                """);

        assertThat(id(c.matchLocation(c.servers().get(0), "/ws/room/chat"))).isEqualTo("chat");
        assertThat(id(c.matchLocation(c.servers().get(0), "/ws/room"))).isEqualTo("ws");
    }

    @Test
    void uriWithoutTrailingSlash_ofAProxyPassLocation_isAnAutoRedirect() throws Exception {
        NginxConfig c = parse("""
                http { server {
                    location / { set $id root; }
                    location /ws/ { set $id ws; proxy_pass http://backend; }
                    location /static/ { set $id static; root /srv; }
                    location ~ ^/ws { set $id regex; }
                } }
                """);
        ServerBlock s = c.servers().get(0);

        LocationMatch ws = c.matchLocation(s, "/ws");
        assertThat(ws.kind()).isEqualTo(LocationMatch.Kind.AUTO_REDIRECT);
        assertThat(id(ws)).isEqualTo("ws");
        assertThat(id(c.matchLocation(s, "/static"))).isEqualTo("root");
        assertThat(id(c.matchLocation(s, "/ws/"))).isEqualTo("regex");
    }

    @Test
    void prefixEqualToTheUri_beatsTheAutoRedirect() throws Exception {
        NginxConfig c = parse("http { server { location /ws { set $id ws; } location /ws/ { set $id slash; proxy_pass http://b; } } }");

        LocationMatch m = c.matchLocation(c.servers().get(0), "/ws");

        assertThat(id(m)).isEqualTo("ws");
        assertThat(m.kind()).isEqualTo(LocationMatch.Kind.PREFIX);
    }

    @Test
    void autoRedirectOfAnExactAndPrefixPair_answersFromTheExactOne() throws Exception {
        NginxConfig c = parse("""
                http { server {
                    location /ws/ { set $id prefix; proxy_pass http://b; }
                    location = /ws/ { set $id exact; }
                } }
                """);

        assertThat(id(c.matchLocation(c.servers().get(0), "/ws"))).isEqualTo("exact");
    }

    @Test
    void locationModifiers_areParsedWithOrWithoutSpace() throws Exception {
        NginxConfig c = parse("""
                http { server {
                    location /a { } location = /b { } location =/c { } location ^~ /d { } location ^~/e { }
                    location ~ f { } location ~g { } location ~* h { } location ~*i { } location @j { }
                } }
                """);

        assertThat(c.servers().get(0).locations()).extracting(Location::modifier, Location::pattern).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocationModifier.PREFIX, "/a"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.EXACT, "/b"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.EXACT, "/c"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.PREFIX_NO_REGEX, "/d"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.PREFIX_NO_REGEX, "/e"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.REGEX, "f"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.REGEX, "g"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.REGEX_CASELESS, "h"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.REGEX_CASELESS, "i"),
                org.assertj.core.groups.Tuple.tuple(LocationModifier.NAMED, "@j"));
    }

    @Test
    void ifBlocksInsideLocations_stayInTheTree() throws Exception {
        NginxConfig c = parse("""
                http { server { location /ws {
                    if ($http_upgrade != "websocket") { return 426; }
                    proxy_pass http://b;
                } } }
                """);

        Location ws = c.servers().get(0).locations().get(0);
        Directive ifBlock = ws.directive().child("if").orElseThrow();
        assertThat(ifBlock.args()).containsExactly("($http_upgrade", "!=", "websocket", ")");
        assertThat(ifBlock.children()).extracting(Directive::text).containsExactly("return 426");
        assertThat(ws.locations()).isEmpty();
    }

    @Test
    void badLocationModifierOrRegex_isAnError() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(NginxConfException.class,
                () -> parse("http { server { location ~~ /x { } } }")))
                .hasMessage("test.conf:1:17: invalid location modifier \"~~\"");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(NginxConfException.class,
                () -> parse("http { server { location ~ ^/(ws { } } }")))
                .hasMessageStartingWith("test.conf:1:17: cannot compile regex \"^/(ws\"");
    }

    @Test
    void allLocations_listsNestedOnesDepthFirst() throws Exception {
        NginxConfig c = parse(CONF);

        assertThat(c.servers().get(0).allLocations()).extracting(Location::pattern).contains(
                "/api/", "/v[0-9]+/", "/api/admin/", "\\.json$", "/api/raw/", "^/api/");
        assertThat(c.servers().get(0).allLocations()).hasSize(17);
    }
}
